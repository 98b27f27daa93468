import { z } from 'zod';
import { acsScopes, acsViaSchema, arrViaSchema, type TokenView } from '../../../shared/tokens.ts';
import { jwtAudience, jwtTimes } from '../azure/jwt-facts.ts';

/**
 * One minted token without its value: what the registry holds in memory and what `tokens.json`
 * keeps for the tokens the user chose to keep (their values sit in the vault under `token/<id>`).
 */

/** How to mint the token again from the same source (auto-refresh). */
export type MintRecipe = z.infer<typeof recipeSchema>;

/** A token's view without what the registry works out at each look (status, kept, refresh timing), plus the recipe the view never shows. */
export interface TokenRecord extends Omit<TokenView, 'status' | 'now' | 'kept' | 'hasValue' | 'refreshable' | 'nextRefreshAt'> {
  recipe: MintRecipe | null;
}

/** A fresh token from a mint or a re-mint. */
export interface MintedToken {
  value: string;
  issuedAt: Date;
  expiresAt: Date;
  audience: string | null;
  scopes: string[];
}

/**
 * A minted token with the times and audience its JWT states; `expiresOn` (what the service said
 * beside the token) counts only when the token is not a readable JWT, since it can differ from `exp`
 * by a fraction of a second.
 */
export function mintedFromJwt(value: string, scopes: string[], expiresOn: Date): MintedToken {
  const times = jwtTimes(value);
  return { value, issuedAt: times?.issuedAt ?? new Date(), expiresAt: times?.expiresAt ?? expiresOn, audience: jwtAudience(value), scopes };
}

const recipeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('arr-sts'), accountId: z.string(), via: arrViaSchema }),
  z.object({
    kind: z.literal('acs-user'),
    accountId: z.string(),
    acsIdentityId: z.string(),
    scopes: z.array(z.enum(acsScopes)),
    minutes: z.number(),
    via: acsViaSchema,
  }),
  z.object({ kind: z.literal('acs-teams'), accountId: z.string(), teamsIdentityId: z.string(), via: acsViaSchema }),
  z.object({ kind: z.literal('entra'), identityId: z.string(), scope: z.string() }),
]);

export const tokenRecordSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['arr-sts', 'acs-user', 'entra']),
  title: z.string(),
  source: z.object({ via: z.object({ credential: z.string() }).passthrough() }).passthrough(),
  scopes: z.array(z.string()),
  audience: z.string().nullable(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  autoRefresh: z.boolean(),
  recipe: recipeSchema.nullable(),
  lastRefresh: z.object({ at: z.string(), ok: z.boolean(), message: z.string().nullable() }).nullable(),
});

export const keptTokensFileSchema = z.object({ version: z.literal(1), tokens: z.array(z.unknown()) });

/**
 * Whether the token came through the identity: paid for with its Entra token (an Entra token, an
 * STS or ACS token minted as the identity), or the ACS token of the identity as a Teams user.
 * Signing the identity out takes these with it.
 */
export function mintedThrough(identityId: string, record: TokenRecord): boolean {
  return identitiesBehind(record).includes(identityId);
}

/** The identities the token came through (see mintedThrough): none for a token minted with a key alone or a pasted Teams token. */
export function identitiesBehind(record: TokenRecord): string[] {
  const { via, subject } = record.source;
  const ids = [
    via.credential === 'entra' ? via.identityId : undefined,
    subject?.kind === 'teams-user' ? subject.identityId : undefined,
    record.recipe?.kind === 'entra' ? record.recipe.identityId : undefined,
  ];
  return ids.filter((id): id is string => id !== undefined);
}

/** How long an expired token stays listed (shown as "Expired … ago") before the registry lets it go. */
export const expiredTokenShownMs = 24 * 60 * 60_000;

/** A token the registry lets go of: expired for a day, and not one auto-refresh will mint again. */
export function isStale(record: TokenRecord, now: number): boolean {
  return !record.autoRefresh && Date.parse(record.expiresAt) + expiredTokenShownMs <= now;
}

export { tokenSecretName } from '../platform/data-folder-layout.ts';
