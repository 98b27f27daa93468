import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyringSession, runAzcred } from './test-support/run-azcred.ts';

let home: string;

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'azcred-cli-info-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

describe('azcred info', () => {
  it.runIf(keyringSession)('says secrets are in a keychain vault, its file, and the keychain entry its key is under', async () => {
    const run = await runAzcred(['info'], { home });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Data folder: ${home} (from AZCRED_HOME)`);
    expect(run.stdout).toContain(
      `Secrets: keychain vault at ${path.join(home, 'vault.bin')}, key in the OS keychain (Secret Service) under "Azure ` +
        `Credential Manager"`,
    );
    const json = JSON.parse((await runAzcred(['info', '--json'], { home })).stdout) as { secrets: unknown };
    expect(json.secrets).toEqual({
      state: 'open',
      mode: 'keychain',
      file: path.join(home, 'vault.bin'),
      key: 'key in the OS keychain (Secret Service) under "Azure Credential Manager"',
    });
  });

  it.runIf(process.platform === 'linux')(
    'says why secrets cannot be used where no Secret Service answers, and where the vault and its key would be',
    async () => {
      const run = await runAzcred(['info'], { home, env: { DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home, 'no-bus')}` } });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Secrets: cannot be used now\. (No Secret Service is running|The OS keychain cannot be used)/m);
      expect(run.stdout).toContain(
        `keychain vault at ${path.join(home, 'vault.bin')}, key in the OS keychain (Secret Service) under "Azure Credential Manager"`,
      );
    },
  );
});
