import { z } from 'zod';
import { method, noInput } from './method.ts';

/** How the vault key is kept: the OS keychain (default), a passphrase, or nowhere (memory-only session). */
export const vaultModeSchema = z.enum(['keychain', 'passphrase', 'memory']);
export type VaultMode = z.infer<typeof vaultModeSchema>;

/** Why the vault cannot be used right now, finer than the error code, so the UI offers the right next step. */
export type VaultProblem =
  | 'no_secret_service'
  | 'keychain_locked'
  | 'keychain_no_keyring'
  | 'keychain_refused'
  | 'keychain_timeout'
  | 'keychain_failed'
  | 'keychain_addon_missing'
  | 'keychain_key_missing'
  | 'passphrase_required'
  | 'wrong_passphrase'
  | 'unsupported_version'
  | 'mode_mismatch'
  | 'lock_busy'
  | 'record_invalid'
  | 'header_damaged'
  | 'storage_failed';

/**
 * A vault file that could not be read and was moved aside (never deleted). It stays reported,
 * and the backups made before it are never pruned, until the user restores a backup or
 * acknowledges it.
 */
export interface QuarantineView {
  path: string;
  problem: 'damaged' | 'wrong_key';
  message: string;
  /** When it was moved aside (ISO 8601). */
  at: string;
}

/** One backup generation of the vault file (`backups/vault-<time>.bin` in the data folder). Never a secret. */
export interface VaultBackupView {
  name: string;
  /** When this copy was written (ISO 8601). */
  createdAt: string;
  /** How many secrets it holds; null when it does not open with this vault's key (another key or passphrase, or damaged). */
  secretCount: number | null;
  /** Made before the unacknowledged quarantine: what "Restore the last backup" picks from. */
  beforeQuarantine: boolean;
}

/**
 * What every front door may know about the vault: where secrets are kept and whether they can be
 * used now. Never a secret.
 * - `open`: secrets can be read and written.
 * - `locked`: a passphrase vault waiting for its passphrase.
 * - `unavailable`: the keychain failed; `message` names the fix and the user may pick another mode.
 */
export type VaultStatus =
  | { state: 'open'; mode: VaultMode; location: string | null; secretCount: number; quarantined: QuarantineView | null }
  | { state: 'locked'; mode: 'passphrase'; location: string }
  | { state: 'unavailable'; problem: VaultProblem; message: string; recordedMode: VaultMode | null };

/** A passphrase for a vault or an encrypted export: long enough to resist guessing at scrypt's cost. */
export const newPassphraseSchema = z.string().min(10, 'Use at least 10 characters').max(1024, 'Use at most 1,024 characters');

/** Opening the vault as the user chose: retry the keychain, unlock or create a passphrase vault, or a memory-only session. */
export const vaultOpenInputSchema = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('keychain') }).strict(),
    z.object({ mode: z.literal('passphrase'), passphrase: z.string().min(1, 'Enter the passphrase').max(1024) }).strict(),
    z.object({ mode: z.literal('memory') }).strict(),
  ],
  { message: `Choose one of ${vaultModeSchema.options.join(', ')}` },
);

/** Backup names are file names the core made: `vault-<time>-<hex>.bin`, nothing that can leave the backups folder. */
export const vaultBackupNameSchema = z.string().regex(/^vault-[0-9TZ-]+-[0-9a-f]+\.bin$/, 'Choose a backup from the list');

/** Restores one backup over the vault file; without a name, the last backup made before the quarantine (or the newest). */
export const vaultRestoreInputSchema = z.object({ name: vaultBackupNameSchema.optional() }).strict();

/**
 * Starting a new passphrase vault in place of one that cannot be opened (its header is damaged and
 * no copy can check the passphrase): an explicit, confirmed step, and the new passphrase must meet
 * the rules for a new one. The old file is moved aside, never deleted.
 */
export const vaultStartNewInputSchema = z
  .object({
    passphrase: newPassphraseSchema,
    confirm: z.literal(true, { message: 'Confirm that a new, empty vault replaces the one that cannot be opened' }),
  })
  .strict();

/** The contract's methods for the vault (shared/contract.ts joins every domain's). */
export const vaultMethods = {
  /** Where secrets are kept and whether they can be used; the first call opens the vault (once per process). */
  'vault.status': method<typeof noInput, VaultStatus>(noInput),
  /** The user's explicit choice after a keychain failure, or the passphrase of a locked vault. */
  'vault.open': method<typeof vaultOpenInputSchema, VaultStatus>(vaultOpenInputSchema),
  /** The vault file's backup generations, newest first, with how many secrets each holds. */
  'vault.backups': method<typeof noInput, VaultBackupView[]>(noInput),
  /** Restores a backup over the vault file (the last good one without a name); the current file is kept as a generation. */
  'vault.restore': method<typeof vaultRestoreInputSchema, VaultStatus>(vaultRestoreInputSchema),
  /** The user has read the quarantine notice: it goes, and old backups may be pruned again. */
  'vault.acknowledgeQuarantine': method<typeof noInput, VaultStatus>(noInput),
  /** Replaces a passphrase vault that cannot be opened with a new, empty one: explicit and confirmed. */
  'vault.startNew': method<typeof vaultStartNewInputSchema, VaultStatus>(vaultStartNewInputSchema),
} as const;
