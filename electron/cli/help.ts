import type { CommandDef, OptionSpec } from './command.ts';
import { exitCodeHelp } from './exit-codes.ts';

/** `--scopes LIST`, `--fresh`, or `--new-user[=LABEL]` for a flag that may carry a value. */
const optionText = (name: string, spec: OptionSpec): string => {
  if (spec.type !== 'string') return `--${name}`;
  return spec.optionalValue ? `--${name}[=${spec.value ?? 'VALUE'}]` : `--${name} ${spec.value ?? 'VALUE'}`;
};

const usageLine = (command: CommandDef): string => {
  const args = (command.args ?? []).map((a) => (a.optional ? `[${a.name}]` : a.name)).join(' ');
  const options = Object.entries(command.options ?? {})
    .map(([name, spec]) => `[${optionText(name, spec)}]`)
    .join(' ');
  return ['azcred', command.name, args, options, '[--json]', command.passThrough ? '-- COMMAND [ARGS]' : ''].filter(Boolean).join(' ');
};

export function overallHelp(commands: readonly CommandDef[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return `Usage: azcred <command> [options]

Keys, Entra ID identities and service tokens for Azure Remote Rendering and Azure Communication
Services, from the same vault as the Azure Credential Manager app.

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Every command and group takes --help (\`azcred account --help\` lists the account commands);
--version prints the version. --json prints machine-readable output. Secrets are read from stdin or
a prompt, never from the command line. The data folder is AZCRED_HOME when set, else the OS
app-data folder (shared with the app; safe to use while it runs). AZCRED_TIMEOUT_SECONDS sets how
long to wait for each answer from Azure (default 30; 3 tries).

A passphrase vault is opened when a command first needs a secret: with AZCRED_VAULT_PASSPHRASE,
with --passphrase-stdin (any command; the first line of stdin, so the command's own secret cannot
come from stdin too), or by asking on the terminal without echo.

${exitCodeHelp}`;
}

export function commandHelp(command: CommandDef): string {
  const cell = (text: string) => (text.length < 24 ? text.padEnd(24) : `${text}  `);
  const lines = [`Usage: ${usageLine(command)}`, '', command.summary];
  if (command.args?.length) lines.push('', 'Arguments:', ...command.args.map((a) => `  ${cell(a.name)}${a.description}`));
  const options = Object.entries(command.options ?? {});
  lines.push('', 'Options:');
  for (const [name, spec] of options) lines.push(`  ${cell(optionText(name, spec))}${spec.description}`);
  lines.push(`  ${cell('--json')}machine-readable output`, `  ${cell('--help')}this text`);
  if (command.details) lines.push('', command.details);
  return lines.join('\n');
}

/**
 * The groups of commands: every leading run of words that more than one command, or a command with
 * more words, shares and that is not itself a command (`account`, `account add`, `token`, `sign`).
 */
export function commandGroups(commands: readonly CommandDef[]): string[] {
  const names = new Set(commands.map((c) => c.name));
  const groups = new Set<string>();
  for (const command of commands) {
    const words = command.name.split(' ');
    for (let i = 1; i < words.length; i += 1) {
      const group = words.slice(0, i).join(' ');
      if (!names.has(group)) groups.add(group);
    }
  }
  return [...groups];
}

/** The commands under a group's words, in the order `azcred --help` lists them. */
export function commandsInGroup(commands: readonly CommandDef[], group: string): CommandDef[] {
  return commands.filter((c) => c.name.startsWith(`${group} `));
}

export function groupHelp(group: string, commands: readonly CommandDef[]): string {
  const members = commandsInGroup(commands, group).map((c) => ({ rest: c.name.slice(group.length + 1), summary: c.summary }));
  const width = Math.max(...members.map((m) => m.rest.length)) + 2;
  return `Usage: azcred ${group} <command> [options]

Commands:
${members.map((m) => `  ${m.rest.padEnd(width)}${m.summary}`).join('\n')}

Run \`azcred ${group} <command> --help\` for a command's arguments and options.`;
}
