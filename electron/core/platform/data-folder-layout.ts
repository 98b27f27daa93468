/**
 * The names of the data folder's metadata files and of the vault's token secrets, in one module
 * with no imports: the stores use them, and so does the CLI's cached-token path, which reads those
 * files by hand and must not load the stores (zod alone costs it more than its reads).
 */
export const accountsFileName = 'accounts.json';
export const keptTokensFileName = 'tokens.json';
export const identitiesFileName = 'identities.json';
export const acsIdentitiesFileName = 'acs-identities.json';

/** Where the vault keeps a kept token's value. */
export function tokenSecretName(id: string): string {
  return `token/${id}`;
}
