import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/azcred.js', import.meta.url));
let home: string;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'azcred-cli-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

const azcred = (...args: string[]) => run(process.execPath, [bin, ...args], { env: { ...process.env, AZCRED_HOME: home } });

describe('azcred', () => {
  it('reports the data folder it uses, from AZCRED_HOME', async () => {
    const { stdout } = await azcred('info', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ mode: 'cli', dataFolder: home, dataFolderSource: 'AZCRED_HOME' });
  });

  it('lists the built-in clouds', async () => {
    const { stdout } = await azcred('cloud', 'list');
    expect(stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['NAME', 'AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment']);
  });

  it('exits 2 with one line on stderr for an unknown command', async () => {
    const failure = await azcred('frobnicate').then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure?.stderr).toContain('azcred --help');
  });
});
