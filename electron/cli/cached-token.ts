import { readAccounts } from '../core/accounts/accounts-file.ts';
import { resolveDataFolder } from '../core/data-folder.ts';
import { readKeptTokens } from '../core/tokens/kept-tokens-file.ts';
import { openVault } from '../core/vault/vault.ts';
import { reuseMarginMs } from './reusable-token.ts';

/**
 * The quick way through `azcred token arr NAME`: when a kept STS token from the same account and
 * key stays valid for five more minutes, print it having loaded only the account list, the kept
 * tokens' list and the vault: no MSAL, no Azure SDK, no core. Anything else (another command, an
 * option this path does not handle, no usable token) returns false and the full CLI runs.
 */
export async function printCachedToken(argv: readonly string[], out: (text: string) => void): Promise<boolean> {
  const query = parseQuery(argv);
  if (!query) return false;
  const { path: dataFolder } = resolveDataFolder();
  const name = query.name.trim().toLowerCase();
  const account = (await readAccounts(dataFolder)).find((a) => a.kind === 'arr' && (a.id === query.name || a.name.trim().toLowerCase() === name));
  if (!account) return false;
  const minimum = Date.now() + reuseMarginMs;
  const record = (await readKeptTokens(dataFolder))
    .filter((t) => t.kind === 'arr-sts' && !t.revoked && t.recipe?.kind === 'arr-sts' && t.recipe.accountId === account.id && t.recipe.via === query.via && Date.parse(t.expiresAt) > minimum)
    .sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt))[0];
  if (!record) return false;
  const vault = await openVault({ dataFolder });
  const value = vault.get(`token/${record.id}`);
  vault.close();
  if (!value) return false;
  out(query.json ? JSON.stringify({ token: value, expiresAt: record.expiresAt, kind: record.kind, title: record.title, source: record.source, scopes: record.scopes, id: record.id }, null, 2) : value);
  return true;
}

function parseQuery(argv: readonly string[]): { name: string; via: 'primaryKey' | 'secondaryKey'; json: boolean } | undefined {
  const [command, kind, name, ...rest] = argv;
  if (command !== 'token' || kind !== 'arr' || !name || name.startsWith('-')) return undefined;
  let json = false;
  let via: 'primaryKey' | 'secondaryKey' = 'primaryKey';
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--json') json = true;
    else if (arg === '--key' && (rest[i + 1] === 'primary' || rest[i + 1] === 'secondary')) via = rest[(i += 1)] === 'secondary' ? 'secondaryKey' : 'primaryKey';
    else return undefined;
  }
  return { name, via, json };
}
