import type { Core } from '../electron/core/core.ts';
import type { VaultStatus } from '../shared/vault.ts';

/**
 * Without a keychain the demo chooses no vault for the user: the app's banner asks. This makes the
 * demo's core answer that choice (`vault.open`, a passphrase vault or memory only, or the unlock of
 * last run's passphrase vault) only once the sample data is in, so the page, which reads its data
 * again when the vault opens, shows it at once. The seed runs once; a failed seed is reported and
 * the vault stays open.
 */
export function seedWhenVaultOpens(core: Core, seed: (opened: VaultStatus) => Promise<void>): void {
  const vault = core.vault;
  const open = vault.open.bind(vault);
  let seeding: Promise<void> | undefined;
  vault.open = async (input) => {
    const status = await open(input);
    if (status.state !== 'open') return status;
    seeding ??= seed(status);
    await seeding;
    // The seed added secrets: answer with the count as it is now.
    return vault.status();
  };
}
