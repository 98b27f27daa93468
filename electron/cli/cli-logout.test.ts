import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretServicePrincipal } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { keptTokensFileName } from '../core/tokens/kept-tokens-file.ts';
import { coreApi, testCore } from '../core/test-support/test-core.ts';
import { keytarKeychain } from '../core/vault/keychain.ts';
import { openVault } from '../core/vault/vault.ts';
import { arrPrimaryKey, closeEmulatorDataFolder, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { addEmulatorArr, armScope, eastUsArr, servicePrincipalLogin, westEuropeArr } from './test-support/azcred-arguments.ts';
import { azcredIn, keyringSession } from './test-support/run-azcred.ts';

let emulator: RunningEmulator;
let home: string;
const azcred = azcredIn(() => home);

/** `azcred token ... --json`: the printed token's id. */
async function mintedId(args: string[]): Promise<string> {
  const run = await azcred([...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { id: string }).id;
}

const keptOnFile = async (): Promise<string[]> =>
  (JSON.parse(await readFile(path.join(home, keptTokensFileName), 'utf8')) as { tokens: { id: string }[] }).tokens.map((t) => t.id).sort();

async function tokensInVault(): Promise<string[]> {
  const vault = await openVault({ dataFolder: home, keychain: keytarKeychain() });
  try {
    return vault.names('token/').map((name) => name.slice('token/'.length));
  } finally {
    vault.close();
  }
}

describe.runIf(keyringSession)('azcred logout, against the emulator', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-logout-'));
  }, 60_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('removes the tokens minted through the identity from tokens.json and the vault, and keeps the key-minted one', async () => {
    expect(await azcred(addEmulatorArr('west', westEuropeArr), arrPrimaryKey(emulator, westEuropeArr))).toMatchObject({ code: 0 });
    expect(await azcred(addEmulatorArr('east', eastUsArr, '--no-key'))).toMatchObject({ code: 0 });
    const login = await azcred(servicePrincipalLogin('--name', 'pipeline'), secretServicePrincipal.secret);
    expect(login.code, login.stderr).toBe(0);

    const throughPipeline = [
      await mintedId(['token', 'entra', '--scope', armScope, '--identity', 'pipeline']),
      await mintedId(['token', 'arr', 'east', '--identity', 'pipeline']),
    ];
    const byKey = await mintedId(['token', 'arr', 'west']);
    expect(await keptOnFile()).toEqual([...throughPipeline, byKey].sort());

    const logout = await azcred(['logout', 'pipeline']);
    expect(logout.code, logout.stderr).toBe(0);
    expect(logout.stdout).toContain('Signed out');

    expect(await keptOnFile()).toEqual([byKey]);
    expect(await tokensInVault()).toEqual([byKey]);
    // The quick path that prints a kept token without the core has nothing left to print for it either.
    expect(await azcred(['token', 'entra', '--scope', armScope, '--identity', 'pipeline'])).toMatchObject({ code: 3, stdout: '' });
    const core = testCore(home, { keychain: keytarKeychain() });
    try {
      for (const id of throughPipeline)
        expect(await coreApi(core).tokens.reveal({ id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await coreApi(core).tokens.reveal({ id: byKey })).toMatchObject({ ok: true });
    } finally {
      await core.close();
    }
  });
});
