import type { CopiedSecret } from '../../../shared/accounts.ts';
import { ok, type Result } from '../../../shared/result.ts';
import type { PinnedRecipe } from '../../../shared/settings.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import type { Api } from '../../../shared/api-client.ts';
import type { CopyHow } from '../../components/secret-clipboard.ts';
import { copyAcsEnv, copyTokenWith, type AcsQuickCopyCalls } from '../tokens/acs-quick-copy.ts';
import { recipeToken } from './today-model.ts';

/** The calls a recipe makes (the page passes its `api`; a test its own). */
export type RecipeCalls = { tokens: AcsQuickCopyCalls['tokens'] & Pick<Api['tokens'], 'refresh'> };

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
  calls: RecipeCalls,
  recipe: PinnedRecipe,
  tokens: readonly TokenView[],
  what: RecipeCopy,
  how: CopyHow,
): Promise<Result<RecipeCopied>> {
  const got = await tokenFor(calls, recipe, tokens);
  if (!got.ok) return got;
  const copy = what === 'token' ? copyTokenWith : copyAcsEnv;
  const copied = await copy(calls, got.value.token.id, how);
  return copied.ok ? ok({ ...got.value, copied: copied.value }) : copied;
}

async function tokenFor(
  calls: RecipeCalls,
  recipe: PinnedRecipe,
  tokens: readonly TokenView[],
): Promise<Result<Omit<RecipeCopied, 'copied'>>> {
  const held = recipeToken(recipe, tokens);
  if (held?.status === 'valid') return ok({ token: held, how: 'reused' });
  if (held) {
    const refreshed = await calls.tokens.refresh({ id: held.id });
    return refreshed.ok ? ok({ token: refreshed.value, how: 'refreshed' }) : refreshed;
  }
  const { accountId, acsIdentityId, scopes, minutes } = recipe;
  const minted = await calls.tokens.mintAcs({ accountId, acsIdentityId, scopes, minutes });
  return minted.ok ? ok({ token: minted.value.token, how: 'minted' }) : minted;
}
