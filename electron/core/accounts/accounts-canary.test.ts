import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';
import type { Core } from '../core.ts';
import { recordingClipboard } from '../test-support/recording-clipboard.ts';
import { rawCall, testCore } from '../test-support/test-core.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';

// Distinctive secrets: every one is searched for, with its base64 and hex forms, in every file of
// the data folder except the encrypted vault, in everything logged, and in every error returned.
const canary = (label: string) => Buffer.from(`CANARY-${label}-d41c9e`).toString('base64');
const secrets = {
  arrPrimary: canary('arr-primary'),
  arrSecondary: canary('arr-secondary'),
  arrRotated: canary('arr-rotated'),
  acsKey: canary('acs-access'),
  imported: canary('imported-key'),
  otherProcess: canary('other-process'),
  secondFolder: canary('second-folder'),
  noKeychain: canary('no-keychain'),
  badKey: 'CANARY-not-base64-5e1f!',
  exportPassphrase: 'CANARY-export-passphrase-77aa',
};
const forms = Object.values(secrets).flatMap((value) => {
  const decoded = Buffer.from(value, 'base64');
  return [
    value,
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('hex'),
    decoded.toString('hex'),
    decoded.toString('utf8'),
  ].filter((form) => form.length >= 12);
});

let folder: string;
let core: Core;
const keychain = createMemoryKeychain();
const output: string[] = [];
const vaultFiles = /^vault\.bin(\.bak|\.corrupt-.*)?$|^vault-.*\.bin$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return vaultFiles.test(name) ? [] : [full];
  });
}

/** After each step: no secret in a file of the data folder, in the log, or in what the call returned when it failed. */
function expectNoSecretLeft(step: string, result?: Result<unknown>): void {
  const places: [string, string][] = filesUnder(folder).map((file) => [path.relative(folder, file), readFileSync(file, 'latin1')]);
  places.push(['log output', output.join('\n')]);
  if (result && !result.ok) places.push(['error', JSON.stringify(result.error)]);
  for (const [where, text] of places) {
    for (const form of forms) expect(text.includes(form), `${step}: ${where} holds a secret`).toBe(false);
  }
}

const ok = async <M extends MethodName>(step: string, method: M, input?: MethodInput<M>, target = core): Promise<MethodOutput<M>> => {
  const result = await rawCall(target, method, input);
  expect(result.ok, `${step}: ${JSON.stringify(result)}`).toBe(true);
  expectNoSecretLeft(step);
  return (result as { ok: true; value: MethodOutput<M> }).value;
};
const fails = async (step: string, method: MethodName, input: unknown, code: string, target = core) => {
  const result = await rawCall(target, method, input);
  expect(result, step).toMatchObject({ ok: false, error: { code } });
  expectNoSecretLeft(step, result);
};

beforeAll(() => {
  // The data folder and an exports folder beside it (exports are refused inside the data folder); both are searched.
  folder = mkdtempSync(path.join(tmpdir(), 'azcred-canary-'));
  core = testCore(path.join(folder, 'data'), { keychain, clipboard: recordingClipboard() });
  for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void output.push(args.map(String).join(' ')));
  }
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(folder, { recursive: true, force: true });
});

describe('the canary', () => {
  it('finds no secret outside the vault, the log or an error after any account operation', async () => {
    const arr = await ok('add ARR', 'accounts.add', {
      kind: 'arr',
      name: 'Canary render',
      accountId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      accountDomain: 'westeurope',
      primaryKey: secrets.arrPrimary,
      secondaryKey: secrets.arrSecondary,
    });
    const acs = await ok('add ACS', 'accounts.add', {
      kind: 'acs',
      name: 'Canary chat',
      connectionString: `endpoint=https://canary.communication.azure.com/;accesskey=${secrets.acsKey}`,
    });
    await ok('update key', 'accounts.update', { id: arr.id, changes: { kind: 'arr', primaryKey: secrets.arrRotated, secondaryKey: null } });
    await ok('rename', 'accounts.update', { id: acs.id, changes: { kind: 'acs', name: 'Canary chat renamed' } });
    expect(await ok('reveal', 'accounts.reveal', { id: arr.id, secret: 'primaryKey' })).toMatchObject({
      value: secrets.arrRotated,
    });
    await ok('copy', 'accounts.copy', { id: acs.id, secret: 'connectionString' });
    await ok('list', 'accounts.list');

    const env = `CANARY_ARR_ACCOUNT_ID=1d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a\nCANARY_ARR_ACCOUNT_DOMAIN=eastus\nCANARY_ARR_ACCOUNT_KEY=${secrets.imported}\n`;
    await ok('import preview', 'accounts.import', { text: env, dryRun: true });
    await ok('import', 'accounts.import', { text: env });

    const exports = path.join(folder, 'exports');
    mkdirSync(exports);
    await ok('export without secrets', 'accounts.export', { path: path.join(exports, 'plain.json') });
    await ok('export with secrets', 'accounts.export', {
      path: path.join(exports, 'with-keys.json'),
      includeSecrets: true,
      passphrase: secrets.exportPassphrase,
    });

    await fails(
      'bad key',
      'accounts.add',
      {
        kind: 'arr',
        name: 'Bad',
        accountId: '2d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
        accountDomain: 'westeurope',
        primaryKey: secrets.badKey,
      },
      'invalid_input',
    );
    await fails(
      'bad key in an edit',
      'accounts.update',
      { id: arr.id, changes: { kind: 'arr', secondaryKey: secrets.badKey } },
      'invalid_input',
    );
    await fails(
      'duplicate name with a key',
      'accounts.add',
      {
        kind: 'arr',
        name: 'canary RENDER',
        accountId: '3d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
        accountDomain: 'westeurope',
        primaryKey: secrets.imported,
      },
      'conflict',
    );
    await fails(
      'bad connection string',
      'accounts.add',
      { kind: 'acs', name: 'Bad chat', connectionString: `endpoint=http://insecure.example;accesskey=${secrets.acsKey}` },
      'invalid_input',
    );
    await fails(
      'import of a bad key',
      'accounts.import',
      { text: env.replace(secrets.imported, secrets.badKey), only: [0] },
      'invalid_input',
    );
    const encrypted = readFileSync(path.join(exports, 'with-keys.json'), 'utf8');
    await fails(
      'import with the wrong passphrase',
      'accounts.import',
      { text: encrypted, passphrase: 'not the passphrase' },
      'invalid_input',
    );
    await fails(
      'reveal of an unknown account',
      'accounts.reveal',
      { id: '0b9a1c7e-0000-4000-8000-000000000000', secret: 'primaryKey' },
      'not_found',
    );

    // The integration steps: another process on the same folder, a second data folder, two writers at
    // once, no keychain at all, and a damaged vault file set aside.
    const otherProcess = testCore(path.join(folder, 'data'), { keychain });
    await ok('reveal in another process', 'accounts.reveal', { id: acs.id, secret: 'connectionString' }, otherProcess);
    await Promise.all([
      ok(
        'add from another process at once',
        'accounts.add',
        {
          kind: 'arr',
          name: 'Canary other',
          accountId: '4d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
          accountDomain: 'eastus',
          primaryKey: secrets.otherProcess,
        },
        otherProcess,
      ),
      ok('add from this process at once', 'accounts.add', {
        kind: 'acs',
        name: 'Canary entra',
        endpoint: 'https://canary-entra.communication.azure.com',
      }),
    ]);
    const secondFolder = testCore(path.join(folder, 'second'), { keychain });
    await ok(
      'add in a second data folder',
      'accounts.add',
      {
        kind: 'arr',
        name: 'Canary second',
        accountId: '5d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
        accountDomain: 'eastus',
        primaryKey: secrets.secondFolder,
      },
      secondFolder,
    );
    const locked = {
      getPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      setPassword: () => Promise.reject(new Error('locked')),
      deletePassword: () => Promise.reject(new Error('locked')),
    };
    const noKeychain = testCore(path.join(folder, 'no-keychain'), { keychain: locked });
    await fails(
      'add with the keychain locked',
      'accounts.add',
      {
        kind: 'arr',
        name: 'Canary locked',
        accountId: '6d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
        accountDomain: 'eastus',
        primaryKey: secrets.noKeychain,
      },
      'vault_unavailable',
      noKeychain,
    );
    await Promise.all([otherProcess, secondFolder, noKeychain].map((other) => other.close()));
    const vaultFile = path.join(folder, 'data', 'vault.bin');
    writeFileSync(vaultFile, readFileSync(vaultFile).subarray(0, 60));
    const afterQuarantine = testCore(path.join(folder, 'data'), { keychain });
    expect(await ok('open a damaged vault', 'vault.status', undefined, afterQuarantine)).toMatchObject({
      quarantined: { problem: 'damaged' },
    });
    await ok('list after the quarantine', 'accounts.list', undefined, afterQuarantine);
    await afterQuarantine.close();
    // The log was captured: the quarantine is logged (without any value).
    expect(output.join('\n')).toContain('vault file could not be read (damaged); moved aside');

    await ok('delete', 'accounts.delete', { id: arr.id });
    await core.close();
    expectNoSecretLeft('close');
    // The check looked where it should: the data folders held these files (the access log, which names each key revealed, copied
    // and exported, among them), and the vaults themselves do hold the keys (encrypted).
    expect(
      filesUnder(folder)
        .map((file) => path.relative(folder, file))
        .sort(),
    ).toEqual([
      'data/access-log.jsonl',
      'data/accounts.json',
      'data/accounts.json.bak',
      'data/settings.json',
      'data/vault.json',
      'exports/plain.json',
      'exports/with-keys.json',
      'no-keychain/settings.json',
      'second/accounts.json',
      'second/settings.json',
      'second/vault.json',
    ]);
    expect(readdirSync(path.join(folder, 'data')).filter((name) => name.startsWith('vault.bin'))).toEqual(
      expect.arrayContaining(['vault.bin', expect.stringMatching(/^vault\.bin\.corrupt-/)]),
    );
    expect(readdirSync(path.join(folder, 'data', 'backups')).length).toBeGreaterThan(0);
  });
});
