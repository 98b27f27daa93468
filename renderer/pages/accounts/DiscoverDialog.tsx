import { Body1, Button, Caption1, Dropdown, Field, Link, makeStyles, Option, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiscoveryImportResult, DiscoveryResult } from '../../../shared/discovery.ts';
import { api } from '../../api.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { plural } from '../../components/plural.ts';
import { useCall } from '../../components/use-call.ts';
import { useIdentities } from '../identities/use-identities.ts';
import { DiscoverImportResult } from './DiscoverImportResult.tsx';
import { DiscoverResourceTable } from './DiscoverResourceTable.tsx';
import { WarningBar } from '../../components/WarningBar.tsx';

const useStyles = makeStyles({
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
  const { identities } = useIdentities();
  const [chosenId, setChosenId] = useState(initialIdentityId);
  // One identity signed in: nothing to choose, look with it at once.
  const identityId = chosenId ?? (identities?.length === 1 ? identities[0]?.id : undefined);
  const [found, setFound] = useState<DiscoveryResult>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<DiscoveryImportResult>();
  const finding = useCall();
  const importing = useCall();
  const busy = finding.busy || importing.busy;
  const identity = identities?.find((i) => i.id === identityId);

  // Only the answer for the identity chosen last is shown.
  const latest = useRef(0);
  const { run: runFind } = finding;
  const { reset: forgetImport } = importing;
  const find = useCallback(
    async (id: string) => {
      const call = ++latest.current;
      setFound(undefined);
      setSelected(new Set());
      forgetImport();
      const listed = await runFind(() => api.discovery.resources({ identityId: id }));
      if (call === latest.current && listed.ok) setFound(listed.value);
    },
    [runFind, forgetImport],
  );

  useEffect(() => {
    if (identityId) void find(identityId);
  }, [identityId, find]);

  async function importSelected() {
    if (!identityId || selected.size === 0) return;
    const imported = await importing.run(() => api.discovery.import({ identityId, resourceIds: [...selected] }));
    if (!imported.ok) return;
    setResult(imported.value);
    if (imported.value.imported.length > 0) onImported();
  }

  const who = identity ? (identity.username ?? identity.name) : '';

  return (
    <FormDialog
      title="Discover accounts in Azure"
      size="wide"
      submit={{
        label: selected.size > 0 ? `Import ${plural(selected.size, 'resource', 'resources')}` : 'Import',
        disabled: selected.size === 0,
      }}
      onSubmit={() => void importSelected()}
      actions={
        identityId &&
        found && (
          <Button onClick={() => void find(identityId)} disabledFocusable={busy}>
            Look again
          </Button>
        )
      }
      busy={busy}
      holdOpen={importing.busy}
      error={importing.error ?? finding.error}
      done={
        result && (
          <>
            <Body1 role="status">
              {plural(result.imported.length, 'account', 'accounts')} imported
              {result.skipped.length ? `, ${plural(result.skipped.length, 'resource', 'resources')} not imported` : ''}.
            </Body1>
            <DiscoverImportResult result={result} resources={found?.resources ?? []} />
          </>
        )
      }
      doneLabel="Done"
      onClose={onClose}
    >
      {identities?.length === 0 ? (
        <Body1>
          Discovery asks Azure Resource Manager what a signed-in identity can see.{' '}
          <Link href="#/identities">Sign in on the Identities page</Link> first.
        </Body1>
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
              disabled={busy}
              onOptionSelect={(_, d) => d.optionValue && setChosenId(d.optionValue)}
            >
              {(identities ?? []).map((i) => (
                <Option key={i.id} value={i.id} text={i.username ?? i.name}>
                  {i.username ?? i.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {finding.busy && <Spinner size="small" label={`Asking Azure Resource Manager what ${who} can see…`} />}
          {found && found.problems.length > 0 && (
            <WarningBar title="Some lists could not be read">
              <ul className={styles.problems}>
                {found.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </WarningBar>
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
          {importing.busy && <Spinner size="small" label={`Importing ${plural(selected.size, 'resource', 'resources')}…`} />}
        </>
      )}
    </FormDialog>
  );
}
