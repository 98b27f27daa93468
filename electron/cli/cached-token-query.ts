/**
 * The `azcred token ...` command lines the cached-token path answers, read as the full CLI reads
 * them (`parseArgs`, strict: an option's value may follow it or come after `=`, the last of a
 * repeated option wins, the name may sit among the options). Only the lines that reuse a kept
 * token are answered: anything that mints (`--fresh`, `--new-user`), asks for help, or that the
 * full CLI would refuse or word differently is undefined, and the full CLI runs.
 */
export type CachedTokenQuery =
  | { kind: 'arr'; json: boolean; name: string; key: 'primary' | 'secondary'; identity: string | undefined }
  | { kind: 'acs'; json: boolean; name: string; user: string; scopes: string[]; identity: string | undefined }
  | { kind: 'entra'; json: boolean; scope: string; identity: string | undefined };

/** The string options each command takes without minting; `minutes` and `key` are checked below. */
const stringOptions = { arr: ['identity', 'key'], acs: ['scopes', 'user', 'minutes', 'identity'], entra: ['scope', 'identity'] } as const;

export function parseCachedTokenQuery(argv: readonly string[]): CachedTokenQuery | undefined {
  const [command, kind, ...rest] = argv;
  if (command !== 'token' || (kind !== 'arr' && kind !== 'acs' && kind !== 'entra')) return undefined;
  const known: readonly string[] = stringOptions[kind];
  const values = new Map<string, string>();
  const positionals: string[] = [];
  let json = false;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] ?? '';
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [, name, inline] = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg) ?? [];
    if (!name || !known.includes(name)) return undefined;
    const value = inline ?? rest[(i += 1)];
    // parseArgs refuses a value that looks like an option unless it comes after `=`: the full CLI words that.
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('-'))) return undefined;
    values.set(name, value);
  }
  const identity = values.get('identity');
  if (kind === 'entra') {
    const scope = values.get('scope');
    return positionals.length === 0 && scope ? { kind, json, scope, identity } : undefined;
  }
  const [name, ...more] = positionals;
  if (!name || more.length > 0) return undefined;
  if (kind === 'arr') {
    const key = values.get('key') ?? 'primary';
    return key === 'primary' || key === 'secondary' ? { kind, json, name, key, identity } : undefined;
  }
  const user = values.get('user');
  // The full CLI reuses a token whatever --minutes says (it is the lifetime of a new one), so it is read and left.
  const scopes = (values.get('scopes') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return user && scopes.length > 0 ? { kind, json, name, user, scopes, identity } : undefined;
}
