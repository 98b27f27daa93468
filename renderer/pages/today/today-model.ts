import type { AccountView, KeyAge, KeyName } from '../../../shared/accounts.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import type { PinnedRecipe } from '../../../shared/settings.ts';
import type { AcsIdentityView, TokenView } from '../../../shared/tokens.ts';
import { identityTitle, signsInWith } from '../identities/identity-labels.ts';

/**
 * What the Today page shows, worked out from the lists the core gives: keys past their rotation
 * age, identities whose credential stops working, and each pinned recipe's name and token.
 */

const keyLabels: Record<KeyAge['secret'], string> = { primaryKey: 'primary key', secondaryKey: 'secondary key', accessKey: 'access key' };

export interface KeyDue {
  account: AccountView;
  /** "primary key 120 days old". */
  what: string;
  /** Which of the resource's keys it is, when known: Regenerate opens on it. */
  key: KeyName | null;
}

/** Stored keys older than Settings' rotation reminder age, oldest first. */
export function keysDue(accounts: readonly AccountView[]): KeyDue[] {
  const due = accounts.flatMap((account) => (account.keyAges ?? []).filter((age) => age.due).map((age) => ({ account, age })));
  return due
    .sort((a, b) => b.age.ageDays - a.age.ageDays)
    .map(({ account, age }) => ({ account, what: `${keyLabels[age.secret]} ${age.ageDays.toLocaleString()} days old`, key: age.azureKey }));
}

export interface IdentityToRenew {
  identity: IdentityView;
  name: string;
  /** "certificate expired Dec 1, 2026". */
  why: string;
  expired: boolean;
}

/**
 * Identities that will need the user: one whose last token could not be had without a new sign-in
 * (an expired or revoked sign-in, MFA, consent: the core remembers it until a token comes again),
 * and a service principal whose certificate has expired or expires within 30 days (signsInWith on
 * the Identities page decides). Those that need a sign-in now come first.
 */
export function identitiesToRenew(identities: readonly IdentityView[], now: number): IdentityToRenew[] {
  const needed = identities.flatMap((identity) =>
    identity.needsSignIn ? [{ identity, name: identityTitle(identity), why: 'must sign in again', expired: true }] : [],
  );
  const certificates = identities.flatMap((identity) => {
    const how = signsInWith(identity, now);
    if (identity.needsSignIn || !how.warning) return [];
    return [{ identity, name: identityTitle(identity), why: `certificate ${how.detail ?? ''}`.trim(), expired: how.warning === 'expired' }];
  });
  return [...needed, ...certificates];
}

/** "Support chat · Support agent · chat, voip": the resource, the ACS identity and the scopes; what is gone says so. */
export function recipeLabel(recipe: PinnedRecipe, accounts: readonly AccountView[], acsIdentities: readonly AcsIdentityView[]): string {
  const account = accounts.find((a) => a.id === recipe.accountId)?.name ?? 'Removed resource';
  const identity = acsIdentities.find((i) => i.id === recipe.acsIdentityId)?.label ?? 'Removed identity';
  return `${account} · ${identity} · ${recipe.scopes.join(', ')}`;
}

/** Whether the recipe's resource and ACS identity are still in the app (a deleted identity cannot be minted for). */
export function recipeUsable(recipe: PinnedRecipe, accounts: readonly AccountView[], acsIdentities: readonly AcsIdentityView[]): boolean {
  return accounts.some((a) => a.id === recipe.accountId) && acsIdentities.some((i) => i.id === recipe.acsIdentityId);
}

const sameScopes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));

/** The token the recipe made last (its ACS identity, its scopes), if the app still holds one that can be copied or minted again. */
export function recipeToken(recipe: PinnedRecipe, tokens: readonly TokenView[]): TokenView | undefined {
  return tokens
    .filter(
      (t) =>
        t.kind === 'acs-user' &&
        t.source.subject?.kind === 'acs-identity' &&
        t.source.subject.acsIdentityId === recipe.acsIdentityId &&
        sameScopes(t.scopes, recipe.scopes) &&
        !t.revoked &&
        t.hasValue &&
        t.refreshable,
    )
    .sort((a, b) => b.expiresAt.localeCompare(a.expiresAt))[0];
}

/** The same recipe pinned twice is one recipe: same resource, identity and scopes. */
export function isPinned(pinned: readonly PinnedRecipe[], candidate: Omit<PinnedRecipe, 'id'>): boolean {
  return pinned.some(
    (r) => r.accountId === candidate.accountId && r.acsIdentityId === candidate.acsIdentityId && sameScopes(r.scopes, candidate.scopes),
  );
}

/** The tokens with their status as of `now` (the core's status is as of the list), so the page ages without asking again. */
export function tokensAsOf(tokens: readonly TokenView[], now: number, warningMinutes: number): TokenView[] {
  return tokens.map((token) => {
    if (token.revoked) return token;
    const left = Date.parse(token.expiresAt) - now;
    const status = left <= 0 ? 'expired' : left <= warningMinutes * 60_000 ? 'expiring' : 'valid';
    return status === token.status ? token : { ...token, status };
  });
}
