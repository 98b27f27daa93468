import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../shared/events.ts';
import { AccessLog } from './access-log.ts';
import { accountsFileName, keptTokensFileName } from './data-folder-layout.ts';
import { watchDataFolder, type DataFolderWatch } from './data-folder-watch.ts';

const run = promisify(execFile);
const jsonFile = fileURLToPath(new URL('./json-file.ts', import.meta.url));

/** Writes `value` to `file` from another Node process, through the app's own atomic write (as the CLI does). */
async function writeFromAnotherProcess(file: string, value: unknown): Promise<void> {
  const script = `const { writeJsonFile } = await import(${JSON.stringify(jsonFile)}); await writeJsonFile(process.argv[1], JSON.parse(process.argv[2]));`;
  await run(process.execPath, ['--input-type=module', '-e', script, file, JSON.stringify(value)]);
}

const folders: string[] = [];
const watches: DataFolderWatch[] = [];
afterEach(async () => {
  for (const watch of watches.splice(0)) watch.close();
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function watched(options: { create?: boolean } = {}) {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'azcred-watch-'));
  folders.push(parent);
  const folder = path.join(parent, 'data');
  if (options.create !== false) await mkdir(folder);
  const events: CoreEvent[] = [];
  watches.push(watchDataFolder({ folder, emit: (event) => events.push(event), retryMs: 50 }));
  return { folder, events };
}

const settled = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watching the data folder', () => {
  it('turns a tokens.json written by another process into one tokens.changed within a second', async () => {
    const { folder, events } = await watched();
    const started = Date.now();
    await writeFromAnotherProcess(path.join(folder, keptTokensFileName), { version: 1, tokens: [] });
    const written = Date.now();
    await expect.poll(() => events.length, { timeout: 1_000, interval: 10 }).toBe(1);
    expect(Date.now() - written, `the write itself took ${written - started} ms`).toBeLessThan(1_000);
    expect(events).toEqual([{ type: 'tokens.changed', reason: 'changed', ids: [] }]);
    await settled(300);
    expect(events, 'one write, one event').toHaveLength(1);
  });

  it('says nothing when the same bytes are written again', async () => {
    const { folder, events } = await watched();
    const file = path.join(folder, accountsFileName);
    await writeFromAnotherProcess(file, { version: 1, accounts: [] });
    await expect.poll(() => events).toEqual([{ type: 'accounts.changed' }]);
    await writeFromAnotherProcess(file, { version: 1, accounts: [] });
    await settled(300);
    expect(events).toEqual([{ type: 'accounts.changed' }]);
  });

  it('announces clouds.json and settings.json, whoever wrote them, as clouds.changed and settings.changed', async () => {
    const { folder, events } = await watched();
    await writeFromAnotherProcess(path.join(folder, 'clouds.json'), { version: 1, clouds: [] });
    await expect.poll(() => events).toEqual([{ type: 'clouds.changed' }]);
    await writeFromAnotherProcess(path.join(folder, 'settings.json'), { theme: 'dark' });
    await expect.poll(() => events).toEqual([{ type: 'clouds.changed' }, { type: 'settings.changed' }]);
  });

  it('announces each entry appended to the access log, and its rotation, as activity.changed', async () => {
    const { folder, events } = await watched();
    const log = new AccessLog({ dataFolder: folder, recipient: { front: 'cli', pid: process.pid }, maxBytes: 400 });
    const entry = { action: 'print', kind: 'entra', what: 'Entra token for ARM' } as const;
    await log.record(entry);
    await expect.poll(() => events).toEqual([{ type: 'activity.changed' }]);
    await log.record(entry);
    await expect.poll(() => events.length).toBe(2);
    // Past 400 bytes the third entry starts a new file: a smaller size, a new inode, still a change.
    await log.record(entry);
    await expect.poll(() => events.length).toBe(3);
    await settled(200);
    expect(events.every((event) => event.type === 'activity.changed')).toBe(true);
    expect(events).toHaveLength(3);
  });

  it('ignores the files it does not name (temp files, backups, the vault)', async () => {
    const { folder, events } = await watched();
    await writeFile(path.join(folder, 'vault.json'), '{}');
    await writeFile(path.join(folder, `${keptTokensFileName}.bak`), '{}');
    await settled(300);
    expect(events).toEqual([]);
  });

  it('starts watching once a folder that did not exist yet is made', async () => {
    const { folder, events } = await watched({ create: false });
    await settled(100);
    await mkdir(folder);
    await settled(200); // the retry finds the folder
    await writeFromAnotherProcess(path.join(folder, 'identities.json'), { version: 1, identities: [] });
    await expect.poll(() => events).toEqual([{ type: 'identities.changed' }]);
  });

  it('stops after close()', async () => {
    const { folder, events } = await watched();
    watches.splice(0).forEach((watch) => watch.close());
    await writeFromAnotherProcess(path.join(folder, keptTokensFileName), { version: 1, tokens: [] });
    await settled(300);
    expect(events).toEqual([]);
  });
});
