import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import type { Result } from '../../shared/result.ts';
import type { CliIo } from './cli-io.ts';

/** A contract call through the CLI's core, answered as a result (the unlock's own calls are not retried after it). */
export type CoreCall = <M extends MethodName>(method: M, input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

/** The environment variable a script gives the vault passphrase in (the cached-token path reads it too). */
export const vaultPassphraseVariable = 'AZCRED_VAULT_PASSPHRASE';
/** The option, taken by every command, that reads the vault passphrase from stdin. */
export const passphraseStdinOption = '--passphrase-stdin';

export const lockedVaultMessage =
  `The vault is protected by a passphrase. Run again on a terminal to be asked for it, or set ${vaultPassphraseVariable} / pass ` +
  `${passphraseStdinOption}.`;

/** A passphrase given without a prompt, and where it came from (named in errors; the passphrase never is). */
export interface GivenPassphrase {
  passphrase: string;
  from: string;
}

const terminalTries = 3;

/**
 * Reads the passphrase for `--passphrase-stdin` (its first line) before the command runs, and
 * returns an io whose stdin is spent: a command that then wants a secret or a file from stdin
 * is told the two cannot both come from there, before it has done anything.
 */
export async function passphraseFromStdin(io: CliIo): Promise<{ given: GivenPassphrase; io: CliIo }> {
  const passphrase = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  if (!passphrase)
    throw new AppError(
      'invalid_input',
      `${passphraseStdinOption} found no passphrase on stdin: pipe it in, for example from a secret store, or set ` +
        `${vaultPassphraseVariable}.`,
    );
  const spent = (what: string) => () =>
    Promise.reject(
      new AppError(
        'invalid_input',
        `${passphraseStdinOption} reads the vault passphrase from stdin, so ${what} cannot come from stdin too. Give the ` +
          `passphrase in ${vaultPassphraseVariable} instead.`,
      ),
    );
  return {
    given: { passphrase, from: passphraseStdinOption },
    io: {
      ...io,
      readSecret: (prompt) => spent(`the ${prompt.replace(/:\s*$/, '').toLowerCase()}`)(),
      readStdin: spent("the command's input (-)"),
    },
  };
}

/**
 * Opens the vault when it is a passphrase vault waiting for its passphrase, through the core's
 * `vault.open` as the app's unlock dialog does: with the given passphrase, else by asking on the
 * terminal (three tries). Resolves to whether it opened it; false when the vault was not locked.
 * A wrong passphrase is a vault failure (exit 4) that names where it came from.
 */
export async function unlockLockedVault(call: CoreCall, io: CliIo, given: GivenPassphrase | undefined): Promise<boolean> {
  const status = await call('vault.status');
  if (!status.ok || status.value.state !== 'locked') return false;
  if (given) {
    if (await opens(call, given.passphrase)) return true;
    throw new AppError('vault_unavailable', `The passphrase from ${given.from} does not open this vault. Check it and run again.`);
  }
  if (!io.stdinIsTTY) throw new AppError('vault_unavailable', lockedVaultMessage);
  for (let tried = 1; ; tried += 1) {
    if (await opens(call, await io.askHidden('Vault passphrase: '))) return true;
    if (tried === terminalTries)
      throw new AppError('vault_unavailable', `${terminalTries} passphrases did not open this vault; it stays locked.`);
    io.err('That passphrase does not open this vault. Try again.');
  }
}

/** Whether the passphrase opens the vault; any other failure (the vault file busy, damaged) is thrown as the core said it. */
async function opens(call: CoreCall, passphrase: string): Promise<boolean> {
  if (!passphrase) return false;
  const result = await call('vault.open', { mode: 'passphrase', passphrase });
  if (result.ok) return true;
  const wrong = result.error.code === 'invalid_input' && (result.error.issues ?? []).some((issue) => issue.path === 'passphrase');
  if (wrong) return false;
  throw new AppError(result.error.code, result.error.message, result.error.issues);
}
