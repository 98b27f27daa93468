/**
 * The demo's own folder: made or reused only when it is the demo's (a marker file says so), never
 * the real data folder, and wiped on `--fresh` together with its vault key in the keychain, so
 * fresh demos do not leave keys behind in the user's keyring.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDataFolder } from '../electron/core/platform/data-folder.ts';
import { callKeychain, defaultKeychainTimeoutMs, keychainService, keytarKeychain } from '../electron/core/vault/keychain.ts';
import { keychainAccount } from '../electron/core/vault/vault-key.ts';
import { readVaultMetadata } from '../electron/core/vault/vault-metadata.ts';

export const demoMarker = 'azcred-demo.txt';

/** Makes (or, with `fresh`, empties) the demo folder; refuses the real data folder and folders the demo did not make. */
export async function prepareDemoFolder(home: string, options: { fresh: boolean; env?: NodeJS.ProcessEnv }): Promise<void> {
  const real = resolveDataFolder({ ...options.env, AZCRED_HOME: '' }).path;
  const inside = (child: string, parent: string) => {
    const relative = path.relative(parent, child);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  if (inside(home, real) || inside(real, home))
    throw new Error(`${home} holds your real data folder (${real}); the demo keeps to a folder of its own.`);
  if (existsSync(home) && readdirSync(home).length > 0 && !existsSync(path.join(home, demoMarker))) {
    throw new Error(`${home} is not empty and was not made by the demo (it has no ${demoMarker}): choose a new folder with --home.`);
  }
  if (options.fresh && existsSync(home)) {
    await forgetVaultKey(path.join(home, 'data'));
    rmSync(home, { recursive: true, force: true });
  }
  mkdirSync(home, { recursive: true, mode: 0o700 });
  writeFileSync(
    path.join(home, demoMarker),
    'Made by `npm run demo` (Azure Credential Manager): test data for the local Azure emulator only. `npm run demo -- --fresh` wipes it.\n',
  );
}

/** Removes the keychain entry of the folder's vault, if it has one; a keychain that cannot be reached is left as it is. */
async function forgetVaultKey(dataFolder: string): Promise<void> {
  const metadata = await readVaultMetadata(dataFolder).catch(() => null);
  if (metadata?.mode !== 'keychain') return;
  const keychain = keytarKeychain();
  await callKeychain(
    'removing the demo vault key',
    () => keychain.deletePassword(keychainService, keychainAccount(metadata.id)),
    defaultKeychainTimeoutMs,
  ).catch(() => {
    console.log(
      `(The old demo vault's key stays in your keychain as "${keychainAccount(metadata.id)}" under "${keychainService}": the ` +
        `keychain could not be reached.)`,
    );
  });
}
