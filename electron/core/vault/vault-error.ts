import { AppError } from '../../../shared/errors.ts';

/** Why the vault could not do what was asked, finer than the error code, so the UI can offer the right next step. */
export type VaultFailure =
  | 'no_secret_service'
  | 'keychain_locked'
  | 'keychain_no_keyring'
  | 'keychain_refused'
  | 'keychain_timeout'
  | 'keychain_failed'
  | 'keychain_key_missing'
  | 'passphrase_required'
  | 'wrong_passphrase'
  | 'unsupported_version'
  | 'mode_mismatch'
  | 'lock_busy'
  | 'record_invalid';

/** An AppError (`vault_unavailable`) that also says which vault failure it is. Its message never holds a secret. */
export class VaultError extends AppError {
  readonly reason: VaultFailure;

  constructor(reason: VaultFailure, message: string) {
    super('vault_unavailable', message);
    this.name = 'VaultError';
    this.reason = reason;
  }
}
