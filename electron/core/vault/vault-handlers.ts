import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import type { VaultSession } from './vault-session.ts';

/** The vault's contract methods: where secrets are kept, opening it as the user chose, and its backups. */
export const vaultHandlers = {
  'vault.status': ({ services }) => services.vault.status(),
  'vault.open': ({ services }, input) => services.vault.open(input),
  'vault.backups': ({ services }) => services.vault.backups(),
  'vault.restore': ({ services }, input) => services.vault.restore(input.name),
  'vault.acknowledgeQuarantine': ({ services }) => services.vault.acknowledgeQuarantine(),
  'vault.startNew': ({ services }, input) => services.vault.startNew(input.passphrase),
} satisfies HandlersFor<MethodsOf<'vault'>, { vault: VaultSession }>;
