import { parseArgs } from 'node:util';
import type { CommandContext, CommandDef } from './command.ts';

export type ParsedArguments = Pick<CommandContext, 'values' | 'positionals'>;

/**
 * One command's options and arguments (its words already taken out), or a usage message.
 *
 * An option with `optionalValue` is a flag that may carry a value: `--new-user` alone is `true`,
 * `--new-user=bot` is `"bot"`. node:util's parseArgs has no such type (a string option refuses a
 * following `--minutes` as "ambiguous"), so a bare one is handed to it as `--new-user=`. A word
 * right after a bare one is still its value when the command has no room left for it as an
 * argument (`token acs chat --new-user bot`, the form before the value became optional).
 */
export function parseCommandArguments(command: CommandDef, args: readonly string[]): ParsedArguments | { usage: string } {
  const specs = Object.entries(command.options ?? {});
  const optional = new Set(specs.filter(([, spec]) => spec.optionalValue).map(([name]) => name));
  const bare = (arg: string | undefined) => arg !== undefined && arg.startsWith('--') && optional.has(arg.slice(2));
  let parsed;
  try {
    parsed = parseArgs({
      args: args.map((arg) => (bare(arg) ? `${arg}=` : arg)),
      options: {
        json: { type: 'boolean' },
        ...Object.fromEntries(specs.map(([name, spec]) => [name, { type: spec.type, ...(spec.multiple ? { multiple: true } : {}) }])),
      },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    return { usage: `${(error as Error).message.split('\n')[0]}. Run \`azcred ${command.name} --help\`.` };
  }
  const values = parsed.values as ParsedArguments['values'];
  const room = (command.args ?? []).length;
  const positionals = parsed.tokens.filter((t) => t.kind === 'positional');
  const takenAsValue = new Set<number>();
  for (const token of parsed.tokens) {
    if (positionals.length - takenAsValue.size <= room) break;
    const next = positionals.find((p) => p.index === token.index + 1);
    if (token.kind === 'option' && bare(args[token.index]) && next && !takenAsValue.has(next.index)) {
      values[token.name] = next.value;
      takenAsValue.add(next.index);
    }
  }
  for (const name of optional) if (values[name] === '') values[name] = true;

  const kept = positionals.filter((p) => !takenAsValue.has(p.index)).map((p) => p.value);
  const required = (command.args ?? []).filter((a) => !a.optional);
  if (kept.length < required.length || kept.length > room) {
    const missing = required[kept.length];
    return {
      usage:
        `${missing ? `${command.name} needs ${missing.name}` : `too many arguments for ${command.name}`}. Run \`azcred ` +
        `${command.name} --help\`.`,
    };
  }
  return { values, positionals: kept };
}
