import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { AppError } from '../../shared/errors.ts';
import { OutputMasker } from './output-masking.ts';
import { vaultPassphraseVariable } from './vault-passphrase.ts';

/**
 * Starts the program `azcred run` was given with `variables` added to this process's environment
 * less `unset` (and never the vault's passphrase: the program gets credentials, never the vault), forwards Ctrl+C and
 * SIGTERM to it, and resolves to its exit code. With secrets to mask, its stdout and stderr pass
 * through an OutputMasker each; without, they are the terminal itself.
 */
export function runChild(
  command: string,
  args: readonly string[],
  environment: { set: Record<string, string>; unset?: readonly string[] },
  masked: readonly string[],
): Promise<number> {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [vaultPassphraseVariable, ...(environment.unset ?? [])]) delete inherited[name];
  const variables = environment.set;
  const masking = new OutputMasker(masked).active;
  return new Promise<number>((resolve, reject) => {
    const child = spawn(command, args, { stdio: masking ? ['inherit', 'pipe', 'pipe'] : 'inherit', env: { ...inherited, ...variables } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    const drained = masking
      ? Promise.all([
          pipeMasked(child.stdout as Readable, process.stdout, masked),
          pipeMasked(child.stderr as Readable, process.stderr, masked),
        ])
      : Promise.resolve();
    child.on('error', (error: NodeJS.ErrnoException) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      reject(
        new AppError(
          error.code === 'ENOENT' ? 'not_found' : 'invalid_input',
          `Cannot run ${command}: ${error.code === 'ENOENT' ? 'no such command' : 'it could not be started'}.`,
        ),
      );
    });
    child.on('close', (status, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      void drained.then(() => resolve(status ?? (signal === 'SIGINT' ? 130 : 1)));
    });
  });
}

/** Copies a stream with the secrets masked, holding back only what may be the start of one. */
function pipeMasked(from: Readable, to: Writable, secrets: readonly string[]): Promise<void> {
  const masker = new OutputMasker(secrets);
  return new Promise((resolve) => {
    from.on('data', (chunk: Buffer) => {
      const shown = masker.write(chunk);
      if (shown.length > 0) to.write(shown);
    });
    from.on('end', () => {
      const rest = masker.end();
      if (rest.length > 0) to.write(rest);
      resolve();
    });
    from.on('error', () => resolve());
  });
}
