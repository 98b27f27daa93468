import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { coreApi, coreValues, fastScrypt, rawCall, testCore } from '../test-support/test-core.ts';
import { createMemoryKeychain } from './keychain.ts';
import { readVaultHeader } from './vault-file.ts';
import { openVault } from './vault.ts';

const passphrase = 'correct horse battery';
const key = 'T0xELXByaW1hcnkta2V5LW9uZQ==';

let folder: string;
const cores: Core[] = [];
const newCore = () => {
  const core = testCore(folder, { keychain: createMemoryKeychain() });
  cores.push(core);
  return core;
};
const vaultFile = () => path.join(folder, 'vault.bin');
const record = () =>
  JSON.parse(readFileSync(path.join(folder, 'vault.json'), 'utf8')) as { passphraseCheck?: { salt: string; keyCheck: string } };

/** Breaks the JSON header, so the salt and key check in the file can no longer be read. */
function damageHeader(): Buffer {
  const bytes = Buffer.from(readFileSync(vaultFile()));
  bytes[10] = '!'.charCodeAt(0);
  writeFileSync(vaultFile(), bytes);
  expect(() => readVaultHeader(bytes)).toThrow(/header/);
  return bytes;
}

/** A passphrase vault whose record is from before the check was kept outside the header, and whose header is then damaged. */
async function damagedWithNothingToCheck(): Promise<Buffer> {
  const vault = await openVault({ dataFolder: folder, mode: 'passphrase', passphrase, scryptParams: fastScrypt });
  await vault.set('s', 'v');
  vault.close();
  const { passphraseCheck: _dropped, ...older } = JSON.parse(readFileSync(path.join(folder, 'vault.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(path.join(folder, 'vault.json'), JSON.stringify(older));
  return damageHeader();
}

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'azcred-passphrase-header-'));
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  rmSync(folder, { recursive: true, force: true });
});

describe('a passphrase vault whose header is damaged', () => {
  it('keeps what checks the passphrase outside the header, in vault.json (never the key)', async () => {
    const vault = await openVault({ dataFolder: folder, mode: 'passphrase', passphrase, scryptParams: fastScrypt });
    const header = readVaultHeader(readFileSync(vaultFile())).header;
    expect(record().passphraseCheck).toEqual({ ...header.kdf, keyCheck: header.keyCheck });
    vault.close();
  });

  it('refuses a wrong passphrase, and with the right one opens (the damaged file moved aside) without re-keying', async () => {
    const core = newCore();
    await coreValues(core).vault.open({ mode: 'passphrase', passphrase });
    const account = await coreValues(core).accounts.add({
      kind: 'arr',
      name: 'Render',
      accountId: '0f6c8e4a-1b2c-4d3e-8f90-123456789abc',
      accountDomain: 'westeurope',
      primaryKey: key,
    });
    await core.close();
    const check = record().passphraseCheck;
    const damaged = damageHeader();

    const next = newCore();
    const wrong = await coreApi(next).vault.open({ mode: 'passphrase', passphrase: 'any other passphrase' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('does not open this vault') },
    });
    expect(readFileSync(vaultFile())).toEqual(damaged);
    expect(record().passphraseCheck).toEqual(check);

    expect(await coreValues(next).vault.open({ mode: 'passphrase', passphrase })).toMatchObject({
      state: 'open',
      quarantined: { problem: 'damaged' },
    });
    // Same salt and key check: the passphrase was checked, not adopted.
    expect(record().passphraseCheck).toEqual(check);
    // And the backup made before the damage opens with it.
    await coreValues(next).vault.restore({});
    expect(readVaultHeader(readFileSync(vaultFile())).header.keyCheck).toBe(check?.keyCheck);
    expect(await coreValues(next).accounts.reveal({ id: account.id, secret: 'primaryKey' })).toMatchObject({ value: key });
    expect(await coreApi(newCore()).vault.open({ mode: 'passphrase', passphrase: 'any other passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('is refused for every passphrase when nothing outside the header can check it, and the file is left as it is', async () => {
    const damaged = await damagedWithNothingToCheck();
    for (const tried of [passphrase, 'any other passphrase']) {
      const result = await coreApi(newCore()).vault.open({ mode: 'passphrase', passphrase: tried });
      expect(result, tried).toMatchObject({
        ok: false,
        error: {
          code: 'vault_unavailable',
          message: expect.stringMatching(
            /header is damaged.*no passphrase can be checked.*start a new, empty vault \(Start a new, empty vault in the app, or azcred vault new --yes\)/,
          ),
        },
      });
    }
    expect(readFileSync(vaultFile())).toEqual(damaged);
    expect(readdirSync(folder).filter((name) => name.includes('.corrupt-'))).toEqual([]);
  });

  it('is replaced by a new vault only by the explicit, confirmed step, which applies the rules for a new passphrase', async () => {
    const damaged = await damagedWithNothingToCheck();
    const core = newCore();
    expect(await rawCall(core, 'vault.startNew', { passphrase: 'new passphrase long' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await coreApi(core).vault.startNew({ passphrase: 'short', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'passphrase' }] },
    });
    expect(readFileSync(vaultFile())).toEqual(damaged);

    expect(await coreValues(core).vault.startNew({ passphrase: 'new passphrase long', confirm: true })).toMatchObject({
      state: 'open',
      mode: 'passphrase',
      secretCount: 0,
    });
    const moved = readdirSync(folder).filter((name) => name.startsWith('vault.bin.corrupt-'));
    expect(moved).toHaveLength(1);
    expect(readFileSync(path.join(folder, moved[0]!))).toEqual(damaged);
    expect(await coreApi(newCore()).vault.open({ mode: 'passphrase', passphrase })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await coreValues(newCore()).vault.open({ mode: 'passphrase', passphrase: 'new passphrase long' })).toMatchObject({
      state: 'open',
    });
  });
});
