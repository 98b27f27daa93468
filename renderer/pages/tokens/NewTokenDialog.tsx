import { Badge, makeStyles, Spinner, Tab, TabList, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { AcsIdentityView, TokenView } from '../../../shared/tokens.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import type { CopyHow } from '../../components/secret-clipboard.ts';
import { AcsResultCard } from './AcsResultCard.tsx';
import { AcsTokenForm, type AcsTokenInitial } from './AcsTokenForm.tsx';
import { ArrTokenForm } from './ArrTokenForm.tsx';
import { EntraTokenForm } from './EntraTokenForm.tsx';
import { TeamsTokenForm } from './TeamsTokenForm.tsx';
import { ToolDialog } from './ToolDialog.tsx';
import { useOperation } from './use-operation.ts';
import { useTokenSources } from './use-token-sources.ts';

export type NewTokenKind = 'arr' | 'acs' | 'entra' | 'teams';

// ACS first (the live service, and the token people get most); ARR last, marked retired.
const tabs: { kind: NewTokenKind; label: string }[] = [
  { kind: 'acs', label: 'ACS user token' },
  { kind: 'entra', label: 'Entra token' },
  { kind: 'teams', label: 'Teams user' },
  { kind: 'arr', label: 'ARR access token' },
];

const useStyles = makeStyles({
  // The tabs stay in view while the form under them scrolls.
  tabs: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface NewTokenDialogProps {
  initial?: { kind: NewTokenKind; acs?: AcsTokenInitial; arrAccountId?: string } | undefined;
  copy: CopyHow;
  onMinted(tokens: TokenView[], message: string): void;
  onClose(): void;
}

/**
 * Gets a token of any kind; a long call shows its progress and can be cancelled. An ACS user token
 * ends in a result card whose Copy token is the dialog's primary button; the other kinds close it.
 */
export function NewTokenDialog({ initial, copy, onMinted, onClose }: NewTokenDialogProps) {
  const styles = useStyles();
  const formId = useId();
  const resultId = useId();
  const sources = useTokenSources();
  const operation = useOperation();
  const [kind, setKind] = useState<NewTokenKind>(initial?.kind ?? 'acs');
  const [got, setGot] = useState<{ token: TokenView; acsIdentity: AcsIdentityView }>();
  const [copyError, setCopyError] = useState<AppErrorShape>();
  const props = {
    formId,
    sources,
    operation,
    onMinted: (tokens: TokenView[], message: string) => (onMinted(tokens, message), onClose()),
  };
  const busy = operation.running !== undefined;
  const endpoint = sources.acs.find((a) => a.id === got?.acsIdentity.accountId)?.endpoint ?? '';

  return (
    <ToolDialog
      title="New token"
      size="medium"
      operation={operation}
      submit={
        got
          ? { form: resultId, label: 'Copy token', disabled: false }
          : { form: formId, label: kind === 'teams' ? 'Exchange' : 'Get token', disabled: !sources.loaded }
      }
      onClose={onClose}
    >
      {got ? (
        <>
          <AcsResultCard token={got.token} endpoint={endpoint} copy={copy} formId={resultId} onError={setCopyError} />
          <ErrorBar error={copyError} onDismiss={() => setCopyError(undefined)} />
        </>
      ) : (
        <>
          <TabList
            className={styles.tabs}
            selectedValue={kind}
            onTabSelect={(_, d) => !busy && setKind(d.value as NewTokenKind)}
            aria-label="Kind of token"
          >
            {tabs.map((t) => (
              <Tab key={t.kind} value={t.kind} disabled={busy && t.kind !== kind}>
                {t.label}
                {t.kind === 'arr' && (
                  <>
                    {' '}
                    <Badge appearance="outline" color="informative" size="small">
                      Retired
                    </Badge>
                  </>
                )}
              </Tab>
            ))}
          </TabList>
          <ErrorBar error={sources.error} />
          {!sources.loaded ? (
            <Spinner size="small" label="Loading accounts and identities…" />
          ) : kind === 'arr' ? (
            <ArrTokenForm {...props} initialAccountId={initial?.arrAccountId} />
          ) : kind === 'acs' ? (
            <AcsTokenForm
              {...props}
              initial={initial?.acs}
              onGot={(result) => {
                const where = sources.acs.find((a) => a.id === result.acsIdentity.accountId)?.name ?? 'the resource';
                onMinted([result.token], `Got an ACS user token for ${result.acsIdentity.label} on ${where}.`);
                setGot(result);
              }}
            />
          ) : kind === 'entra' ? (
            <EntraTokenForm {...props} />
          ) : (
            <TeamsTokenForm {...props} />
          )}
        </>
      )}
    </ToolDialog>
  );
}
