import {
  Body1,
  Caption1,
  Card,
  CardHeader,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
} from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import type { VaultMode } from '../../../shared/vault.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { QuarantineNotice } from '../../components/vault/QuarantineNotice.tsx';
import { VaultActions } from '../../components/vault/VaultActions.tsx';
import type { VaultState } from '../../use-vault.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { useSettingStyles } from './setting-styles.ts';

const modes: Record<VaultMode, { label: string; detail: string }> = {
  keychain: {
    label: 'OS keychain',
    detail: 'Secrets are encrypted in one vault file; its key is kept in your operating system’s keychain.',
  },
  passphrase: { label: 'Passphrase', detail: 'Secrets are encrypted in one vault file with a key derived from your passphrase.' },
  memory: {
    label: 'Memory only',
    detail: 'Nothing is saved: keys added in this session are forgotten when the app closes, and the azcred CLI cannot read them.',
  },
};

/**
 * The Settings section that says where secrets and data are kept (`children`: the data folder), and
 * offers the vault's choices when it is not open.
 */
export function SecretStorageCard({ vault, children }: { vault: VaultState; children?: ReactNode }) {
  const layout = useLayoutStyles();
  const styles = useSettingStyles();
  const grid = { className: styles.field, orientation: 'horizontal' as const };
  const { status, loadError, refresh } = vault;
  // The count changes as accounts are added elsewhere: ask again whenever Settings is opened.
  useEffect(() => void refresh(), [refresh]);

  return (
    <Card className={styles.section}>
      <CardHeader header={<Subtitle2 as="h2">Where secrets are stored</Subtitle2>} />
      <div className={styles.fields} data-testid="secret-storage">
        <ErrorBar error={loadError} />
        {!status && !loadError && <Body1>Checking the vault…</Body1>}
        {status?.state === 'open' && (
          <>
            <Field {...grid} label="Vault">
              <Body1>{modes[status.mode].label}</Body1>
              <Caption1 className={layout.muted}>{modes[status.mode].detail}</Caption1>
            </Field>
            <Field {...grid} label="Vault file">
              <Body1 className={layout.mono} data-testid="vault-location">
                {status.location ?? 'None: this session keeps secrets in memory only.'}
              </Body1>
            </Field>
            <Field {...grid} label="Secrets stored">
              <Body1 data-testid="vault-secret-count">{status.secretCount.toLocaleString()}</Body1>
            </Field>
            {status.quarantined && <QuarantineNotice quarantine={status.quarantined} onChanged={() => void vault.refresh()} />}
          </>
        )}
        {status?.state === 'locked' && (
          <>
            <Field {...grid} label="Vault">
              <Body1>{modes.passphrase.label}: locked</Body1>
            </Field>
            <Field {...grid} label="Vault file">
              <Body1 className={layout.mono} data-testid="vault-location">
                {status.location}
              </Body1>
            </Field>
          </>
        )}
        {status?.state === 'unavailable' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Stored keys cannot be used right now</MessageBarTitle>
              {status.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {children}
        <VaultActions vault={vault} />
      </div>
    </Card>
  );
}
