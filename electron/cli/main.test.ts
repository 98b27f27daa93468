import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInClouds } from '../../shared/clouds.ts';

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
    expect(
      stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(['NAME', 'AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment']);
  });

  it('exits 2 with one line on stderr for an unknown command', async () => {
    const failure = await azcred('frobnicate').then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure?.stderr).toContain('azcred --help');
  });

  it('imports a custom cloud profile from a file, lists it, and removes it; a bad file is a usage error', async () => {
    const file = path.join(home, 'stack.json');
    await writeFile(
      file,
      JSON.stringify({
        ...builtInClouds[0],
        name: 'AzureStackLab',
        displayName: 'Azure Stack lab',
        authorityHost: 'https://login.stack.example',
      }),
    );
    expect((await azcred('cloud', 'import', file)).stdout).toContain('AzureStackLab');
    expect((await azcred('cloud', 'list')).stdout).toMatch(/^AzureStackLab\s+Azure Stack lab\s+https:\/\/login\.stack\.example/m);
    await azcred('cloud', 'remove', 'azurestacklab');
    expect((await azcred('cloud', 'list')).stdout).not.toContain('AzureStackLab');
    await writeFile(file, '{"name":"Half"}');
    const failure = await azcred('cloud', 'import', file).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('authorityHost');
  });
});
