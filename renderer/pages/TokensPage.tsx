import { Button, Caption1, Label, makeStyles, SearchBox, Select, tokens } from '@fluentui/react-components';
import { AddRegular, TicketDiagonalRegular } from '@fluentui/react-icons';
import { useCallback, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { AppErrorShape } from '../../shared/errors.ts';
import type { TokenView } from '../../shared/tokens.ts';
import { isBrowserMode } from '../api.ts';
import { DoneBar } from '../components/DoneBar.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ListAndDetail } from '../components/ListAndDetail.tsx';
import { PageStates } from '../components/PageStates.tsx';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { useCopyHow } from '../components/use-copy-how.ts';
import { VaultBanner } from '../components/vault/VaultBanner.tsx';
import { useAppInfo } from '../use-app-info.ts';
import type { SettingsState } from '../use-settings.ts';
import { useReloadWhenVaultOpens, type VaultState } from '../use-vault.ts';
import { PageHeader } from './PageHeader.tsx';
import { ExpiryAnnouncer } from './tokens/ExpiryAnnouncer.tsx';
import { newTokenRequest } from './tokens/new-token-intent.ts';
import { useTakenRequest } from '../page-request.ts';
import { TokenDialogs, type TokenDialog } from './tokens/TokenDialogs.tsx';
import { TokenDetail } from './tokens/TokenDetail.tsx';
import { GroupHeaderRow, TokenRow } from './tokens/TokenRow.tsx';
import { isGroupHeader, orderTokens, tokenOrders, type TokenListItem, type TokenOrder } from './tokens/token-order.ts';
import { useGroupsNow } from './tokens/use-groups-now.ts';
import { ToolButtons } from './tokens/ToolButtons.tsx';
import { RefreshExpiringButton } from './tokens/RefreshExpiringButton.tsx';
import { scopeLabel, sourceLabel } from './tokens/token-format.ts';
import { useTokens } from './tokens/use-tokens.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100%', height: '100%', '@media (max-width: 960px)': { height: 'auto' } },
  notice: { marginBottom: tokens.spacingVerticalM },
  browser: {
    display: 'flex',
    flexDirection: 'column',
    flex: 1,
    minHeight: '420px',
    gap: tokens.spacingVerticalS,
    '@media (max-width: 960px)': { flex: 'none' },
  },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  count: { color: tokens.colorNeutralForeground2, flex: 1 },
  search: { width: '300px', maxWidth: '100%' },
  order: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  split: {
    flex: 1,
    minHeight: 0,
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(320px, 1fr) minmax(360px, 480px)',
    '@media (max-width: 960px)': { gridTemplateColumns: '1fr', gridTemplateRows: '360px auto' },
  },
});

function matches(token: TokenView, query: string): boolean {
  if (!query) return true;
  return `${token.title} ${sourceLabel(token)} ${scopeLabel(token)}`.toLowerCase().includes(query);
}

/** Every token minted, live: status and countdown, and what can be done with each; minting and the token tools from the header. */
export function TokensPage({ settings, vault }: { settings: SettingsState; vault: VaultState }) {
  const styles = useStyles();
  const info = useAppInfo();
  const { tokens: list, loadError, reload, upsert, remove } = useTokens();
  // Kept tokens are in the vault: they show as soon as it opens.
  useReloadWhenVaultOpens(vault, reload);
  const [selectedId, setSelectedId] = useState<string>();
  // An account's detail pane may have sent the user here to mint a token for it.
  const mintFor = useTakenRequest(newTokenRequest);
  const [dialog, setDialog] = useState<TokenDialog | undefined>(mintFor ? { type: 'new', initial: mintFor } : undefined);
  const [error, setError] = useState<AppErrorShape>();
  const [done, setDone] = useState<string>();
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<TokenOrder>('time-left');
  const orderId = useId();
  const deferredQuery = useDeferredValue(query.trim().toLowerCase());
  const listRef = useRef<HTMLDivElement>(null);

  const all = useMemo(() => list ?? [], [list]);
  const shown = useMemo(() => all.filter((t) => matches(t, deferredQuery)), [all, deferredQuery]);
  const selected = all.find((t) => t.id === selectedId);
  const warningMs = settings.values.expiryWarningMinutes * 60_000;
  const groupsNow = useGroupsNow(shown, warningMs);
  const rows = useMemo(() => orderTokens(shown, order, groupsNow, warningMs), [shown, order, groupsNow, warningMs]);
  // A token's place among the tokens alone (headers are no options), for the screen reader's "3 of 12".
  const places = useMemo(() => new Map(rows.filter((r) => !isGroupHeader(r)).map((r, i) => [r.id, i])), [rows]);
  const copy = useCopyHow(settings.values.clipboardClearSeconds);

  const onMinted = useCallback(
    (minted: TokenView[], message: string) => {
      upsert(...minted);
      if (minted[0]) setSelectedId(minted[0].id);
      setDone(message);
      setError(undefined);
    },
    [upsert],
  );

  const actions = (
    <>
      <Button appearance="primary" icon={<AddRegular />} onClick={() => setDialog({ type: 'new' })}>
        New token
      </Button>
      <ToolButtons onOpen={setDialog} />
    </>
  );

  return (
    <div className={styles.root}>
      <PageHeader
        title="Tokens"
        lead="Your tokens, the first to expire at the top, with their scopes, source and time left."
        actions={actions}
      />
      <VaultBanner vault={vault} />
      {done && (
        <DoneBar className={styles.notice} onDismiss={() => setDone(undefined)}>
          {done}
        </DoneBar>
      )}
      <ErrorBar className={styles.notice} error={error ?? loadError} onDismiss={() => setError(undefined)} />

      <PageStates
        items={list}
        loading="Loading tokens…"
        empty={
          <EmptyState
            icon={TicketDiagonalRegular}
            title="No tokens yet"
            points={[
              'ACS user access tokens with the scopes Calling and Chat need (chat, voip, ...).',
              'Entra ID tokens for any scope: ARM, STS, ACS, Microsoft Graph or your own API.',
              'ARR access tokens from the Mixed Reality STS (Remote Rendering is retired).',
            ]}
            learnMore={{
              href: 'https://learn.microsoft.com/azure/communication-services/concepts/identity-model',
              label: 'The ACS identity model',
            }}
          >
            Get one with New token above. Tokens live in memory until they expire, unless you store one in the vault.
          </EmptyState>
        }
      >
        <div className={styles.browser}>
          <div className={styles.bar}>
            <SearchBox
              className={styles.search}
              placeholder="Search by account, identity or scope"
              aria-label="Search tokens"
              value={query}
              onChange={(_, d) => setQuery(d.value)}
            />
            <Caption1 className={styles.count} data-testid="token-count">
              {shown.length === all.length
                ? `${all.length.toLocaleString()} token${all.length === 1 ? '' : 's'}`
                : `${shown.length.toLocaleString()} of ${all.length.toLocaleString()}`}
            </Caption1>
            <div className={styles.order}>
              <Label htmlFor={orderId}>Sort by</Label>
              <Select id={orderId} value={order} onChange={(_, d) => setOrder(d.value as TokenOrder)}>
                {tokenOrders.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.text}
                  </option>
                ))}
              </Select>
            </div>
            <RefreshExpiringButton tokens={shown} now={groupsNow} warningMs={warningMs} onChanged={upsert} onError={setError} />
            {isBrowserMode && <ExpiryAnnouncer tokens={all} warningMs={warningMs} />}
          </div>
          <ListAndDetail<TokenListItem>
            className={styles.split}
            label="Tokens"
            items={rows}
            isHeader={isGroupHeader}
            chosen={selected}
            onChoose={setSelectedId}
            idPrefix="token"
            listRef={listRef}
            // A thousand live countdowns cost what twenty do.
            overscan={6}
            row={(item, placement) =>
              isGroupHeader(item) ? (
                <GroupHeaderRow key={item.id} header={item} start={placement.start} />
              ) : (
                <TokenRow
                  key={item.id}
                  token={item}
                  {...placement}
                  index={places.get(item.id) ?? 0}
                  total={places.size}
                  warningMs={warningMs}
                />
              )
            }
            noMatch="No token matches the search."
            nothingChosen="Choose a token to see its details, reveal, copy or export it."
            detail={(token) =>
              isGroupHeader(token) ? null : (
                <TokenDetail
                  key={token.id}
                  token={token}
                  warningMs={warningMs}
                  copy={copy}
                  onChanged={upsert}
                  onError={setError}
                  onClaims={() => setDialog({ type: 'claims', token })}
                  onExport={() => setDialog({ type: 'export', token })}
                  onRevoke={() => setDialog({ type: 'revoke', token })}
                  onRemove={() => setDialog({ type: 'remove', token })}
                />
              )
            }
          />
        </div>
      </PageStates>

      <TokenDialogs
        dialog={dialog}
        onClose={() => setDialog(undefined)}
        onMinted={onMinted}
        onChanged={upsert}
        onRemoved={(id) => {
          remove(id);
          setSelectedId(undefined);
        }}
        onOpen={setDialog}
        homeFolder={info?.homeFolder ?? ''}
        tokens={all}
        copy={copy}
        revealSeconds={settings.values.revealSeconds}
      />
    </div>
  );
}
