import { AppError, internalError } from '../../shared/errors.ts';
import { dispatch } from '../core/api.ts';
import type { Core } from '../core/core.ts';
import type { CliIo } from './cli-io.ts';
import { parseCommandArguments } from './command-arguments.ts';
import type { CommandContext, CommandDef } from './command.ts';
import { exitCodeFor, exitCodes } from './exit-codes.ts';
import { loggedCommandLine } from './logged-command-line.ts';
import { commandGroups, commandHelp, groupHelp, overallHelp } from './help.ts';
import {
  passphraseFromStdin,
  passphraseStdinOption,
  unlockLockedVault,
  vaultPassphraseVariable,
  type CoreCall,
  type GivenPassphrase,
} from './vault-passphrase.ts';

export interface CliEnvironment {
  io: CliIo;
  version: string;
  commands: readonly CommandDef[];
  /** The core, for the command line the access log names as the recipient of what this command is handed. */
  createCore(caller?: { command: string }): Core;
  /** AZCRED_VAULT_PASSPHRASE: opens a passphrase vault without a prompt. */
  vaultPassphrase?: string | undefined;
}

/** Runs one `azcred` invocation and returns its exit code. Errors are one line on stderr that says what to do. */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  let { io } = env;
  const dashDash = argv.indexOf('--');
  // --passphrase-stdin goes with any command, so it is taken out before the command is looked for.
  const typed = dashDash >= 0 ? argv.slice(0, dashDash) : [...argv];
  const head = typed.filter((a) => a !== passphraseStdinOption);
  const rest = dashDash >= 0 ? argv.slice(dashDash + 1) : [];
  const words = head.filter((a) => !a.startsWith('-'));

  if (head.length === 0 || (words.length === 0 && (head.includes('--help') || head.includes('-h')))) {
    io.out(overallHelp(env.commands));
    return exitCodes.ok;
  }
  if (words.length === 0 && (head.includes('--version') || head.includes('-V'))) {
    io.out(env.version);
    return exitCodes.ok;
  }
  const command = findCommand(env.commands, words);
  if (!command) {
    // A group's words alone (`azcred account`, with or without --help) list its commands, as `azcred` alone lists them all.
    const group = commandGroups(env.commands)
      .filter((g) => g.split(' ').every((part, i) => words[i] === part))
      .sort((a, b) => b.length - a.length)[0];
    if (group && group.split(' ').length === words.length) {
      io.out(groupHelp(group, env.commands));
      return exitCodes.ok;
    }
    io.err(`azcred: unknown command "${words.join(' ')}". Run \`azcred ${group ? `${group} ` : ''}--help\` for the list.`);
    return exitCodes.usage;
  }
  const argsAfterName = removeWords(head, command.name.split(' ').length);
  if (argsAfterName.includes('--help') || argsAfterName.includes('-h')) {
    io.out(commandHelp(command));
    return exitCodes.ok;
  }
  if (rest.length > 0 && !command.passThrough) {
    io.err(`azcred: ${command.name} takes no arguments after "--". Run \`azcred ${command.name} --help\`.`);
    return exitCodes.usage;
  }

  const parsed = parseCommandArguments(command, argsAfterName);
  if ('usage' in parsed) {
    io.err(`azcred: ${parsed.usage}`);
    return exitCodes.usage;
  }

  let core: Core | undefined;
  const getCore = (): Core => (core ??= env.createCore({ command: loggedCommandLine(argv, command.name.split(' ').length) }));
  const callCore: CoreCall = async (method, input) => (await dispatch(getCore(), method, input)) as never;
  let passphrase: GivenPassphrase | undefined = env.vaultPassphrase
    ? { passphrase: env.vaultPassphrase, from: vaultPassphraseVariable }
    : undefined;
  // A locked passphrase vault is opened when a call first needs it (commands without secrets never ask), then the call is made again.
  let unlocking: Promise<boolean> | undefined;
  const context: CommandContext = {
    values: parsed.values,
    positionals: parsed.positionals,
    rest,
    get io() {
      return io;
    },
    core: getCore,
    json: parsed.values['json'] === true,
    async call(method, input) {
      let result = await callCore(method, input);
      if (!result.ok && result.error.code === 'vault_unavailable' && (await (unlocking ??= unlockLockedVault(callCore, io, passphrase))))
        result = await callCore(method, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.issues);
      return result.value as never;
    },
    async openVault() {
      const status = await callCore('vault.status');
      if (status.ok && status.value.state === 'locked') await (unlocking ??= unlockLockedVault(callCore, io, passphrase));
    },
  };
  try {
    if (typed.includes(passphraseStdinOption) && !io.stdinIsTTY) ({ given: passphrase, io } = await passphraseFromStdin(io));
    const code = await command.run(context);
    return typeof code === 'number' ? code : exitCodes.ok;
  } catch (error) {
    if (error instanceof AppError) {
      const fields = error.issues?.length
        ? ` (${error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')})`
        : '';
      // Field problems go on the same line, unless the message already lists them.
      const listed = (error.issues ?? []).every((i) => error.message.includes(i.message));
      io.err(`azcred: ${error.message}${listed ? '' : fields}`.replace(/\s+/g, ' ').trim());
      return exitCodeFor(error.code);
    }
    io.err(`azcred: ${internalError.message}`);
    return exitCodes.failed;
  } finally {
    await core?.close().catch(() => undefined);
  }
}

/** The command whose words match the longest prefix of `words` (so `account add arr` wins over `account add`). */
function findCommand(commands: readonly CommandDef[], words: readonly string[]): CommandDef | undefined {
  let best: CommandDef | undefined;
  for (const command of commands) {
    const parts = command.name.split(' ');
    if (parts.every((part, i) => words[i] === part) && (!best || parts.length > best.name.split(' ').length)) best = command;
  }
  return best;
}

/** The arguments with the command's own words taken out (in order, wherever options sit between them). */
function removeWords(args: readonly string[], count: number): string[] {
  const result: string[] = [];
  let removed = 0;
  for (const arg of args) {
    if (removed < count && !arg.startsWith('-')) {
      removed += 1;
      continue;
    }
    result.push(arg);
  }
  return result;
}
