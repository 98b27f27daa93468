import { z } from 'zod';
import { accountRefSchema, type CopiedSecret, type RevealedSecret } from './accounts.ts';
import type { SignedAcsRequest } from './acs-request-signing.ts';
import { operationIdSchema } from './calls.ts';
import { guidSchema } from './clouds.ts';
import { exactlyOneOf } from './exactly-one.ts';
import { mixedRealityRegions } from './mixed-reality-domain.ts';
import { visibleName } from './visible-text.ts';
import { method, noInput } from './method.ts';
import { revealPurposeSchema } from './activity.ts';

/**
 * Service tokens the app mints: Mixed Reality STS access tokens for ARR, ACS user access tokens
 * (for an ACS identity the app remembers, or a Teams user), and Entra access tokens for any scope.
 * What crosses to a front door is the view: never the token itself, except on an explicit reveal.
 */

export type TokenKind = 'arr-sts' | 'acs-user' | 'entra';

/** ACS user token scopes, each in a sentence the Tokens page shows beside its checkbox. */
export const acsScopes = ['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join'] as const;
export type AcsScope = (typeof acsScopes)[number];
export const isAcsScope = (scope: string): scope is AcsScope => (acsScopes as readonly string[]).includes(scope);
export const acsScopeDescriptions: Record<AcsScope, string> = {
  chat: 'Chat: create threads, add and remove participants, send and read messages.',
  voip: 'Calling: place and receive VoIP and video calls.',
  'chat.join': 'Join chat threads the server added this user to; cannot create threads.',
  'chat.join.limited': 'Like chat.join, but cannot add or remove participants.',
  'voip.join': 'Join existing calls (rooms, group calls) only; cannot start one.',
};

const minutesMessage = 'A user token lives 60 to 1440 minutes (1 to 24 hours)';
// Whole minutes checked by refine: an int() failure is an invalid_type issue, which toFieldIssues words as a missing field.
export const acsTokenMinutesSchema = z
  .number({ message: minutesMessage })
  .min(60, minutesMessage)
  .max(1440, minutesMessage)
  .refine((n) => Number.isInteger(n), { message: minutesMessage });
export const acsScopesSchema = z
  .array(z.enum(acsScopes, { message: `Scopes are ${acsScopes.join(', ')}` }))
  .min(1, 'Choose at least one scope')
  .max(acsScopes.length)
  .transform((scopes) => [...new Set(scopes)]);

/** An Entra identity the app holds that pays for a call (its role on the resource decides what it may do). */
export const identityViaSchema = z.object({ identityId: z.string().uuid({ message: 'Unknown identity' }) }).strict();
/** One of an ARR account's two keys. */
export const arrKeySchema = z.enum(['primaryKey', 'secondaryKey']);
/** What pays for an ARR token: one of the account's keys, or an Entra identity with a Remote Rendering role. */
export const arrViaSchema = z.union([arrKeySchema, identityViaSchema], { message: 'Choose primaryKey, secondaryKey or an identity' });
/** What pays for an ACS call: the resource's access key, or an Entra identity with a role on it. */
export const acsViaSchema = z.union([z.literal('accessKey'), identityViaSchema], { message: 'Choose accessKey or an identity' });
export type ArrVia = z.infer<typeof arrViaSchema>;
export type AcsVia = z.infer<typeof acsViaSchema>;

/** An id of a long call the caller chose, so `calls.cancel` can stop it while it retries. */
const operationId = z.string().uuid({ message: 'An operation id is a UUID' }).optional();
const mintOptions = {
  /** Keep the token across restarts (in the vault); otherwise it lives in this process's memory only. */
  keep: z.boolean().default(false),
  /** Re-mint from the same source before it expires. */
  autoRefresh: z.boolean().default(false),
  operationId,
};

export const mintArrSchema = z.object({ accountId: accountRefSchema, via: arrViaSchema, ...mintOptions }).strict();

const acsIdentityRef = z.string().uuid({ message: 'Unknown ACS identity' });
const label = visibleName(z.string().trim().min(1, 'Enter a label').max(80, 'Use at most 80 characters'));
/** Your own ID for a new ACS identity (a user name, an email): ACS returns the same identity when asked again with it (2025-06-30). */
const acsCustomId = z.string().trim().min(1, 'Type a custom ID, or leave it out').max(256, 'A custom ID has at most 256 characters');

const mintAcsFields = {
  accountId: accountRefSchema,
  scopes: acsScopesSchema,
  minutes: acsTokenMinutesSchema.default(1440),
  via: acsViaSchema.default('accessKey'),
  ...mintOptions,
};
/** An ACS user token for an identity the app remembers for this resource, or for a new one, created with the token and remembered. */
export const mintAcsSchema = exactlyOneOf(
  {
    acsIdentityId: z.object({ acsIdentityId: acsIdentityRef, ...mintAcsFields }).strict(),
    newIdentity: z.object({ newIdentity: z.object({ label, customId: acsCustomId.optional() }).strict(), ...mintAcsFields }).strict(),
  },
  { neither: 'Choose an ACS identity, or create a new one', both: 'Choose an ACS identity, or create a new one (not both)' },
);

const scope = z
  .string()
  .trim()
  .min(1, 'Enter a scope, such as https://management.azure.com/.default')
  .max(300, 'A scope has at most 300 characters')
  .refine((s) => !/\s/.test(s), { message: 'One scope, without spaces' });

export const mintEntraSchema = z.object({ identityId: z.string().uuid({ message: 'Unknown identity' }), scope, ...mintOptions }).strict();

/** What the app says when asked to re-mint a token it has no source for: the registry and the pasted Teams exchange say it alike. */
export const notRefreshableMessage =
  'This token cannot be re-minted by the app (it came from a token pasted in, not from a source the app holds).';

/**
 * A Teams user's Entra access token the user pasted (their own app got it with MSAL), with the app
 * ID it was issued to and the user's object ID: the three inputs of ACS's exchange. The core checks
 * them against the token's claims before calling ACS; messages never quote the token.
 */
export const pastedTeamsTokenSchema = z
  .object({
    token: z
      .string({ message: 'Paste the Teams user’s Entra access token' })
      .trim()
      .min(1, { message: 'Paste the Teams user’s Entra access token', abort: true })
      .max(16_384, { message: 'That is longer than any Entra access token (16 KB)', abort: true })
      .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, {
        message:
          'This is not a JWT: paste the access token itself (three base64url parts joined by dots, starting eyJ), not an ID or ' +
          'refresh token',
      }),
    appId: guidSchema('Enter the app ID (client ID) of the Entra app the token was issued to: a GUID, 8-4-4-4-12 hex digits'),
    userId: guidSchema('Enter the Teams user’s object ID in Entra ID: a GUID, 8-4-4-4-12 hex digits'),
  })
  .strict();
export type PastedTeamsToken = z.output<typeof pastedTeamsTokenSchema>;

/**
 * Teams user exchange, from one of two sources: a Teams user signed in here (the app gets their
 * Entra token, which it can get again: auto-refresh works), or a token pasted with its app ID and
 * user ID (kept nowhere, so never re-minted). Either way, what pays for the ACS call.
 */
const exchangeTeamsFields = { accountId: accountRefSchema, via: acsViaSchema.default('accessKey'), ...mintOptions };
export const exchangeTeamsSchema = exactlyOneOf(
  {
    teamsIdentityId: z.object({ teamsIdentityId: z.string().uuid({ message: 'Unknown identity' }), ...exchangeTeamsFields }).strict(),
    pasted: z
      .object({
        pasted: pastedTeamsTokenSchema,
        ...exchangeTeamsFields,
        autoRefresh: z.literal(false, { message: notRefreshableMessage }).default(false),
      })
      .strict(),
  },
  { neither: 'Choose a signed-in Teams user, or paste a token', both: 'Choose a signed-in Teams user, or paste a token (not both)' },
);

export const tokenRefSchema = z.object({ id: z.string().uuid({ message: 'Unknown token' }) }).strict();
/** A reveal names what it is for (the page's own copy in browser mode, the CLI's print), so the access log says how the value left. */
export const tokenRevealSchema = tokenRefSchema.extend({ purpose: revealPurposeSchema.optional() }).strict();
export const tokenAutoRefreshSchema = z.object({ id: z.string().uuid({ message: 'Unknown token' }), on: z.boolean() }).strict();
export const tokenKeepSchema = z.object({ id: z.string().uuid({ message: 'Unknown token' }), keep: z.boolean() }).strict();

/** Where a token came from, as it was named when minted (names may change later). */
export interface TokenSource {
  /** The ARR account or ACS resource (the app's id and name). */
  account?: { id: string; name: string; kind: 'arr' | 'acs' };
  /** What paid: an account key, the ACS access key, or an Entra identity. */
  via: { credential: 'primaryKey' | 'secondaryKey' | 'accessKey' } | { credential: 'entra'; identityId: string; identityName: string };
  /** Whose token it is, for ACS user tokens: an ACS identity the app remembers, or a Teams user. */
  subject?:
    | { kind: 'acs-identity'; acsIdentityId: string; communicationUserId: string; label: string }
    | { kind: 'teams-user'; identityId: string; name: string }
    /** A Teams user's Entra token pasted in: the app ID and user ID sent with it (the token itself is kept nowhere). */
    | { kind: 'pasted-teams-token'; appId: string; userId: string };
}

export type TokenStatus = 'valid' | 'expiring' | 'expired' | 'revoked';

/** A minted token as every front door sees it: everything but the token. */
export interface TokenView {
  id: string;
  kind: TokenKind;
  /** One line for lists and the CLI, e.g. "ARR access token · contoso-arr (primary key)". */
  title: string;
  source: TokenSource;
  /** ACS scopes, or the Entra scope asked for. */
  scopes: string[];
  /** The token's `aud`, when it is a JWT that has one. */
  audience: string | null;
  issuedAt: string;
  expiresAt: string;
  /** valid, expiring (within Settings' warning time), expired or revoked, as of `now`. */
  status: TokenStatus;
  now: string;
  revoked: boolean;
  revokedAt: string | null;
  /** Kept across restarts (in the vault). */
  kept: boolean;
  /** Whether this process still holds (or the vault keeps) the value, so it can be revealed or copied. */
  hasValue: boolean;
  autoRefresh: boolean;
  /** Whether the app can re-mint it from its source (a pasted Teams token cannot). */
  refreshable: boolean;
  /** When auto-refresh will next re-mint it, if it is on. */
  nextRefreshAt: string | null;
  lastRefresh: { at: string; ok: boolean; message: string | null } | null;
}

/** The decoded JWT, without its signature, for the claims inspector. */
export interface TokenClaims {
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
}

/** An ACS identity the app remembers for one resource. */
export interface AcsIdentityView {
  id: string;
  accountId: string;
  /** The resource's name now; null if the resource was removed from the app. */
  accountName: string | null;
  communicationUserId: string;
  label: string;
  /** The caller's own ID for it at ACS (api-version 2025-06-30), when it was created with one. */
  customId: string | null;
  createdAt: string;
  lastTokenAt: string | null;
  /** When its tokens were last revoked through the app. */
  tokensRevokedAt: string | null;
}

/** An ACS identity as the service shows it now (Get identity, api-version 2025-06-30). */
export interface AcsIdentityShown {
  identity: AcsIdentityView;
  /** When ACS last issued a token for it, by anyone (null: never). */
  lastTokenIssuedAt: string | null;
}

export const acsIdentityListSchema = z
  .object({ accountId: accountRefSchema.optional() })
  .strict()
  .optional()
  .transform((input) => input ?? {});
export const acsIdentityCreateSchema = z
  .object({
    accountId: accountRefSchema,
    label,
    /** Your own ID for the identity (a user name, an email): ACS returns the same identity when asked again with it (2025-06-30). */
    customId: acsCustomId.optional(),
    via: acsViaSchema.default('accessKey'),
    /** Also issue a token in the same call. */
    token: z
      .object({ scopes: acsScopesSchema, minutes: acsTokenMinutesSchema.default(1440) })
      .strict()
      .optional(),
    keep: z.boolean().default(false),
    autoRefresh: z.boolean().default(false),
    operationId,
  })
  .strict();
export const acsIdentityActionSchema = z.object({ id: acsIdentityRef, via: acsViaSchema.default('accessKey'), operationId }).strict();

/** A Remote Rendering session as the ARR test lists it. */
export interface ArrSessionSummary {
  id: string;
  status: string;
  size: string | null;
  hostname: string | null;
  maxLeaseTimeMinutes: number | null;
  elapsedTimeMinutes: number | null;
  creationTime: string | null;
}

export const arrTestSchema = z
  .object({
    accountId: accountRefSchema,
    via: arrViaSchema,
    /** The region to render in; needed only for an account on the global domain mixedreality.azure.com. */
    region: z.enum(mixedRealityRegions, { message: `Choose one of ${mixedRealityRegions.join(', ')}` }).optional(),
    operationId,
  })
  .strict();

export interface ArrTestResult {
  /** The STS token the test used (one already minted from the same source, or a new one). */
  token: TokenView;
  /** The session endpoint that answered. */
  endpoint: string;
  sessions: ArrSessionSummary[];
  /** A sentence for the page, e.g. "The token works: 2 sessions, 1 ready." */
  summary: string;
}

const httpMethod = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], { message: 'Use GET, POST, PUT, PATCH or DELETE' }));
export const acsSignRequestSchema = z
  .object({
    accountId: accountRefSchema,
    method: httpMethod,
    /** The full URL, on the resource's endpoint host. */
    url: z.string().trim().url({ message: 'Enter the full https:// URL of the request' }),
    body: z.string().max(1_000_000, 'The body is larger than 1 MB').default(''),
  })
  .strict();

const tokenRevoke = z
  .object({ id: tokenRefSchema.shape.id, via: acsViaSchema.optional(), operationId: operationIdSchema.optional() })
  .strict();

/** The contract's methods for tokens, ACS identities, the ARR test and the ACS request signer (shared/contract.ts joins every domain's). */
export const tokensMethods = {
  /** Every token minted in this process and every kept one, without values. */
  'tokens.list': method<typeof noInput, TokenView[]>(noInput),
  /** An ARR access token from an account key or an Entra identity with a Remote Rendering role. */
  'tokens.mintArr': method<typeof mintArrSchema, TokenView>(mintArrSchema),
  /** An ACS user token for a remembered ACS identity, or for a new one created (and remembered) with it. */
  'tokens.mintAcs': method<typeof mintAcsSchema, { token: TokenView; acsIdentity: AcsIdentityView }>(mintAcsSchema),
  /** An Entra access token for any scope from any identity. */
  'tokens.mintEntra': method<typeof mintEntraSchema, TokenView>(mintEntraSchema),
  /** An ACS token for a Teams user (Teams user exchange): one signed in here, or their Entra token pasted with its app ID and user ID. */
  'tokens.exchangeTeams': method<typeof exchangeTeamsSchema, TokenView>(exchangeTeamsSchema),
  /** Returns one token to the page, on the user's explicit request. */
  'tokens.reveal': method<typeof tokenRevealSchema, RevealedSecret>(tokenRevealSchema),
  /** Copies one token in the core (desktop app) and clears the clipboard later. */
  'tokens.copy': method<typeof tokenRefSchema, CopiedSecret>(tokenRefSchema),
  /** The token's decoded header and claims (no signature), for the claims inspector. */
  'tokens.claims': method<typeof tokenRefSchema, TokenClaims>(tokenRefSchema),
  /** Revokes an ACS user token: all tokens of its ACS identity end, and are marked revoked. */
  'tokens.revoke': method<typeof tokenRevoke, { revoked: TokenView[] }>(tokenRevoke),
  /** Forgets the token (and its kept copy). */
  'tokens.remove': method<typeof tokenRefSchema, { id: string }>(tokenRefSchema),
  'tokens.setAutoRefresh': method<typeof tokenAutoRefreshSchema, TokenView>(tokenAutoRefreshSchema),
  /** Mints the token again now from how it was minted ("Refresh now"); the service's error, if any, is the answer. */
  'tokens.refresh': method<typeof tokenRefSchema, TokenView>(tokenRefSchema),
  /** Keeps the token across restarts (in the vault), or back to memory only. */
  'tokens.keep': method<typeof tokenKeepSchema, TokenView>(tokenKeepSchema),
  'acsIdentities.list': method<typeof acsIdentityListSchema, AcsIdentityView[]>(acsIdentityListSchema),
  'acsIdentities.create': method<typeof acsIdentityCreateSchema, { identity: AcsIdentityView; token: TokenView | null }>(
    acsIdentityCreateSchema,
  ),
  'acsIdentities.revoke': method<typeof acsIdentityActionSchema, { identity: AcsIdentityView; revoked: TokenView[] }>(
    acsIdentityActionSchema,
  ),
  /** Deletes the identity at ACS (its tokens end) and forgets it; `revoked` are the listed tokens it marked revoked. */
  'acsIdentities.delete': method<typeof acsIdentityActionSchema, { id: string; revoked: TokenView[] }>(acsIdentityActionSchema),
  /** Asks ACS for the identity: its custom ID and when its last token was issued. */
  'acsIdentities.show': method<typeof acsIdentityActionSchema, AcsIdentityShown>(acsIdentityActionSchema),
  /** Lists the account's sessions with an STS token: proves the credential works end to end. */
  'arr.testAccount': method<typeof arrTestSchema, ArrTestResult>(arrTestSchema),
  /** Signs a request to an ACS resource with its access key; the request as curl and PowerShell. */
  'acs.signRequest': method<typeof acsSignRequestSchema, SignedAcsRequest>(acsSignRequestSchema),
} as const;
