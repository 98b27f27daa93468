import { z } from 'zod';
import { operationCancelSchema } from './calls.ts';
import type { CloudProfileView } from './clouds.ts';
import {
  accountExportInputSchema,
  accountImportInputSchema,
  accountInputSchema,
  accountRefSchema,
  accountSecretRequestSchema,
  accountUpdateSchema,
  type AccountView,
  type CopiedSecret,
  type ExportResult,
  type ImportReport,
  type RevealedSecret,
} from './accounts.ts';
import { cloudNameSchema, cloudProfileSchema } from './clouds.ts';
import {
  identityRefSchema,
  servicePrincipalInputSchema,
  signInStartSchema,
  signInWaitSchema,
  type IdentityView,
  type SignInProgress,
  type SignInStarted,
} from './identities.ts';
import { credentialsForAcsSdkSchema, credentialsForArrSchema, type CredentialForJob } from './credentials-for-job.ts';
import type { SignedAcsRequest } from './acs-request-signing.ts';
import { settingsPatchSchema, type Settings } from './settings.ts';
import { tokenExportSchema, type TokenExportResult } from './token-export.ts';
import {
  acsIdentityActionSchema,
  acsIdentityCreateSchema,
  acsIdentityListSchema,
  acsSignRequestSchema,
  acsViaSchema,
  arrTestSchema,
  exchangeTeamsSchema,
  mintAcsSchema,
  mintArrSchema,
  mintEntraSchema,
  tokenAutoRefreshSchema,
  tokenKeepSchema,
  tokenRefSchema,
  type AcsIdentityView,
  type ArrTestResult,
  type TokenClaims,
  type TokenView,
} from './tokens.ts';
import {
  vaultOpenInputSchema,
  vaultRestoreInputSchema,
  vaultStartNewInputSchema,
  type VaultBackupView,
  type VaultStatus,
} from './vault.ts';
import { discoveryImportSchema, discoveryResourcesSchema, type DiscoveryImportResult, type DiscoveryResult } from './discovery.ts';
import { rotateKeySchema, type KeyRotationResult } from './key-rotation.ts';
import { rolesAuditSchema, rolesExportSchema, type RoleAuditReport, type RoleReportExport } from './roles.ts';

/**
 * The contract: every method the renderer (over IPC or browser-mode HTTP) and the CLI can call,
 * each with a zod schema for its input and the type of its output. The preload bridge, the
 * browser-mode client, the CLI and the core's handler table are all derived from this object, so a
 * method exists everywhere or nowhere.
 */

const none = z
  .undefined()
  .or(z.object({}).strict())
  .transform(() => undefined);

/** Declares a method: its input schema, and (as a type only) what it returns. */
function method<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

export type RunMode = 'electron' | 'browser' | 'cli' | 'test';

export interface AppInfo {
  name: string;
  version: string;
  mode: RunMode;
  platform: string;
  /** Versions of the runtimes this process runs on. */
  runtime: { node: string; electron?: string; chrome?: string };
  /** Where all state lives: the OS app-data folder, or AZCRED_HOME. */
  dataFolder: string;
  dataFolderSource: 'AZCRED_HOME' | 'default';
  /** The user's home folder: where export dialogs suggest saving. */
  homeFolder: string;
  /** Whether this front door copies in the core (Electron's clipboard); browser mode copies in the page. */
  coreClipboard: boolean;
}

const byId = z.object({ id: accountRefSchema }).strict();
const cloudImport = z
  .object({ text: z.string().min(1, 'Paste or choose a cloud profile file').max(200_000, 'The file is larger than 200 KB') })
  .strict();
const cloudByName = z.object({ name: cloudNameSchema }).strict();
const cloudClient = z.object({ name: cloudNameSchema, publicClient: cloudProfileSchema.shape.publicClient }).strict();
const tokenRevoke = z
  .object({ id: tokenRefSchema.shape.id, via: acsViaSchema.optional(), operationId: z.string().uuid().optional() })
  .strict();

export const contract = {
  'app.info': method<typeof none, AppInfo>(none),
  /** Stops a long call started with that operationId (a sign-in, a mint or revoke waiting on a slow service, discovery, an audit, a key rotation). */
  'calls.cancel': method<typeof operationCancelSchema, { cancelled: boolean }>(operationCancelSchema),
  'clouds.list': method<typeof none, CloudProfileView[]>(none),
  /** Adds or replaces a custom cloud profile from its JSON (the emulator writes one). */
  'clouds.import': method<typeof cloudImport, CloudProfileView>(cloudImport),
  'clouds.remove': method<typeof cloudByName, { name: string }>(cloudByName),
  /** Uses your own app registration for sign-ins in one cloud. */
  'clouds.setPublicClient': method<typeof cloudClient, CloudProfileView>(cloudClient),
  'settings.get': method<typeof none, Settings>(none),
  'settings.update': method<typeof settingsPatchSchema, Settings>(settingsPatchSchema),
  /** Where secrets are kept and whether they can be used; the first call opens the vault (once per process). */
  'vault.status': method<typeof none, VaultStatus>(none),
  /** The user's explicit choice after a keychain failure, or the passphrase of a locked vault. */
  'vault.open': method<typeof vaultOpenInputSchema, VaultStatus>(vaultOpenInputSchema),
  /** The vault file's backup generations, newest first, with how many secrets each holds. */
  'vault.backups': method<typeof none, VaultBackupView[]>(none),
  /** Restores a backup over the vault file (the last good one without a name); the current file is kept as a generation. */
  'vault.restore': method<typeof vaultRestoreInputSchema, VaultStatus>(vaultRestoreInputSchema),
  /** The user has read the quarantine notice: it goes, and old backups may be pruned again. */
  'vault.acknowledgeQuarantine': method<typeof none, VaultStatus>(none),
  /** Replaces a passphrase vault that cannot be opened with a new, empty one: explicit and confirmed. */
  'vault.startNew': method<typeof vaultStartNewInputSchema, VaultStatus>(vaultStartNewInputSchema),
  'accounts.list': method<typeof none, AccountView[]>(none),
  'accounts.add': method<typeof accountInputSchema, AccountView>(accountInputSchema),
  'accounts.update': method<typeof accountUpdateSchema, AccountView>(accountUpdateSchema),
  /** Deletes the account and its secrets. */
  'accounts.delete': method<typeof byId, { id: string }>(byId),
  /** Returns one secret to the page, on the user's explicit request. */
  'accounts.reveal': method<typeof accountSecretRequestSchema, RevealedSecret>(accountSecretRequestSchema),
  /** Copies one secret in the core (desktop app) and clears the clipboard later. */
  'accounts.copy': method<typeof accountSecretRequestSchema, CopiedSecret>(accountSecretRequestSchema),
  'accounts.import': method<typeof accountImportInputSchema, ImportReport>(accountImportInputSchema),
  'accounts.export': method<typeof accountExportInputSchema, ExportResult>(accountExportInputSchema),
  'identities.list': method<typeof none, IdentityView[]>(none),
  /** Starts an interactive or device-code sign-in; returns at once with the URL or the code. */
  'identities.signIn': method<typeof signInStartSchema, SignInStarted>(signInStartSchema),
  /** Waits (up to `waitSeconds`) for a sign-in started earlier. */
  'identities.waitSignIn': method<typeof signInWaitSchema, SignInProgress>(signInWaitSchema),
  'identities.addServicePrincipal': method<typeof servicePrincipalInputSchema, IdentityView>(servicePrincipalInputSchema),
  /** Signs the identity out: removes it and every token or secret kept for it. */
  'identities.signOut': method<typeof identityRefSchema, { id: string }>(identityRefSchema),
  /** Every token minted in this process and every kept one, without values. */
  'tokens.list': method<typeof none, TokenView[]>(none),
  /** An ARR access token from an account key or an Entra identity with a Remote Rendering role. */
  'tokens.mintArr': method<typeof mintArrSchema, TokenView>(mintArrSchema),
  /** An ACS user token for a remembered ACS identity, or for a new one created (and remembered) with it. */
  'tokens.mintAcs': method<typeof mintAcsSchema, { token: TokenView; acsIdentity: AcsIdentityView }>(mintAcsSchema),
  /** An Entra access token for any scope from any identity. */
  'tokens.mintEntra': method<typeof mintEntraSchema, TokenView>(mintEntraSchema),
  /** An ACS token for a Teams user (Teams user exchange): one signed in here, or their Entra token pasted with its app ID and user ID. */
  'tokens.exchangeTeams': method<typeof exchangeTeamsSchema, TokenView>(exchangeTeamsSchema),
  /** Returns one token to the page, on the user's explicit request. */
  'tokens.reveal': method<typeof tokenRefSchema, RevealedSecret>(tokenRefSchema),
  /** Copies one token in the core (desktop app) and clears the clipboard later. */
  'tokens.copy': method<typeof tokenRefSchema, CopiedSecret>(tokenRefSchema),
  /** The token's decoded header and claims (no signature), for the claims inspector. */
  'tokens.claims': method<typeof tokenRefSchema, TokenClaims>(tokenRefSchema),
  /** Revokes an ACS user token: all tokens of its ACS identity end, and are marked revoked. */
  'tokens.revoke': method<typeof tokenRevoke, { revoked: TokenView[] }>(tokenRevoke),
  /** Forgets the token (and its kept copy). */
  'tokens.remove': method<typeof tokenRefSchema, { id: string }>(tokenRefSchema),
  'tokens.setAutoRefresh': method<typeof tokenAutoRefreshSchema, TokenView>(tokenAutoRefreshSchema),
  /** Keeps the token across restarts (in the vault), or back to memory only. */
  'tokens.keep': method<typeof tokenKeepSchema, TokenView>(tokenKeepSchema),
  /** One token as .env, JSON, shell, PowerShell, curl or arrconfig.json: written to a 0600 file, or the text back for copying. */
  'tokens.export': method<typeof tokenExportSchema, TokenExportResult>(tokenExportSchema),
  'acsIdentities.list': method<typeof acsIdentityListSchema, AcsIdentityView[]>(acsIdentityListSchema),
  'acsIdentities.create': method<typeof acsIdentityCreateSchema, { identity: AcsIdentityView; token: TokenView | null }>(
    acsIdentityCreateSchema,
  ),
  'acsIdentities.revoke': method<typeof acsIdentityActionSchema, { identity: AcsIdentityView; revoked: TokenView[] }>(
    acsIdentityActionSchema,
  ),
  /** Deletes the identity at ACS (its tokens end) and forgets it; `revoked` are the listed tokens it marked revoked. */
  'acsIdentities.delete': method<typeof acsIdentityActionSchema, { id: string; revoked: TokenView[] }>(acsIdentityActionSchema),
  /** Lists the account's sessions with an STS token: proves the credential works end to end. */
  'arr.testAccount': method<typeof arrTestSchema, ArrTestResult>(arrTestSchema),
  /** Signs a request to an ACS resource with its access key; the request as curl and PowerShell. */
  'acs.signRequest': method<typeof acsSignRequestSchema, SignedAcsRequest>(acsSignRequestSchema),
  /** What an ACS SDK takes (connection string, Entra token or user token), in one step. */
  'credentials.forAcsSdk': method<typeof credentialsForAcsSdkSchema, CredentialForJob>(credentialsForAcsSdkSchema),
  /** What the ARR SDK takes: the account key, an Entra AuthenticationToken or an STS AccessToken. */
  'credentials.forArr': method<typeof credentialsForArrSchema, CredentialForJob>(credentialsForArrSchema),
  /** The identity's subscriptions and the ARR accounts and ACS resources it can see in Azure Resource Manager. */
  'discovery.resources': method<typeof discoveryResourcesSchema, DiscoveryResult>(discoveryResourcesSchema),
  /** Imports discovered resources as accounts: with their keys when the identity may list them, else for Entra ID use (with the reason). */
  'discovery.import': method<typeof discoveryImportSchema, DiscoveryImportResult>(discoveryImportSchema),
  /** Which roles each identity holds on each account's resource and what they let it do, with why. */
  'roles.audit': method<typeof rolesAuditSchema, RoleAuditReport>(rolesAuditSchema),
  /** The last audit this process ran (so a reloaded page or `npm run demo`'s seed shows it at once), or null before any. */
  'roles.lastAudit': method<typeof none, RoleAuditReport | null>(none),
  /** The last audit as CSV, JSON or Markdown: as text, or written to a file (mode 0600). */
  'roles.exportReport': method<typeof rolesExportSchema, RoleReportExport>(rolesExportSchema),
  /** Regenerates the primary or secondary key through Azure Resource Manager and stores the new value. */
  'accounts.rotateKey': method<typeof rotateKeySchema, KeyRotationResult>(rotateKeySchema),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
