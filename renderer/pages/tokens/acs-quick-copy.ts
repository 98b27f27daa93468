import type { CopiedSecret } from '../../../shared/accounts.ts';
import type { Api } from '../../../shared/api-client.ts';
import type { Result } from '../../../shared/result.ts';
import type { AcsIdentityView, AcsScope, AcsVia, TokenView } from '../../../shared/tokens.ts';
import { copyInPage, type CopyHow } from '../../components/secret-clipboard.ts';

/**
 * Getting an ACS user's token into a tool in one action: which identity a resource's token is for by
 * default (the one last used there), and get-and-copy or copy-as-.env of a token. The calls come in
 * as `calls` (the page passes its `api`), so the Tokens page, the ACS identities table and the Today
 * page share one way, and a test can pass its own.
 */

/** The calls it makes. */
export type AcsQuickCopyCalls = { tokens: Pick<Api['tokens'], 'mintAcs' | 'copy' | 'reveal' | 'export'> };

/** What a quick token is: the scopes and lifetime the user chose last time, or chat for an hour. */
export interface AcsRecipe {
  accountId: string;
  acsIdentityId: string;
  scopes: AcsScope[];
  minutes: number;
  via: AcsVia;
}

/**
 * The identity a new token on `accountId` is for unless the user picks another: the one the app last
 * got a token for there, else the one made last; none when the resource has no identity yet.
 */
export function lastUsedIdentity(identities: readonly AcsIdentityView[], accountId: string | undefined): AcsIdentityView | undefined {
  const mine = identities.filter((i) => i.accountId === accountId);
  const latest = (i: AcsIdentityView) => Date.parse(i.lastTokenAt ?? '') || 0;
  return [...mine].sort((a, b) => latest(b) - latest(a) || Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}

/** The recipe for another token like the identity's last one in `tokens` (its scopes and lifetime), else chat for an hour. */
export function recipeFor(identity: AcsIdentityView, tokens: readonly TokenView[], via: AcsVia): AcsRecipe {
  const last = tokens
    .filter((t) => t.source.subject?.kind === 'acs-identity' && t.source.subject.acsIdentityId === identity.id)
    .sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt))[0];
  const minutes = last ? Math.round((Date.parse(last.expiresAt) - Date.parse(last.issuedAt)) / 60_000) : 60;
  return {
    accountId: identity.accountId,
    acsIdentityId: identity.id,
    scopes: (last?.scopes as AcsScope[] | undefined)?.length ? (last?.scopes as AcsScope[]) : ['chat'],
    minutes: Math.min(1440, Math.max(60, minutes)),
    via,
  };
}

/** Copies a token: in the core when it has a clipboard (the desktop app), else in the page; cleared later either way. */
export async function copyTokenWith(calls: AcsQuickCopyCalls, id: string, how: CopyHow): Promise<Result<CopiedSecret>> {
  if (how.coreClipboard) return calls.tokens.copy({ id });
  const revealed = await calls.tokens.reveal({ id, purpose: 'copy' });
  return revealed.ok ? copyInPage(revealed.value.value, how.clearAfterSeconds) : revealed;
}

/** Copies the token as .env lines (endpoint, user ID, token, scopes, expiry), by the same rules as the token. */
export async function copyAcsEnv(calls: AcsQuickCopyCalls, id: string, how: CopyHow): Promise<Result<CopiedSecret>> {
  if (how.coreClipboard) {
    const result = await calls.tokens.export({ id, format: 'env', copy: true });
    return result.ok ? { ok: true, value: { clearsAfterSeconds: result.value.clearsAfterSeconds ?? how.clearAfterSeconds } } : result;
  }
  const result = await calls.tokens.export({ id, format: 'env', purpose: 'copy' });
  return result.ok ? copyInPage(result.value.text ?? '', how.clearAfterSeconds) : result;
}

/** Gets a new token by `recipe` and copies it: the new token, or the first call's error (nothing copied then). */
export async function getAndCopyAcsToken(
  calls: AcsQuickCopyCalls,
  recipe: AcsRecipe,
  how: CopyHow,
  operationId?: string,
): Promise<Result<{ token: TokenView; acsIdentity: AcsIdentityView; copied: CopiedSecret }>> {
  const minted = await calls.tokens.mintAcs({ ...recipe, ...(operationId ? { operationId } : {}) });
  if (!minted.ok) return minted;
  const copied = await copyTokenWith(calls, minted.value.token.id, how);
  return copied.ok ? { ok: true, value: { ...minted.value, copied: copied.value } } : copied;
}

/** A snippet that uses the token from the .env lines (ACS_USER_TOKEN), never the token itself. */
export function acsSnippet(endpoint: string, scopes: readonly string[]): string {
  const common = `import { AzureCommunicationTokenCredential } from '@azure/communication-common';`;
  const credential = `new AzureCommunicationTokenCredential(process.env.ACS_USER_TOKEN)`;
  return scopes.some((s) => s.startsWith('chat'))
    ? `import { ChatClient } from '@azure/communication-chat';\n${common}\n\nconst chat = new ChatClient('${endpoint}', ${credential});\n`
    : `import { CallClient } from '@azure/communication-calling';\n${common}\n\n` +
        `const callAgent = await new CallClient().createCallAgent(${credential});\n`;
}
