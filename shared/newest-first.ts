/**
 * Tokens newest first: by issue time, and among tokens issued in the same second (a JWT's `iat`
 * has no finer grain) the one added last first. `items` is in the order the tokens were added, as
 * the registry holds them and tokens.json lists them; the token list and the CLI's quick path
 * both order by this, so they agree on which token is the newest.
 */
export function newestFirst<T>(items: Iterable<T>, issuedAt: (item: T) => string): T[] {
  return [...items].reverse().sort((a, b) => issuedAt(b).localeCompare(issuedAt(a)));
}
