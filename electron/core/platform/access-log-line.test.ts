import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessLog } from './access-log.ts';
import { accessLogEntry, accessLogMaxBytes, appendAccessLogLineIfRoom } from './access-log-line.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-access-log-line-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const file = () => path.join(folder, 'access-log.jsonl');
const printed = {
  action: 'print',
  kind: 'arr-sts',
  what: 'ARR access token · Showroom (primary key)',
  account: { id: 'a1', name: 'Showroom' },
  resource: 'https://sts.mixedreality.azure.com',
  tokenId: 't1',
} as const;
const cli = { front: 'cli', command: 'azcred token arr', pid: 33 } as const;

describe("the CLI's quick-path line", () => {
  it('writes the line AccessLog writes, field for field, in a 0600 file AccessLog reads back', async () => {
    const time = '2026-12-07T10:00:00.000Z';
    expect(appendAccessLogLineIfRoom(folder, accessLogEntry(printed, 'e1', time, cli))).toBe(true);
    const full = new AccessLog({ dataFolder: folder, recipient: cli, now: () => new Date(time) });
    const recorded = await full.record(printed);
    const [quick, slow] = (await readFile(file(), 'utf8')).trimEnd().split('\n');
    expect(quick).toBe(slow?.replace(recorded.id, 'e1'));
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect((await full.list()).map((e) => e.id)).toEqual([recorded.id, 'e1']);
  });

  it('leaves a full log to the full CLI, which rotates it, and writes nothing', async () => {
    await writeFile(file(), 'x'.repeat(accessLogMaxBytes), { mode: 0o600 });
    expect(appendAccessLogLineIfRoom(folder, accessLogEntry(printed, 'e1', new Date().toISOString(), cli))).toBe(false);
    expect((await stat(file())).size).toBe(accessLogMaxBytes);
  });

  it('refuses a line that looks like it holds a secret', async () => {
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${'eyJhdWQiOiJ4In0'.repeat(2)}.c2lnbmF0dXJl`;
    expect(appendAccessLogLineIfRoom(folder, accessLogEntry({ ...printed, what: jwt }, 'e1', new Date().toISOString(), cli))).toBe(false);
    await expect(readFile(file(), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
