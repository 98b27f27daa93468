import { Body1, Caption1, Field, Input, makeStyles, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { SignedAcsRequest } from '../../../shared/acs-request-signing.ts';
import { api } from '../../api.ts';
import { CopyableBlock } from '../../components/CopyableBlock.tsx';
import { CallForm } from '../../components/CallForm.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { useCall } from '../../components/use-call.ts';
import { ChoiceField } from '../../components/ChoiceDropdown.tsx';
import { dateTime } from './token-format.ts';
import { ToolDialog } from './ToolDialog.tsx';
import { useTokenSources } from './use-token-sources.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '140px minmax(0, 1fr)', gap: tokens.spacingHorizontalM },
  output: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const fields = ['accountId', 'method', 'url', 'body'] as const;
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const methodChoices = methods.map((m) => ({ value: m, text: m }));

/** Signs a request to an ACS resource with its access key (HMAC-SHA256): the headers, the string to sign, and the request as curl and
 * PowerShell. */
export function RequestSignerDialog({ onClose }: { onClose(): void }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const formId = useId();
  const sources = useTokenSources();
  const signable = sources.acs.filter((a) => a.hasAccessKey);
  const [accountId, setAccountId] = useState<string>();
  const resource = signable.find((a) => a.id === (accountId ?? signable[0]?.id));
  const [method, setMethod] = useState('POST');
  const [url, setUrl] = useState<string>();
  const [body, setBody] = useState('{}');
  const [signed, setSigned] = useState<SignedAcsRequest>();
  const call = useCall();
  const issues = fieldIssues(call.error, fields);
  const shownUrl = url ?? (resource ? `${resource.endpoint}identities?api-version=2023-10-01` : '');

  async function submit() {
    if (!resource || call.busy) return;
    const result = await call.run(() => api.acs.signRequest({ accountId: resource.id, method, url: shownUrl, body }));
    setSigned(result.ok ? result.value : undefined);
  }

  return (
    <ToolDialog
      title="Sign an ACS request"
      size="wide"
      // Busy, Sign waits but keeps the focus (disabledFocusable): a disabled button drops it to the page, and Escape with it.
      busy={call.busy}
      submit={{ form: formId, label: 'Sign', disabled: !resource }}
      onClose={onClose}
    >
      {!sources.loaded ? (
        <Spinner size="small" label="Loading resources…" />
      ) : signable.length === 0 ? (
        <Body1>Signing needs a Communication Services resource with its access key: add one on the Accounts page.</Body1>
      ) : (
        <CallForm id={formId} onSubmit={() => void submit()} error={call.error} fields={fields}>
          <Body1 className={layout.muted}>
            For calling the ACS REST API by hand: the app signs with the resource’s access key, which never leaves it. The signature holds
            for this exact method, URL and body, for 15 minutes.
          </Body1>
          <ChoiceField
            label="Communication Services resource"
            placeholder="Choose a resource"
            choices={signable.map((a) => ({ value: a.id, text: `${a.name} (${a.endpoint})` }))}
            value={resource?.id}
            onChange={(id) => (setAccountId(id), setUrl(undefined))}
            error={issues.accountId}
          />
          <div className={styles.row}>
            <ChoiceField
              label="Method"
              placeholder="Method"
              choices={methodChoices}
              value={method}
              onChange={setMethod}
              error={issues.method}
            />
            <Field label="URL" required {...problem(issues.url)}>
              <Input value={shownUrl} onChange={(_, d) => setUrl(d.value)} />
            </Field>
          </div>
          <Field label="Body" hint="Sent exactly as written; leave it empty for none." {...problem(issues.body)}>
            <Textarea value={body} resize="vertical" onChange={(_, d) => setBody(d.value)} />
          </Field>
        </CallForm>
      )}
      {signed && (
        <section className={styles.output} aria-label="Signed request">
          <Caption1>Valid until {dateTime(signed.validUntil)}.</Caption1>
          <CopyableBlock
            title="Headers"
            text={Object.entries(signed.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join('\n')}
            testId="signed-headers"
          />
          <CopyableBlock title="String to sign" text={signed.stringToSign} testId="string-to-sign" />
          <CopyableBlock title="curl" text={signed.curl} testId="signed-curl" />
          <CopyableBlock title="PowerShell" text={signed.powershell} testId="signed-powershell" />
        </section>
      )}
    </ToolDialog>
  );
}
