import { AppError } from '../../../shared/errors.ts';
import type { VaultProblem } from '../../../shared/vault.ts';

/** Why the vault could not do what was asked (shared with the UI, which offers the right next step). */
export type VaultFailure = VaultProblem;

/** An AppError (`vault_unavailable`) that also says which vault failure it is. Its message never holds a secret. */
export class VaultError extends AppError {
  readonly reason: VaultFailure;

  constructor(reason: VaultFailure, message: string) {
    super('vault_unavailable', message);
    this.name = 'VaultError';
    this.reason = reason;
  }
}
