/**
 * electron/core/platform/: the core's bottom layer, plain Node that knows nothing of Azure or of a
 * domain: the data folder's layout and safety checks, JSON files, atomic writes, export files, the
 * metadata and folder locks, the log, the clock, the clipboard guard, settings, the event hub, and
 * what two front doors share (app version, content security policy, static files, opening a browser).
 * It imports only shared/ and Node, never another folder of the core.
 */

/**
 * The names of the data folder's metadata files and of the vault's token secrets, in one module
 * with no imports: the stores use them, and so does the CLI's cached-token path, which reads those
 * files by hand and must not load the stores (zod alone costs it more than its reads).
 */
export const accountsFileName = 'accounts.json';
export const keptTokensFileName = 'tokens.json';
export const identitiesFileName = 'identities.json';
export const acsIdentitiesFileName = 'acs-identities.json';
export const cloudsFileName = 'clouds.json';
export const settingsFileName = 'settings.json';
/** The access log (JSON lines, no secrets) and, once it outgrows its size, its one older generation `access-log.1.jsonl`. */
export const accessLogFileName = 'access-log.jsonl';

/** Where the vault keeps a kept token's value. */
export function tokenSecretName(id: string): string {
  return `token/${id}`;
}
