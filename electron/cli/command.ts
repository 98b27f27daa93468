import type { Core } from '../core/core.ts';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract.ts';
import type { CliIo } from './cli-io.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** A string option that may also be given alone, as a flag (`--new-user` or `--new-user=LABEL`); alone it is `true`. */
  optionalValue?: boolean;
  /** The placeholder shown in help, e.g. `ID`. */
  value?: string;
  description: string;
}

/** One `azcred` command: its words, options, and what it does. */
export interface CommandDef {
  /** The command's words, e.g. `account list`. */
  name: string;
  summary: string;
  /** Positional arguments after the words, e.g. `NAME`. */
  args?: { name: string; optional?: boolean; description: string }[];
  options?: Record<string, OptionSpec>;
  /** Extra help text: examples, notes. */
  details?: string;
  /** `azcred run`: everything after `--` is passed through untouched. */
  passThrough?: boolean;
  /** Resolves to the exit code when it is not 0 for success (`azcred run` passes its child's on). */
  run(context: CommandContext): Promise<void | number>;
}

export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** Arguments after `--` (only for pass-through commands). */
  rest: string[];
  io: CliIo;
  /** The core, created on first use (a command that needs none starts faster). */
  core(): Core;
  /** Calls a contract method through the same path as the app; a failure is thrown as an AppError. */
  call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>>;
  /**
   * Opens a locked passphrase vault as a call that needs it would (AZCRED_VAULT_PASSPHRASE, --passphrase-stdin or a prompt),
   * for a command that reads secrets through the core's services itself: `azcred run` hands them to a program and logs that.
   */
  openVault(): Promise<void>;
  json: boolean;
}

export function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === 'string' ? value : undefined;
}
