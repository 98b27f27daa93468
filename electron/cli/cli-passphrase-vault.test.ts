import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { coreValues, testCore } from '../core/test-support/test-core.ts';
import { createMemoryKeychain } from '../core/vault/keychain.ts';
import { promptHidden } from './cli-io.ts';
import { type AzcredRun, runAzcred, runAzcredOnTerminal } from './test-support/run-azcred.ts';

const passphrase = 'correct horse battery staple';
const wrong = 'wrong horse battery staple';
let emulator: RunningEmulator;
let home: string;
let connectionString: string;
const azcred = (args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<AzcredRun> =>
  runAzcred(args, { home, ...options });

/** Exit 4, nothing on stdout, and the passphrase tried nowhere in what azcred printed. */
function expectRefused(run: AzcredRun, says: RegExp, tried: string): void {
  expect(run.code, run.stderr).toBe(4);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(says);
  expect(run.stderr).not.toContain(tried);
}

const onTerminal = (args: string[], answers: string[]) => runAzcredOnTerminal(args, { home, prompt: 'Vault passphrase: ', answers });

describe('azcred with a passphrase vault', () => {
  beforeAll(async () => {
    emulator = await startEmulator({ scenario: defaultScenario() });
    home = await mkdtemp(path.join(os.tmpdir(), 'azcred-cli-passphrase-'));
    connectionString = emulator.acsConnectionString('contoso-acs-chat');
    // The vault as the app leaves it on a machine without a keychain: protected by a passphrase.
    const core = testCore(home, { keychain: createMemoryKeychain() });
    const api = coreValues(core);
    try {
      await api.vault.open({ mode: 'passphrase', passphrase });
      await api.clouds.import({ text: JSON.stringify(emulator.cloudProfile) });
      await api.accounts.add({ kind: 'acs', name: 'chat', cloud: emulator.cloudProfile.name, connectionString });
    } finally {
      await core.close();
    }
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
    await rm(home, { recursive: true, force: true });
  });

  it('opens it with AZCRED_VAULT_PASSPHRASE for an ACS token and an account key', async () => {
    const env = { AZCRED_VAULT_PASSPHRASE: passphrase };
    const token = await azcred(['token', 'acs', 'chat', '--scopes', 'chat', '--new-user', '--json'], { env });
    expect(token.code, token.stderr).toBe(0);
    expect(JSON.parse(token.stdout)).toMatchObject({ userId: expect.stringMatching(/^8:acs:/) });
    const shown = await azcred(['account', 'show', 'chat', '--reveal'], { env });
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toContain(connectionString);
  });

  it('gives a program run by azcred run the account, never the vault passphrase azcred was given', async () => {
    const probe =
      'process.stdout.write(JSON.stringify({ endpoint: process.env.ACS_ENDPOINT ?? null, passphrase: ' +
      'process.env.AZCRED_VAULT_PASSPHRASE ?? null }))';
    const run = await azcred(['run', '--account', 'chat', '--', process.execPath, '-e', probe], {
      env: { AZCRED_VAULT_PASSPHRASE: passphrase },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ endpoint: expect.stringMatching(/^https:\/\//), passphrase: null });
  });

  it('resolves an azcred:// reference for azcred run with the passphrase from AZCRED_VAULT_PASSPHRASE, and refuses without it', async () => {
    const probe = 'process.stdout.write(String(process.env.CHAT === process.env.EXPECTED))';
    const env = { CHAT: 'azcred://chat/connectionString', EXPECTED: connectionString };
    const run = await azcred(['run', '--no-masking', '--', process.execPath, '-e', probe], {
      env: { ...env, AZCRED_VAULT_PASSPHRASE: passphrase },
    });
    expect(run, run.stderr).toMatchObject({ code: 0, stdout: 'true' });
    const locked = await azcred(['run', '--', process.execPath, '-e', probe], { env });
    expect(locked.code, locked.stderr).toBe(4);
    expect(locked.stdout).toBe('');
  });

  it('opens it with the first line of stdin after --passphrase-stdin, which wins over AZCRED_VAULT_PASSPHRASE', async () => {
    const shown = await azcred(['account', 'show', 'chat', '--passphrase-stdin', '--reveal'], {
      stdin: `${passphrase}\n`,
      env: { AZCRED_VAULT_PASSPHRASE: wrong },
    });
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toContain(connectionString);
  });

  it('says, without stdin on a terminal or a passphrase, how to give one (exit 4), and lists accounts without asking', async () => {
    expectRefused(
      await azcred(['account', 'show', 'chat', '--reveal']),
      /^azcred: The vault is protected by a passphrase\. Run again on a terminal to be asked for it, or set AZCRED_VAULT_PASSPHRASE \/ pass --passphrase-stdin\.\n$/,
      passphrase,
    );
    const listed = await azcred(['account', 'list']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(/^chat\s+ACS/m);
  });

  it(
    'says in azcred info that secrets are in a passphrase vault, its file, and that the key is kept nowhere, without asking for ' + 'it',
    async () => {
      const run = await azcred(['info']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain(
        `Secrets: passphrase vault at ${path.join(home, 'vault.bin')}, key derived from your passphrase each time, stored nowhere ` +
          `(locked: azcred asks for the passphrase when a command needs a secret)`,
      );
      expect(JSON.parse((await azcred(['info', '--json'])).stdout)).toMatchObject({
        secrets: { state: 'locked', mode: 'passphrase', file: path.join(home, 'vault.bin') },
      });
    },
  );

  it('refuses a wrong passphrase with exit 4, naming where it came from and never printing it', async () => {
    expectRefused(
      await azcred(['account', 'show', 'chat', '--reveal'], { env: { AZCRED_VAULT_PASSPHRASE: wrong } }),
      /The passphrase from AZCRED_VAULT_PASSPHRASE does not open this vault/,
      wrong,
    );
    expectRefused(
      await azcred(['token', 'acs', 'chat', '--scopes', 'chat', '--new-user', '--passphrase-stdin'], { stdin: wrong }),
      /The passphrase from --passphrase-stdin does not open this vault/,
      wrong,
    );
  });

  it('refuses --passphrase-stdin with a command that reads its own secret from stdin, before doing anything (exit 2)', async () => {
    const run = await azcred(['account', 'add', 'acs', 'second', '--passphrase-stdin', '--cloud', emulator.cloudProfile.name], {
      stdin: `${passphrase}\n${connectionString}\n`,
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(
      /--passphrase-stdin reads the vault passphrase from stdin, so the connection string cannot come from stdin too\. Give the passphrase in AZCRED_VAULT_PASSPHRASE instead\./,
    );
    expect(run.stderr).not.toContain(passphrase);
    expect(await readFile(path.join(home, 'accounts.json'), 'utf8')).not.toContain('second');
  });

  it.runIf(existsSync('/usr/bin/script'))(
    'asks on a terminal without echoing the answer, again after a wrong one, and opens it',
    async () => {
      const { code, screen } = await onTerminal(['account', 'show', 'chat', '--reveal'], [wrong, passphrase]);
      expect(code, screen).toBe(0);
      expect(screen).toContain('That passphrase does not open this vault. Try again.');
      expect(screen).toContain(connectionString);
      expect(screen).not.toContain(wrong);
      expect(screen).not.toContain(passphrase);
    },
  );

  it.runIf(existsSync('/usr/bin/script'))('gives up on a terminal after three wrong passphrases (exit 4)', async () => {
    const { code, screen } = await onTerminal(['account', 'show', 'chat', '--reveal'], [wrong, wrong, wrong]);
    expect(code, screen).toBe(4);
    expect(screen).toContain('3 passphrases did not open this vault; it stays locked.');
    expect(screen).not.toContain(wrong);
  });
});

describe('promptHidden', () => {
  it('shows the prompt on the terminal, puts it in raw mode so nothing typed is echoed, and keeps the answer as typed', async () => {
    const rawModes: boolean[] = [];
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (on: boolean) => rawModes.push(on) });
    let shown = '';
    const terminal = new PassThrough().on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const answer = promptHidden('Vault passphrase: ', { input, terminal });
    input.write(' spaced passphrase \r');
    expect(await answer).toBe(' spaced passphrase ');
    expect(shown).toBe('Vault passphrase: \n');
    expect(rawModes).toEqual([true, false]);
  });
});
