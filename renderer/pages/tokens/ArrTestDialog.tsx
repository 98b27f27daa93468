import { Body1, Caption1, MessageBar, MessageBarBody, Spinner, TableCell, TableRow } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { mixedRealityRegionOf } from '../../../shared/clouds.ts';
import { mixedRealityRegions } from '../../../shared/mixed-reality-domain.ts';
import type { ArrTestResult, ArrVia, TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { CallForm } from '../../components/CallForm.tsx';
import { fieldIssues } from '../../components/field-problem.ts';
import { fieldProblem, useCall } from '../../components/use-call.ts';
import { ChoiceField } from '../../components/ChoiceDropdown.tsx';
import { AccountField } from './AccountField.tsx';
import { AccountPayField, accountKeys, toVia, usePayWith } from './PayWithField.tsx';
import { ToolDialog } from './ToolDialog.tsx';
import { useOperation } from './use-operation.ts';
import { useTokenSources } from './use-token-sources.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { DataTable } from '../../components/DataTable.tsx';

const fields = ['accountId', 'via', 'region'] as const;

/** Proves an ARR credential end to end: an STS token from it lists the account's sessions. */
export function ArrTestDialog({ onMinted, onClose }: { onMinted(token: TokenView): void; onClose(): void }) {
  const layout = useLayoutStyles();
  const dialog = useDialogStyles();
  const formId = useId();
  const sources = useTokenSources();
  const operation = useOperation();
  const [accountId, setAccountId] = useState<string>();
  const account = sources.arr.find((a) => a.id === (accountId ?? sources.arr[0]?.id));
  const [pay, setPay] = usePayWith(accountKeys(account), account?.id);
  const [region, setRegion] = useState<string>();
  const [result, setResult] = useState<ArrTestResult>();
  const call = useCall();
  const issues = fieldIssues(call.error, fields);
  const needsRegion = account !== undefined && mixedRealityRegionOf(account.accountDomain) === undefined;

  async function submit() {
    if (!account) return;
    // A result stays only beside the inputs it answered: never next to a new error.
    setResult(undefined);
    const via = toVia(pay) as ArrVia | undefined;
    if (!via) return call.fail(fieldProblem('via', 'Choose the identity to authenticate with', 'Choose an identity'));
    const outcome = await call.run(() =>
      operation.run('Listing the sessions…', (operationId) =>
        api.arr.testAccount({
          accountId: account.id,
          via,
          ...(needsRegion && region ? { region: region as (typeof mixedRealityRegions)[number] } : {}),
          operationId,
        }),
      ),
    );
    if (!outcome.ok) return;
    setResult(outcome.value);
    onMinted(outcome.value.token);
  }

  return (
    <ToolDialog
      title="Test an ARR account"
      size="large"
      operation={operation}
      submit={{ form: formId, label: 'Test', disabled: !account }}
      onClose={onClose}
    >
      {!sources.loaded ? (
        <Spinner size="small" label="Loading accounts…" />
      ) : sources.arr.length === 0 ? (
        <Body1>No Remote Rendering account yet: add one on the Accounts page.</Body1>
      ) : (
        <CallForm id={formId} onSubmit={() => void submit()} error={call.error} fields={fields}>
          <Body1>Mints an access token (or reuses one with a few minutes left) and lists the account’s rendering sessions with it.</Body1>
          <AccountField
            kind="arr"
            choices={sources.arr}
            value={account?.id}
            error={issues.accountId}
            onChange={(id) => {
              setAccountId(id);
              setResult(undefined);
            }}
          />
          <AccountPayField
            kind="arr"
            account={account}
            identities={sources.identities}
            value={pay}
            onChange={(p) => (setPay(p), setResult(undefined))}
            error={issues.via}
          />
          {needsRegion && (
            <ChoiceField
              label="Region to render in"
              required
              placeholder="Choose a region"
              choices={mixedRealityRegions.map((r) => ({ value: r, text: r }))}
              value={region}
              onChange={(r) => (setRegion(r), setResult(undefined))}
              error={issues.region}
            >
              The account is on the global domain, which names no region.
            </ChoiceField>
          )}
        </CallForm>
      )}
      {result && (
        <section aria-label="Test result" className={dialog.content}>
          <MessageBar intent="success">
            <MessageBarBody role="status">{result.summary}</MessageBarBody>
          </MessageBar>
          <Caption1>
            Asked <span className={layout.mono}>{result.endpoint}</span> with “{result.token.title}”, which is now on the Tokens page.
          </Caption1>
          {result.sessions.length > 0 && (
            <DataTable label="Sessions" columns={[{ label: 'Session' }, { label: 'Status' }, { label: 'Size' }, { label: 'Running' }]}>
              {result.sessions.map((s) => (
                <TableRow key={s.id}>
                  <TableCell className={layout.mono}>{s.id}</TableCell>
                  <TableCell>{s.status}</TableCell>
                  <TableCell>{s.size ?? ''}</TableCell>
                  <TableCell>
                    {s.elapsedTimeMinutes === null ? '' : `${s.elapsedTimeMinutes} of ${s.maxLeaseTimeMinutes ?? '?'} min`}
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          )}
        </section>
      )}
    </ToolDialog>
  );
}
