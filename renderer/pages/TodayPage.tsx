import { useCallback, useMemo, useRef, useState } from 'react';
import type { AppErrorShape } from '../../shared/errors.ts';
import type { PinnedRecipe } from '../../shared/settings.ts';
import type { TokenView } from '../../shared/tokens.ts';
import { api, isBrowserMode } from '../api.ts';
import { DoneBar } from '../components/DoneBar.tsx';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { formatWhen } from '../components/when.ts';
import { useCopyHow } from '../components/use-copy-how.ts';
import { VaultBanner } from '../components/vault/VaultBanner.tsx';
import { useLoadedList } from '../use-loaded-list.ts';
import type { SettingsState } from '../use-settings.ts';
import { useReloadWhenVaultOpens, type VaultState } from '../use-vault.ts';
import { PageHeader } from './PageHeader.tsx';
import { useNow } from './identities/use-now.ts';
import { IdentitiesToRenewCard, KeysDueCard } from './today/AttentionCards.tsx';
import { ExpiringTokensCard } from './today/ExpiringTokensCard.tsx';
import { PinnedRecipesCard } from './today/PinnedRecipesCard.tsx';
import { copyRecipe, type RecipeCopy } from './today/recipe-copy.ts';
import { identitiesToRenew, keysDue, recipeLabel, tokensAsOf } from './today/today-model.ts';
import { useTodayStyles } from './today/today-styles.ts';
import { copyToken } from './tokens/token-clipboard.ts';
import { useTokens } from './tokens/use-tokens.ts';

const gotWords = { reused: 'the token still valid', refreshed: 'a token minted again', minted: 'a new token' } as const;

/** Today: what expires soon, keys past their rotation age, identities to renew, and the recipes the user pinned. */
export function TodayPage({ settings, vault }: { settings: SettingsState; vault: VaultState }) {
  const styles = useTodayStyles();
  const now = useNow(15_000);
  const { values } = settings;
  const copyHow = useCopyHow(values.clipboardClearSeconds);
  const { tokens: tokenList, loadError, reload, upsert } = useTokens();
  const accounts = useLoadedList(
    useCallback(() => api.accounts.list(), []),
    { reloadOn: ['accounts.changed', 'settings.changed'] },
  );
  const identities = useLoadedList(
    useCallback(() => api.identities.list(), []),
    { reloadOn: ['identities.changed'] },
  );
  const acsIdentities = useLoadedList(
    useCallback(() => api.acsIdentities.list({}), []),
    { reloadOn: ['acsIdentities.changed', 'accounts.changed'] },
  );
  // An expiry warning may come before the list is read again: it names a token whose status changed.
  const reloadAll = useCallback(async () => {
    await Promise.all([reload(), accounts.reload(), identities.reload(), acsIdentities.reload()]);
  }, [reload, accounts, identities, acsIdentities]);
  useReloadWhenVaultOpens(vault, reloadAll);

  const [busyId, setBusyId] = useState<string>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<AppErrorShape>();
  const statusRef = useRef<HTMLDivElement>(null);
  const clears = (seconds: number) =>
    `clipboard clears in ${seconds} s${isBrowserMode ? '. Closing this tab before then leaves it on the clipboard' : ''}.`;

  const tokens = useMemo(
    () => tokensAsOf(tokenList ?? [], now, values.expiryWarningMinutes),
    [tokenList, now, values.expiryWarningMinutes],
  );
  const accountList = accounts.items ?? [];
  const acsIdentityList = acsIdentities.items ?? [];
  const recipes = values.pinnedRecipes;

  /** Runs one action for a row, its buttons waiting meanwhile; says what happened where the focus can go. */
  const act = async (id: string, action: () => Promise<string | AppErrorShape>) => {
    setBusyId(id);
    setError(undefined);
    setDone(undefined);
    try {
      const outcome = await action();
      if (typeof outcome === 'string') setDone(outcome);
      else setError(outcome);
    } finally {
      setBusyId(undefined);
    }
  };

  const refresh = (token: TokenView) =>
    void act(token.id, async () => {
      const result = await api.tokens.refresh({ id: token.id });
      if (!result.ok) return result.error;
      upsert(result.value);
      // The row leaves the list once the token is valid again: the focus goes to what was done.
      window.setTimeout(() => statusRef.current?.focus());
      return `Refreshed ${result.value.title}: it now expires ${formatWhen(result.value.expiresAt)}.`;
    });

  const copy = (token: TokenView) =>
    void act(token.id, async () => {
      const result = await copyToken(token.id, copyHow);
      return result.ok ? `Copied ${token.title}; ${clears(result.value.clearsAfterSeconds)}` : result.error;
    });

  const copyPinned = (recipe: PinnedRecipe, what: RecipeCopy) =>
    void act(recipe.id, async () => {
      const result = await copyRecipe(api, recipe, tokens, what, copyHow);
      if (!result.ok) return result.error;
      upsert(result.value.token);
      const label = recipeLabel(recipe, accountList, acsIdentityList);
      const copied = what === 'token' ? 'the token' : 'the .env lines';
      return `Copied ${copied} of ${label} (${gotWords[result.value.how]}); ${clears(result.value.copied.clearsAfterSeconds)}`;
    });

  const pin = async (recipe: Omit<PinnedRecipe, 'id'>) => {
    const saved = await settings.update({ pinnedRecipes: [...recipes, { ...recipe, id: crypto.randomUUID() }] });
    if (saved) setError(saved);
    else setDone(`Pinned ${recipeLabel({ ...recipe, id: '' }, accountList, acsIdentityList)}.`);
    return !saved;
  };

  const unpin = (recipe: PinnedRecipe) =>
    void settings.update({ pinnedRecipes: recipes.filter((r) => r.id !== recipe.id) }).then((refused) => {
      if (refused) setError(refused);
      else setDone(`Unpinned ${recipeLabel(recipe, accountList, acsIdentityList)}.`);
    });

  return (
    <div>
      <PageHeader title="Today" lead="What expires soon, what needs a new key or sign-in, and your pinned recipes." />
      <VaultBanner vault={vault} />
      <div className={styles.bars} ref={statusRef} tabIndex={-1}>
        {done && <DoneBar onDismiss={() => setDone(undefined)}>{done}</DoneBar>}
        <ErrorBar error={error ?? loadError ?? accounts.loadError} onDismiss={() => setError(undefined)} />
      </div>
      <div className={styles.grid}>
        <ExpiringTokensCard
          tokens={tokens}
          now={now}
          warningMinutes={values.expiryWarningMinutes}
          busyId={busyId}
          onRefresh={refresh}
          onCopy={copy}
        />
        <PinnedRecipesCard
          recipes={recipes}
          accounts={accountList}
          acsIdentities={acsIdentityList}
          busyId={busyId}
          onCopy={copyPinned}
          onPin={pin}
          onUnpin={unpin}
        />
        <KeysDueCard keys={keysDue(accountList)} reminderDays={values.keyRotationReminderDays} />
        <IdentitiesToRenewCard identities={identitiesToRenew(identities.items ?? [], now)} />
      </div>
    </div>
  );
}
