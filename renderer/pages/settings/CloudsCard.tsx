import {
  Button,
  Caption1,
  Card,
  CardHeader,
  Field,
  makeStyles,
  mergeClasses,
  Subtitle2,
  TableCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AppsAddInRegular, ArrowUploadRegular, DeleteRegular, EditRegular, WarningRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { defaultPublicClientId, type CloudProfileView } from '../../../shared/clouds.ts';
import { api } from '../../api.ts';
import { defaultSettings } from '../../../shared/settings.ts';
import { CloudDropdown } from '../../components/CloudDropdown.tsx';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { MiddleTruncated } from '../../components/MiddleTruncated.tsx';
import { problem } from '../../components/field-problem.ts';
import { useCall } from '../../components/use-call.ts';
import { useReloadWhenVaultOpens, type VaultState } from '../../use-vault.ts';
import { ImportCloudDialog } from './ImportCloudDialog.tsx';
import { RemoveCloudDialog } from './RemoveCloudDialog.tsx';
import { RegisterAppDialog } from './RegisterAppDialog.tsx';
import { SignInAppDialog } from './SignInAppDialog.tsx';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useSettingStyles } from './setting-styles.ts';
import { useReloadOn } from '../../use-core-events.ts';

const useStyles = makeStyles({
  defaultCloud: { flex: '1 1 360px' },
  table: { minWidth: '780px' },
  endpoints: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  url: { margin: 0, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  caWarning: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorStatusWarningForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  actions: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

type OpenDialog = { type: 'import' } | { type: 'sign-in-app' | 'register-app' | 'remove'; cloud: CloudProfileView };

export interface CloudsCardProps {
  defaultCloud: string;
  defaultCloudError: string | undefined;
  onDefaultCloud(name: string): void;
  /** Profiles added with the vault (the demo's emulator cloud) show once it opens. */
  vault: VaultState;
  className?: string;
}

/** Settings → Clouds: the default cloud, every profile's endpoints and sign-in app, and custom profiles imported or removed. */
export function CloudsCard({ defaultCloud, defaultCloudError, onDefaultCloud, vault, className }: CloudsCardProps) {
  const styles = useStyles();
  const grid = useSettingStyles();
  const layout = useLayoutStyles();
  const [clouds, setClouds] = useState<CloudProfileView[]>([]);
  const { run, error, reset } = useCall();
  const [dialog, setDialog] = useState<OpenDialog>();

  const reload = useCallback(async () => {
    const result = await run(() => api.clouds.list());
    if (result.ok) setClouds(result.value);
  }, [run]);
  useEffect(() => void reload(), [reload]);
  useReloadWhenVaultOpens(vault, reload);
  useReloadOn(['clouds.changed'], reload);

  const close = () => setDialog(undefined);
  return (
    <Card className={mergeClasses(grid.section, className)}>
      <CardHeader
        header={<Subtitle2 as="h2">Clouds</Subtitle2>}
        description={<Caption1>The cloud used for new accounts and sign-ins, and every cloud’s endpoints and sign-in app.</Caption1>}
      />
      <div className={layout.column}>
        <div className={styles.toolbar}>
          <Field
            label="Default cloud"
            orientation="horizontal"
            className={mergeClasses(grid.field, styles.defaultCloud)}
            {...problem(defaultCloudError)}
          >
            <CloudDropdown clouds={clouds} value={defaultCloud} onChange={onDefaultCloud} />
          </Field>
          <Button icon={<ArrowUploadRegular />} onClick={() => setDialog({ type: 'import' })}>
            Import profile
          </Button>
        </div>
        <ErrorBar error={error} onDismiss={reset} />
        <div className={layout.scrollX}>
          <DataTable
            label="Cloud profiles"
            className={styles.table}
            columns={[
              { label: 'Cloud', width: '200px' },
              { label: 'Endpoints' },
              { label: 'Sign-in app', width: '210px' },
              { label: 'Actions', width: '170px' },
            ]}
          >
            {clouds.map((c) => (
              <TableRow key={c.name} data-cloud={c.name}>
                <TableCell>
                  <div className={layout.cellLines}>
                    <Text weight="semibold">{c.displayName}</Text>
                    <Caption1 className={styles.muted}>
                      {c.name} · {c.builtIn ? 'built in' : 'custom'}
                    </Caption1>
                    {c.trustedCaPem && (
                      <Caption1 className={styles.caWarning} data-ca-warning>
                        <WarningRegular aria-hidden />
                        Trusts its own CA certificate for this cloud’s endpoints: whoever holds that CA’s key can impersonate them. Keep it
                        only if it comes from a source you trust.
                      </Caption1>
                    )}
                  </div>
                </TableCell>
                <TableCell>
                  <dl className={styles.endpoints}>
                    <dt className={styles.muted}>Entra ID</dt>
                    <dd className={styles.url}>{c.authorityHost}</dd>
                    <dt className={styles.muted}>ARM</dt>
                    <dd className={styles.url}>{c.armEndpoint}</dd>
                  </dl>
                </TableCell>
                <TableCell>
                  <div className={layout.cellLines}>
                    <MiddleTruncated value={c.publicClient.clientId} label={`sign-in app ID of ${c.displayName}`} />
                    <Caption1 className={styles.muted}>
                      {c.publicClient.clientId === defaultPublicClientId ? 'Azure CLI (default)' : 'Your app'} · tenant{' '}
                      {c.publicClient.tenant}
                    </Caption1>
                  </div>
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      icon={<EditRegular />}
                      aria-label={`Sign-in app for ${c.displayName}`}
                      onClick={() => setDialog({ type: 'sign-in-app', cloud: c })}
                    >
                      Sign-in app
                    </Button>
                    <Button
                      size="small"
                      icon={<AppsAddInRegular />}
                      aria-label={`Register my app for ${c.displayName}`}
                      onClick={() => setDialog({ type: 'register-app', cloud: c })}
                    >
                      Register my app…
                    </Button>
                    {!c.builtIn && (
                      <Button
                        size="small"
                        icon={<DeleteRegular />}
                        aria-label={`Remove ${c.displayName}`}
                        onClick={() => setDialog({ type: 'remove', cloud: c })}
                      >
                        Remove
                      </Button>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        </div>
      </div>

      {dialog?.type === 'import' && <ImportCloudDialog onClose={close} onImported={() => (close(), void reload())} />}
      {dialog?.type === 'register-app' && (
        <RegisterAppDialog cloud={dialog.cloud} onClose={close} onRegistered={() => (close(), void reload())} />
      )}
      {dialog?.type === 'sign-in-app' && <SignInAppDialog cloud={dialog.cloud} onClose={close} onSaved={() => (close(), void reload())} />}
      {dialog?.type === 'remove' && (
        <RemoveCloudDialog
          cloud={dialog.cloud}
          onClose={close}
          onRemoved={(name) => {
            close();
            // The default cannot point at a cloud that is gone: fall back to the default setting, Azure (global).
            if (name === defaultCloud) onDefaultCloud(defaultSettings.defaultCloud);
            void reload();
          }}
        />
      )}
    </Card>
  );
}
