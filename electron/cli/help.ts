import type { CommandDef } from './command.ts';
import { exitCodeHelp } from './exit-codes.ts';

const usageLine = (command: CommandDef): string => {
  const args = (command.args ?? []).map((a) => (a.optional ? `[${a.name}]` : a.name)).join(' ');
  const options = Object.entries(command.options ?? {})
    .map(([name, spec]) => `[--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}]`)
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

Every command takes --help. --json prints machine-readable output. Secrets are read from stdin or
a prompt, never from the command line. The data folder is AZCRED_HOME when set, else the OS
app-data folder (shared with the app; safe to use while it runs). AZCRED_TIMEOUT_SECONDS sets how
long to wait for each answer from Azure (default 30; 3 tries).

${exitCodeHelp}`;
}

export function commandHelp(command: CommandDef): string {
  const cell = (text: string) => (text.length < 24 ? text.padEnd(24) : `${text}  `);
  const lines = [`Usage: ${usageLine(command)}`, '', command.summary];
  if (command.args?.length) lines.push('', 'Arguments:', ...command.args.map((a) => `  ${cell(a.name)}${a.description}`));
  const options = Object.entries(command.options ?? {});
  lines.push('', 'Options:');
  for (const [name, spec] of options) lines.push(`  ${cell(`--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`)}${spec.description}`);
  lines.push(`  ${cell('--json')}machine-readable output`, `  ${cell('--help')}this text`);
  if (command.details) lines.push('', command.details);
  return lines.join('\n');
}
