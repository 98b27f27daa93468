import type { CopiedSecret } from '../../../shared/accounts.ts';
import { ok, type Result } from '../../../shared/result.ts';
import type { PinnedRecipe } from '../../../shared/settings.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { copyInPage, type CopyHow } from '../../components/secret-clipboard.ts';
import { copyToken } from '../tokens/token-clipboard.ts';
import { recipeToken } from './today-model.ts';

/** What a recipe copies: the token itself, or the `.env` lines the Export dialog writes (the token and what goes with it). */
export type RecipeCopy = 'token' | 'env';

export interface RecipeCopied {
  token: TokenView;
  /** How the token was got: the one held still valid, minted again, or minted for the first time. */
  how: 'reused' | 'refreshed' | 'minted';
  copied: CopiedSecret;
}

/**
 * A pinned recipe in one action: the token it made last if still valid, else that token minted
 * again (tokens.refresh), else a new one for the recipe's ACS identity, then copied. The value goes
 * to the clipboard only (the core's in the desktop app, the page's in browser mode), never on screen.
 */
export async function copyRecipe(
  recipe: PinnedRecipe,
  tokens: readonly TokenView[],
  what: RecipeCopy,
  how: CopyHow,
): Promise<Result<RecipeCopied>> {
  const got = await tokenFor(recipe, tokens);
  if (!got.ok) return got;
  const copied = what === 'token' ? await copyToken(got.value.token.id, how) : await copyEnv(got.value.token.id, how);
  return copied.ok ? ok({ ...got.value, copied: copied.value }) : copied;
}

async function tokenFor(recipe: PinnedRecipe, tokens: readonly TokenView[]): Promise<Result<Omit<RecipeCopied, 'copied'>>> {
  const held = recipeToken(recipe, tokens);
  if (held?.status === 'valid') return ok({ token: held, how: 'reused' });
  if (held) {
    const refreshed = await api.tokens.refresh({ id: held.id });
    return refreshed.ok ? ok({ token: refreshed.value, how: 'refreshed' }) : refreshed;
  }
  const { accountId, acsIdentityId, scopes, minutes } = recipe;
  const minted = await api.tokens.mintAcs({ accountId, acsIdentityId, scopes, minutes });
  return minted.ok ? ok({ token: minted.value.token, how: 'minted' }) : minted;
}

/** The token's `.env` lines on the clipboard: copied by the core in the desktop app, by the page in browser mode. */
export async function copyEnv(id: string, how: CopyHow): Promise<Result<CopiedSecret>> {
  if (how.coreClipboard) {
    const result = await api.tokens.export({ id, format: 'env', copy: true });
    return result.ok ? ok({ clearsAfterSeconds: result.value.clearsAfterSeconds ?? how.clearAfterSeconds }) : result;
  }
  const result = await api.tokens.export({ id, format: 'env', purpose: 'copy' });
  return result.ok ? copyInPage(result.value.text ?? '', how.clearAfterSeconds) : result;
}
