import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowDownloadRegular, ArrowUploadRegular, CloudArrowDownRegular, KeyMultipleRegular } from '@fluentui/react-icons';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { AccountView, KeyName } from '../../shared/accounts.ts';
import type { AppErrorShape } from '../../shared/errors.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageStates } from '../components/PageStates.tsx';
import { ErrorBar } from '../components/ErrorBar.tsx';
import type { CopySettings } from '../components/secret-clipboard.ts';
import { useCopyHow } from '../components/use-copy-how.ts';
import { VaultBanner } from '../components/vault/VaultBanner.tsx';
import { useAppInfo } from '../use-app-info.ts';
import { useClouds } from '../use-clouds.ts';
import type { SettingsState } from '../use-settings.ts';
import { useReloadWhenVaultOpens, type VaultState } from '../use-vault.ts';
import { AccountDialog } from './accounts/AccountDialog.tsx';
import { AccountsBrowser } from './accounts/AccountsBrowser.tsx';
import { filterAccounts, noFilter, type AccountFilter } from './accounts/account-filter.ts';
import { DeleteAccountDialog } from './accounts/DeleteAccountDialog.tsx';
import { discoveryRequest } from './accounts/discover-intent.ts';
import { useTakenRequest } from '../page-request.ts';
import { accountsRequest } from '../palette/accounts-request.ts';
import { DiscoverDialog } from './accounts/DiscoverDialog.tsx';
import { ExportDialog } from './accounts/ExportDialog.tsx';
import { ImportDialog } from './accounts/ImportDialog.tsx';
import { RetirementNotice } from './accounts/RetirementNotice.tsx';
import { RotateKeyDialog } from './accounts/RotateKeyDialog.tsx';
import { useAccounts } from './accounts/use-accounts.ts';
import { whereKeysAreKept } from './accounts/where-keys-are-kept.ts';
import { PageHeader } from './PageHeader.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100%', height: '100%' },
  notice: { marginBottom: tokens.spacingVerticalM },
});

type OpenDialog =
  | { type: 'add' }
  | { type: 'edit' | 'delete'; account: AccountView }
  | { type: 'rotate'; account: AccountView; key?: KeyName }
  | { type: 'import' }
  | { type: 'export' }
  | { type: 'discover'; identityId?: string };

export function AccountsPage({ settings, vault }: { settings: SettingsState; vault: VaultState }) {
  const styles = useStyles();
  const info = useAppInfo();
  const { clouds, cloudLabel } = useClouds();
  const { accounts, loadError, reload, upsert, remove } = useAccounts();
  const [filter, setFilter] = useState<AccountFilter>(noFilter);
  const deferredFilter = useDeferredValue(filter);
  const [selectedId, setSelectedId] = useState<string>();
  // An identity's row may have sent the user here to discover what it can see.
  const discoverWith = useTakenRequest(discoveryRequest);
  const [dialog, setDialog] = useState<OpenDialog | undefined>(discoverWith ? { type: 'discover', identityId: discoverWith } : undefined);
  const [error, setError] = useState<AppErrorShape>();
  // "Regenerate secondary Showroom" from the palette: opened once the accounts are loaded.
  const [rotateRequest, setRotateRequest] = useState(useTakenRequest(accountsRequest));

  // Which keys are missing can change when the vault opens. (Clouds added with it, as the demo's sample data does, come as clouds.changed.)
  useReloadWhenVaultOpens(vault, reload);

  const all = useMemo(() => accounts ?? [], [accounts]);
  const shown = useMemo(() => filterAccounts(all, deferredFilter), [all, deferredFilter]);
  const selected = all.find((a) => a.id === selectedId);
  const defaultCloud = settings.values.defaultCloud;

  useEffect(() => {
    if (!rotateRequest || accounts === undefined) return;
    const account = accounts.find((a) => a.id === rotateRequest.accountId);
    setRotateRequest(undefined);
    if (!account) return setError({ code: 'not_found', message: 'That account is no longer here: it may have been deleted.' });
    setSelectedId(account.id);
    setDialog({ type: 'rotate', account, key: rotateRequest.key });
  }, [rotateRequest, accounts]);
  const copyHow = useCopyHow(settings.values.clipboardClearSeconds);
  const copy: CopySettings = useMemo(() => ({ ...copyHow, onError: setError }), [copyHow]);

  const actions = (
    <>
      <Button appearance="primary" icon={<AddRegular />} onClick={() => setDialog({ type: 'add' })}>
        Add account
      </Button>
      <Button icon={<ArrowUploadRegular />} onClick={() => setDialog({ type: 'import' })}>
        Import
      </Button>
      <Button icon={<CloudArrowDownRegular />} onClick={() => setDialog({ type: 'discover' })}>
        Discover from Azure
      </Button>
      {all.length > 0 && (
        <Button icon={<ArrowDownloadRegular />} disabled={!info} onClick={() => setDialog({ type: 'export' })}>
          Export
        </Button>
      )}
    </>
  );

  return (
    <div className={styles.root}>
      <PageHeader
        title="Accounts"
        lead="Azure Communication Services resources and Azure Remote Rendering accounts, with their keys."
        actions={all.length > 0 ? actions : undefined}
      />
      <VaultBanner vault={vault} />
      {all.some((a) => a.kind === 'arr') && <RetirementNotice className={styles.notice} />}
      <ErrorBar className={styles.notice} error={error ?? loadError} onDismiss={() => setError(undefined)} />

      <PageStates
        items={accounts}
        loading="Loading accounts…"
        empty={
          <EmptyState
            icon={KeyMultipleRegular}
            title="No accounts yet"
            points={[
              'ACS resources: the connection string (endpoint and access key), or the endpoint alone for Entra ID sign-in.',
              'ARR accounts (retired): account ID, account domain and the primary and secondary account keys.',
              whereKeysAreKept(vault.status),
            ]}
            learnMore={{
              href: 'https://learn.microsoft.com/azure/communication-services/concepts/authentication',
              label: 'How ACS authenticates requests',
            }}
            actions={actions}
          >
            Add an account by hand (paste an ACS connection string), discover those a signed-in identity can see in Azure, or import a
            connection string, a .env file or an exported JSON file.
          </EmptyState>
        }
      >
        <AccountsBrowser
          accounts={all}
          shown={shown}
          filter={filter}
          onFilter={setFilter}
          selected={selected}
          onSelect={setSelectedId}
          cloudLabel={cloudLabel}
          copy={copy}
          onEdit={(account) => setDialog({ type: 'edit', account })}
          onDelete={(account) => setDialog({ type: 'delete', account })}
          onRotate={(account) => setDialog({ type: 'rotate', account })}
          shortcuts={dialog === undefined}
        />
      </PageStates>

      {(dialog?.type === 'add' || dialog?.type === 'edit') && (
        <AccountDialog
          editing={dialog.type === 'edit' ? dialog.account : undefined}
          vault={vault}
          clouds={clouds}
          defaultCloud={defaultCloud}
          onClose={() => setDialog(undefined)}
          onSaved={(account) => {
            upsert(account);
            setSelectedId(account.id);
            setDialog(undefined);
          }}
        />
      )}
      {dialog?.type === 'delete' && (
        <DeleteAccountDialog
          account={dialog.account}
          onClose={() => setDialog(undefined)}
          onDeleted={(id) => {
            remove(id);
            setSelectedId(undefined);
            setDialog(undefined);
          }}
        />
      )}
      {dialog?.type === 'discover' && (
        <DiscoverDialog identityId={dialog.identityId} onImported={() => void reload()} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.type === 'rotate' && (
        <RotateKeyDialog account={dialog.account} initialKey={dialog.key} onRotated={upsert} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.type === 'import' && (
        <ImportDialog clouds={clouds} defaultCloud={defaultCloud} onImported={() => void reload()} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.type === 'export' && info && (
        <ExportDialog all={all} shown={shown} selected={selected} homeFolder={info.homeFolder} onClose={() => setDialog(undefined)} />
      )}
    </div>
  );
}
