import {
  Body1,
  Button,
  Caption1,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiscoveryImportResult, DiscoveryResult } from '../../../shared/discovery.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { api } from '../../api.ts';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { DoneButton } from '../../components/DoneButton.tsx';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { plural } from '../../components/plural.ts';
import { useIdentities } from '../identities/use-identities.ts';
import { DiscoverImportResult } from './DiscoverImportResult.tsx';
import { DiscoverResourceTable } from './DiscoverResourceTable.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: '860px', width: '100%' },
  identity: { maxWidth: '420px' },
  muted: { color: tokens.colorNeutralForeground2 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface DiscoverDialogProps {
  /** The identity to look with, when the user came from its row. */
  identityId: string | undefined;
  /** Called after an import that added at least one account. */
  onImported(): void;
  onClose(): void;
}

/** Finds the Remote Rendering accounts and Communication Services resources an identity can see in Azure, and imports those ticked. */
export function DiscoverDialog({ identityId: initialIdentityId, onImported, onClose }: DiscoverDialogProps) {
  const styles = useStyles();
  const dialog = useDialogStyles();
  const { identities } = useIdentities();
  const [chosenId, setChosenId] = useState(initialIdentityId);
  // One identity signed in: nothing to choose, look with it at once.
  const identityId = chosenId ?? (identities?.length === 1 ? identities[0]?.id : undefined);
  const [found, setFound] = useState<DiscoveryResult>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<DiscoveryImportResult>();
  const [busy, setBusy] = useState<'finding' | 'importing'>();
  const [error, setError] = useState<AppErrorShape>();
  const identity = identities?.find((i) => i.id === identityId);

  // Only the answer for the identity chosen last is shown.
  const latest = useRef(0);
  const find = useCallback(async (id: string) => {
    const call = ++latest.current;
    setBusy('finding');
    setFound(undefined);
    setSelected(new Set());
    setError(undefined);
    const listed = await api.discovery.resources({ identityId: id });
    if (call !== latest.current) return;
    setBusy(undefined);
    if (listed.ok) setFound(listed.value);
    else setError(listed.error);
  }, []);

  useEffect(() => {
    if (identityId) void find(identityId);
  }, [identityId, find]);

  async function importSelected() {
    if (!identityId || selected.size === 0) return;
    setBusy('importing');
    setError(undefined);
    const imported = await api.discovery.import({ identityId, resourceIds: [...selected] });
    setBusy(undefined);
    if (!imported.ok) return setError(imported.error);
    setResult(imported.value);
    if (imported.value.imported.length > 0) onImported();
  }

  const who = identity ? (identity.username ?? identity.name) : '';

  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && busy !== 'importing' && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Discover accounts in Azure</DialogTitle>
          <DialogContent className={dialog.content}>
            {identities?.length === 0 ? (
              <Body1>
                Discovery asks Azure Resource Manager what a signed-in identity can see.{' '}
                <Link href="#/identities">Sign in on the Identities page</Link> first.
              </Body1>
            ) : result ? (
              <>
                <Body1 role="status">
                  {plural(result.imported.length, 'account', 'accounts')} imported
                  {result.skipped.length ? `, ${plural(result.skipped.length, 'resource', 'resources')} not imported` : ''}.
                </Body1>
                <DiscoverImportResult result={result} resources={found?.resources ?? []} />
              </>
            ) : (
              <>
                <Field
                  label="Look as"
                  hint={
                    'The Remote Rendering accounts and Communication Services resources this identity may read, in every ' +
                    'subscription it can see.'
                  }
                  className={styles.identity}
                >
                  <Dropdown
                    placeholder={identities ? 'Choose a signed-in identity' : 'Loading identities…'}
                    value={who}
                    selectedOptions={identityId ? [identityId] : []}
                    disabled={busy !== undefined}
                    onOptionSelect={(_, d) => d.optionValue && setChosenId(d.optionValue)}
                  >
                    {(identities ?? []).map((i) => (
                      <Option key={i.id} value={i.id} text={i.username ?? i.name}>
                        {i.username ?? i.name}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
                {busy === 'finding' && <Spinner size="small" label={`Asking Azure Resource Manager what ${who} can see…`} />}
                {found && found.problems.length > 0 && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>Some lists could not be read</MessageBarTitle>
                      <ul className={styles.problems}>
                        {found.problems.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    </MessageBarBody>
                  </MessageBar>
                )}
                {found && (
                  <>
                    <Caption1 className={styles.muted} role="status">
                      {found.resources.length === 0
                        ? `${who} sees no Remote Rendering account or Communication Services resource in ` +
                          `${plural(found.subscriptions.length, 'subscription', 'subscriptions')}.`
                        : `${plural(found.resources.length, 'resource', 'resources')} in ` +
                          `${plural(found.subscriptions.length, 'subscription', 'subscriptions')}: ` +
                          `${found.subscriptions.map((s) => s.displayName).join(', ')}.`}
                    </Caption1>
                    {found.resources.length > 0 && (
                      <DiscoverResourceTable
                        resources={found.resources}
                        subscriptions={found.subscriptions}
                        selected={selected}
                        onChange={setSelected}
                      />
                    )}
                  </>
                )}
                {busy === 'importing' && <Spinner size="small" label={`Importing ${plural(selected.size, 'resource', 'resources')}…`} />}
              </>
            )}
            <ErrorBar error={error} />
          </DialogContent>
          <DialogActions>
            {result ? (
              <DoneButton onClick={onClose}>Done</DoneButton>
            ) : (
              <>
                {identityId && found && (
                  <Button onClick={() => void find(identityId)} disabledFocusable={busy !== undefined}>
                    Look again
                  </Button>
                )}
                <Button appearance="secondary" onClick={onClose} disabled={busy === 'importing'}>
                  Cancel
                </Button>
                <Button
                  appearance="primary"
                  disabled={selected.size === 0}
                  disabledFocusable={busy !== undefined}
                  onClick={() => void importSelected()}
                >
                  {selected.size > 0 ? `Import ${plural(selected.size, 'resource', 'resources')}` : 'Import'}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </ModalDialog>
  );
}
