import { Body1, Caption1, Field, Input, makeStyles, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { SignedAcsRequest } from '../../../shared/acs-request-signing.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { api } from '../../api.ts';
import { CopyableBlock } from '../../components/CopyableBlock.tsx';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { ChoiceDropdown } from './ChoiceDropdown.tsx';
import { dateTime } from './token-format.ts';
import { ToolDialog } from './ToolDialog.tsx';
import { useTokenSources } from './use-token-sources.ts';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '140px minmax(0, 1fr)', gap: tokens.spacingHorizontalM },
  output: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Signs a request to an ACS resource with its access key (HMAC-SHA256): the headers, the string to sign, and the request as curl and
 * PowerShell. */
export function RequestSignerDialog({ onClose }: { onClose(): void }) {
  const styles = useStyles();
  const dialog = useDialogStyles();
  const formId = useId();
  const sources = useTokenSources();
  const signable = sources.acs.filter((a) => a.hasAccessKey);
  const [accountId, setAccountId] = useState<string>();
  const resource = signable.find((a) => a.id === (accountId ?? signable[0]?.id));
  const [method, setMethod] = useState('POST');
  const [url, setUrl] = useState<string>();
  const [body, setBody] = useState('{}');
  const [signed, setSigned] = useState<SignedAcsRequest>();
  const [error, setError] = useState<AppErrorShape>();
  const [busy, setBusy] = useState(false);
  const issues = fieldIssues(error, ['accountId', 'method', 'url', 'body']);
  const shownUrl = url ?? (resource ? `${resource.endpoint}identities?api-version=2023-10-01` : '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!resource) return;
    setError(undefined);
    setBusy(true);
    const result = await api.acs.signRequest({ accountId: resource.id, method, url: shownUrl, body });
    setBusy(false);
    if (result.ok) setSigned(result.value);
    else {
      setSigned(undefined);
      setError(result.error);
    }
  }

  return (
    <ToolDialog
      title="Sign an ACS request"
      size="wide"
      submit={{ form: formId, label: 'Sign', disabled: busy || !resource }}
      onClose={onClose}
    >
      {!sources.loaded ? (
        <Spinner size="small" label="Loading resources…" />
      ) : signable.length === 0 ? (
        <Body1>Signing needs a Communication Services resource with its access key: add one on the Accounts page.</Body1>
      ) : (
        <form id={formId} className={dialog.content} onSubmit={(e) => void submit(e)} noValidate>
          <Body1 className={styles.hint}>
            For calling the ACS REST API by hand: the app signs with the resource’s access key, which never leaves it. The signature holds
            for this exact method, URL and body, for 15 minutes.
          </Body1>
          <Field label="Communication Services resource" {...problem(issues.accountId)}>
            <ChoiceDropdown
              placeholder="Choose a resource"
              choices={signable.map((a) => ({ value: a.id, text: `${a.name} (${a.endpoint})` }))}
              value={resource?.id}
              onChange={(id) => {
                setAccountId(id);
                setUrl(undefined);
              }}
            />
          </Field>
          <div className={styles.row}>
            <Field label="Method" {...problem(issues.method)}>
              <ChoiceDropdown
                placeholder="Method"
                choices={methods.map((m) => ({ value: m, text: m }))}
                value={method}
                onChange={setMethod}
              />
            </Field>
            <Field label="URL" required {...problem(issues.url)}>
              <Input value={shownUrl} onChange={(_, d) => setUrl(d.value)} />
            </Field>
          </div>
          <Field label="Body" hint="Sent exactly as written; leave it empty for none." {...problem(issues.body)}>
            <Textarea value={body} resize="vertical" onChange={(_, d) => setBody(d.value)} />
          </Field>
          <ErrorBar error={issues.form !== undefined ? error : undefined} />
        </form>
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
