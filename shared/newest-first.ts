/**
 * Tokens newest first: by issue time, and among tokens issued in the same second (a JWT's `iat`
 * has no finer grain) the one added last first. `items` is in the order the tokens were added, as
 * the registry holds them and tokens.json lists them; the token list and the CLI's quick path
 * both order by this, so they agree on which token is the newest.
 */
export function newestFirst<T>(items: Iterable<T>, issuedAt: (item: T) => string): T[] {
  return [...items].reverse().sort((a, b) => laterFirst(issuedAt(a), issuedAt(b)));
}

/**
 * For sort(): the later of two ISO 8601 times first, compared as code units (which orders times of
 * one format as time orders them), not with localeCompare: its collator's start-up alone cost the
 * CLI's cached-token path about a sixth of its CPU time (measured with getrusage over 20 runs).
 */
export function laterFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
