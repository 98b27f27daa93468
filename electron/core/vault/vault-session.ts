import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { newPassphraseSchema, type VaultBackupView, type VaultMode, type VaultStatus } from '../../../shared/vault.ts';
import { log } from '../platform/log.ts';
import type { KeychainPort } from './keychain.ts';
import { openVault, startNewPassphraseVault, vaultFileName, type OpenVaultOptions, type Vault } from './vault.ts';
import { VaultError } from './vault-error.ts';
import type { ScryptParams } from './vault-file.ts';
import { readVaultMetadata } from './vault-metadata.ts';

export interface VaultSessionOptions {
  dataFolder: string;
  /** Defaults to keytar; tests pass `createMemoryKeychain()`. */
  keychain?: KeychainPort;
  keychainTimeoutMs?: number;
  /** scrypt cost for a new passphrase vault; tests lower it. */
  scryptParams?: ScryptParams;
  /** Told after each change of the vault's state or contents as a whole (opened, locked, failed, restored, started anew). */
  onChange?: (state: VaultStatus['state']) => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'open'; vault: Vault }
  | { kind: 'locked' }
  | { kind: 'unavailable'; problem: VaultError['reason']; message: string; recordedMode: VaultMode | null }
  | { kind: 'closed' };

const chooseInSettings = 'Open Settings to unlock the vault or choose where secrets are kept, then try again.';

/**
 * The process's one vault. It is opened lazily by the first call that needs it, once: concurrent
 * first calls share one attempt (one keychain round trip). A failure is remembered, never retried
 * on its own (a timed-out keychain call leaves keytar's thread blocked) and never answered by a
 * weaker mode: only the user's `open(mode)` changes the state.
 */
export class VaultSession {
  readonly #options: VaultSessionOptions;
  #state: State = { kind: 'idle' };
  /** The attempt under way, shared by every caller that arrives while it runs. */
  #pending: Promise<void> | undefined;

  constructor(options: VaultSessionOptions) {
    this.#options = options;
  }

  /** The open vault, or undefined, without trying to open it (for metadata-only calls). */
  get current(): Vault | undefined {
    return this.#state.kind === 'open' ? this.#state.vault : undefined;
  }

  /** Where secrets are kept and whether they can be used; the first call opens the vault. */
  async status(): Promise<VaultStatus> {
    await this.#ensureTried();
    // Another process may have moved the file aside, or the user acknowledged it there.
    await this.current?.refresh();
    return this.#view();
  }

  /** The vault file's backup generations, newest first (the vault must be open: their sizes are counted with its key). */
  async backups(): Promise<VaultBackupView[]> {
    return (await this.require()).backups();
  }

  /** Restores a backup over the vault file (the last good one without a name), keeping the current file as a generation. */
  async restore(name: string | undefined): Promise<VaultStatus> {
    await (await this.require()).restore(name);
    return this.#announce();
  }

  /** The user has read the quarantine notice: it goes, and backups made before it may be pruned again. */
  async acknowledgeQuarantine(): Promise<VaultStatus> {
    await (await this.require()).acknowledgeQuarantine();
    return this.#announce();
  }

  /**
   * The confirmed step that replaces a passphrase vault that cannot be opened with a new, empty one
   * (the old file is moved aside). The input schema has already applied the rules for a new passphrase.
   */
  async startNew(passphrase: string): Promise<VaultStatus> {
    await this.#pending?.catch(() => undefined);
    if (this.#state.kind === 'closed') return this.#view();
    const { dataFolder, scryptParams } = this.#options;
    const vault = await startNewPassphraseVault({ dataFolder, passphrase, ...(scryptParams && { scryptParams }) });
    this.current?.close();
    this.#settle({ kind: 'open', vault });
    return this.#view();
  }

  /** The open vault for a secret operation; otherwise a `vault_unavailable` error that says what to do. */
  async require(): Promise<Vault> {
    await this.#ensureTried();
    const state = this.#state;
    if (state.kind === 'open') return state.vault;
    if (state.kind === 'locked') throw new VaultError('passphrase_required', `The vault is locked. ${chooseInSettings}`);
    if (state.kind === 'unavailable') {
      // Every keychain failure already offers the other modes in Settings; a disk failure is not fixed there.
      const pointed = state.problem.startsWith('keychain_') || state.problem === 'no_secret_service' || state.problem === 'storage_failed';
      const next = pointed ? '' : ` ${chooseInSettings}`;
      throw new VaultError(state.problem, `Secrets cannot be used until the vault is open. ${state.message}${next}`);
    }
    throw new AppError('vault_unavailable', 'The app is closing; secrets can no longer be used.');
  }

  /**
   * The user's explicit choice: `keychain` retries the keychain, `passphrase` unlocks the recorded
   * passphrase vault or protects a new one, `memory` keeps secrets for this session only. A failure
   * is thrown (and, for a keychain failure, also becomes the state `status()` reports).
   */
  async open(input: { mode: VaultMode; passphrase?: string | undefined }): Promise<VaultStatus> {
    await this.#pending?.catch(() => undefined);
    if (this.#state.kind === 'closed') return this.#view();
    const current = this.current;
    if (current && current.info().mode === input.mode) return this.#view();
    const attempt = this.#openAs(input, current);
    this.#pending = attempt.catch(() => undefined);
    await attempt;
    return this.#view();
  }

  /** Forgets the key and the secrets; later secret operations fail. */
  close(): void {
    this.current?.close();
    this.#state = { kind: 'closed' };
  }

  #ensureTried(): Promise<void> {
    // A full or read-only disk is not remembered as the keychain's failures are: trying again is harmless.
    if (this.#state.kind === 'unavailable' && this.#state.problem === 'storage_failed') {
      this.#state = { kind: 'idle' };
      this.#pending = undefined;
    }
    if (this.#state.kind !== 'idle') return this.#pending ?? Promise.resolve();
    this.#pending ??= this.#firstOpen();
    return this.#pending;
  }

  /** Opens whatever the folder recorded (keychain for a new folder); a passphrase vault waits for its passphrase. */
  async #firstOpen(): Promise<void> {
    try {
      const vault = await openVault(this.#openOptions());
      this.#settle({ kind: 'open', vault });
    } catch (error) {
      if (!(error instanceof VaultError)) log.error('the vault could not be opened', error);
      this.#settle(await this.#failed(error));
    }
  }

  async #openAs(input: { mode: VaultMode; passphrase?: string | undefined }, previous: Vault | undefined): Promise<void> {
    const recorded = await this.#recordedMode();
    if (input.mode === 'passphrase' && recorded !== 'passphrase') {
      const strong = newPassphraseSchema.safeParse(input.passphrase ?? '');
      if (!strong.success) {
        const message = strong.error.issues[0]?.message ?? 'Choose a longer passphrase';
        throw new AppError('invalid_input', `Choose a stronger passphrase for the new vault: ${message}`, [
          { path: 'passphrase', message },
        ]);
      }
    }
    let vault: Vault;
    try {
      vault = await openVault({
        ...this.#openOptions(),
        mode: input.mode,
        ...(input.passphrase !== undefined && { passphrase: input.passphrase }),
      });
    } catch (error) {
      if (error instanceof VaultError && error.reason === 'wrong_passphrase') {
        throw new AppError('invalid_input', error.message, [{ path: 'passphrase', message: error.message }]);
      }
      // A keychain failure becomes the state; a refusal of the choice itself (another mode recorded, a busy lock) leaves the state as
      // it was.
      if (!previous && error instanceof VaultError && error.reason.startsWith('keychain_')) this.#settle(await this.#failed(error));
      if (!(error instanceof AppError)) log.error('the vault could not be opened', error);
      throw error instanceof AppError
        ? error
        : new AppError('vault_unavailable', 'The vault could not be opened. Try again, or choose another storage mode.');
    }
    previous?.close();
    this.#settle({ kind: 'open', vault });
  }

  #openOptions(): OpenVaultOptions {
    const { dataFolder, keychain, keychainTimeoutMs, scryptParams } = this.#options;
    const options: OpenVaultOptions = { dataFolder };
    if (keychain) options.keychain = keychain;
    if (keychainTimeoutMs !== undefined) options.keychainTimeoutMs = keychainTimeoutMs;
    if (scryptParams) options.scryptParams = scryptParams;
    return options;
  }

  #settle(state: State): void {
    // close() may have run while the attempt was under way: do not reopen behind it.
    if (this.#state.kind === 'closed') {
      if (state.kind === 'open') state.vault.close();
      return;
    }
    this.#state = state;
    this.#announce();
  }

  /** Says the vault changed to whoever listens (the event stream), and returns its status. */
  #announce(): VaultStatus {
    const view = this.#view();
    this.#options.onChange?.(view.state);
    return view;
  }

  async #failed(error: unknown): Promise<State> {
    const recordedMode = await this.#recordedMode();
    if (error instanceof VaultError) {
      if (error.reason === 'passphrase_required' && recordedMode === 'passphrase') return { kind: 'locked' };
      return { kind: 'unavailable', problem: error.reason, message: error.message, recordedMode };
    }
    // The disk, not the keychain: said as the disk-error words put it.
    if (error instanceof AppError && error.code === 'storage_failed')
      return { kind: 'unavailable', problem: 'storage_failed', message: error.message, recordedMode };
    return {
      kind: 'unavailable',
      problem: 'keychain_failed',
      message: 'The vault could not be opened. Try again, or choose a passphrase vault or a memory-only session in Settings.',
      recordedMode,
    };
  }

  async #recordedMode(): Promise<VaultMode | null> {
    return readVaultMetadata(this.#options.dataFolder).then(
      (metadata) => metadata?.mode ?? null,
      () => null,
    );
  }

  #view(): VaultStatus {
    const state = this.#state;
    if (state.kind === 'open') {
      const info = state.vault.info();
      return { state: 'open', mode: info.mode, location: info.location, secretCount: info.secretCount, quarantined: info.quarantined };
    }
    if (state.kind === 'locked')
      return { state: 'locked', mode: 'passphrase', location: path.join(this.#options.dataFolder, vaultFileName) };
    if (state.kind === 'unavailable')
      return { state: 'unavailable', problem: state.problem, message: state.message, recordedMode: state.recordedMode };
    return {
      state: 'unavailable',
      problem: 'keychain_failed',
      message: 'The app is closing; secrets can no longer be used.',
      recordedMode: null,
    };
  }
}
