import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessLog } from './access-log.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-access-log-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const copyKey = {
  action: 'copy',
  kind: 'account-key',
  what: 'primary key of Showroom',
  account: { id: 'a1', name: 'Showroom' },
} as const;

describe('the access log', () => {
  it('records who was handed what, newest first, in a 0600 file another process reads the same way', async () => {
    const app = new AccessLog({ dataFolder: folder, recipient: { front: 'electron', pid: 11 } });
    const cli = new AccessLog({ dataFolder: folder, recipient: { front: 'cli', pid: 22, command: 'azcred token entra' } });
    await app.record(copyKey);
    await cli.record({ action: 'print', kind: 'entra', what: 'Entra token', resource: 'https://management.azure.com' });
    const seen = await app.list();
    expect(seen.map((e) => [e.action, e.to.front, e.to.pid])).toEqual([
      ['print', 'cli', 22],
      ['copy', 'electron', 11],
    ]);
    expect(seen[0]?.to.command).toBe('azcred token entra');
    expect((await stat(path.join(folder, 'access-log.jsonl'))).mode & 0o777).toBe(0o600);
    expect(await cli.list({ limit: 1 })).toHaveLength(1);
    expect(await cli.list({ since: new Date(Date.now() + 60_000) })).toEqual([]);
  });

  it('refuses an entry that holds something shaped like a secret, and writes nothing', async () => {
    const log = new AccessLog({ dataFolder: folder, recipient: { front: 'cli', pid: 1 } });
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4eHh4eHh4eHgifQ.c2lnbmF0dXJl';
    await expect(log.record({ ...copyKey, what: `token ${jwt}` })).rejects.toThrow(/looked like it held a secret/);
    await expect(log.record({ ...copyKey, what: 'endpoint=https://x/;accesskey=abc' })).rejects.toThrow(/secret/);
    expect(await log.list()).toEqual([]);
  });

  it('moves a full log aside, keeps one older generation, and still lists both', async () => {
    const log = new AccessLog({ dataFolder: folder, recipient: { front: 'cli', pid: 1 }, maxBytes: 2_000 });
    for (let i = 0; i < 30; i += 1) await log.record({ ...copyKey, what: `primary key of Showroom, time ${i}` });
    const current = (await stat(path.join(folder, 'access-log.jsonl'))).size;
    expect(current).toBeLessThan(2_000 + 400);
    const rotated = await readFile(path.join(folder, 'access-log.1.jsonl'), 'utf8');
    expect(rotated.split('\n').filter(Boolean).length).toBeGreaterThan(5);
    const listed = await log.list();
    expect(listed[0]?.what).toBe('primary key of Showroom, time 29');
    expect(listed.length).toBeLessThan(30);
  });

  it('skips a damaged line instead of losing the rest', async () => {
    const log = new AccessLog({ dataFolder: folder, recipient: { front: 'cli', pid: 1 } });
    await log.record(copyKey);
    await writeFile(path.join(folder, 'access-log.jsonl'), '{"half":\n', { flag: 'a' });
    await log.record(copyKey);
    expect(await log.list()).toHaveLength(2);
  });
});
