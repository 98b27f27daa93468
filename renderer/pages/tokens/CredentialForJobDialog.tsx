import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { AcsSdk, CredentialForJob } from '../../../shared/credentials-for-job.ts';
import type { AcsVia, ArrVia, TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { copyText } from '../../components/copy-text.ts';
import { CallForm } from '../../components/CallForm.tsx';
import { fieldProblem, useCall } from '../../components/use-call.ts';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import type { CopyHow } from '../../components/secret-clipboard.ts';
import { SecretValue } from '../../components/SecretValue.tsx';
import { ChoiceDropdown } from '../../components/ChoiceDropdown.tsx';
import {
  acsSdkChoices,
  arrChoices,
  arrCredential,
  copyCredential,
  isUserSdk,
  revealCredential,
  type ArrWant,
} from './credential-choices.ts';
import { acsKeys, arrKeys, PayWithField, toVia, usePayWith } from './PayWithField.tsx';
import { ToolDialog } from './ToolDialog.tsx';
import { acsIdentityLabel, useAcsIdentities } from './use-acs-identities.ts';
import { useOperation } from './use-operation.ts';
import { useTokenSources } from './use-token-sources.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { lastUsedIdentity } from './acs-quick-copy.ts';
import { AcsResultCard } from './AcsResultCard.tsx';

const fields = ['accountId', 'via', 'minutes', 'acsIdentityId'] as const;

const useStyles = makeStyles({
  result: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  settings: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  pair: { display: 'contents' },
  heading: { margin: 0 },
});

/** Pick the SDK (ACS) or the credential (ARR) and get what it takes in one step, with what it is and a snippet that uses it. */
export function CredentialForJobDialog({ copy, onMinted, onClose }: { copy: CopyHow; onMinted(token: TokenView): void; onClose(): void }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const formId = useId();
  const resultId = useId();
  const snippetRef = useRef<HTMLPreElement>(null);
  const resultRef = useRef<HTMLElement>(null);
  const sources = useTokenSources();
  const operation = useOperation();
  // ACS first: the live service; Remote Rendering is retired.
  const accounts = [...sources.acs, ...sources.arr];
  const [accountId, setAccountId] = useState<string>();
  const account = accounts.find((a) => a.id === accountId);
  const [sdk, setSdk] = useState<AcsSdk>('identity');
  const [want, setWant] = useState<ArrWant>('accessToken');
  const [pickedIdentity, setAcsIdentityId] = useState<{ accountId: string | undefined; id: string }>();
  const [minutes, setMinutes] = useState('60');
  const { identities: acsIdentities } = useAcsIdentities(account?.kind === 'acs' ? account.id : undefined);
  // The identity last used on this resource, unless the user picks another (or a new one) for it.
  const acsIdentityId =
    pickedIdentity && pickedIdentity.accountId === accountId
      ? pickedIdentity.id
      : (lastUsedIdentity(acsIdentities, accountId)?.id ?? 'new');
  const [result, setResult] = useState<CredentialForJob>();
  const [copied, setCopied] = useState(false);
  const call = useCall();
  const issues = fieldIssues(call.error, fields);

  const keys =
    account?.kind === 'arr' ? (want === 'authenticationToken' ? [] : arrKeys(account)) : account?.kind === 'acs' ? acsKeys(account) : [];
  const [pay, setPay] = usePayWith(keys);
  const identitiesAllowed = !(account?.kind === 'arr' && want === 'accountKey');

  // Another account or credential asks again what pays, from its own first choice.
  function choose(next: { accountId?: string; want?: ArrWant }) {
    if (next.accountId) setAccountId(next.accountId);
    if (next.want) setWant(next.want);
    setPay(undefined);
    setResult(undefined);
  }

  async function submit() {
    const local = (path: string, message: string) => call.fail(fieldProblem(path, message));
    if (!account) return local('accountId', 'Choose an account or resource');
    const via = toVia(pay);
    if (!via) return local('via', 'Choose the identity to authenticate with');
    const arr = arrCredential(account.id, want, via as ArrVia);
    if (typeof arr === 'string') return local('via', arr);
    setResult(undefined);
    const outcome = await call.run(() =>
      account.kind === 'acs'
        ? operation.run('Getting the credential…', (operationId) =>
            api.credentials.forAcsSdk({
              accountId: account.id,
              sdk,
              via: via as AcsVia,
              ...(isUserSdk(sdk) && acsIdentityId !== 'new' ? { acsIdentityId } : {}),
              ...(isUserSdk(sdk) ? { minutes: Number(minutes) } : {}),
              operationId,
            }),
          )
        : operation.run('Getting the credential…', (operationId) => api.credentials.forArr({ ...arr, operationId })),
    );
    if (!outcome.ok) return;
    setResult(outcome.value);
    if (outcome.value.secret.kind === 'token') onMinted(outcome.value.secret.token);
    // The answer is below the form: bring it into view.
    window.requestAnimationFrame(() => resultRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  }

  return (
    <ToolDialog
      title="Credential for an SDK"
      size="large"
      operation={operation}
      submit={
        result?.kind === 'user-token'
          ? { form: resultId, label: 'Copy token', disabled: false }
          : { form: formId, label: account?.kind === 'acs' && isUserSdk(sdk) ? 'Get token' : 'Get credential', disabled: !sources.loaded }
      }
      onClose={onClose}
    >
      {!sources.loaded ? (
        <Spinner size="small" label="Loading accounts…" />
      ) : (
        <CallForm id={formId} onSubmit={() => void submit()} error={call.error} fields={fields}>
          <Field label="Account or resource" required {...problem(issues.accountId)}>
            <ChoiceDropdown
              placeholder={accounts.length ? 'Choose one' : 'No account: add one on the Accounts page'}
              choices={accounts.map((a) => ({
                value: a.id,
                text: `${a.name} (${a.kind === 'arr' ? 'Remote Rendering, retired' : 'Communication Services'})`,
              }))}
              value={accountId}
              onChange={(id) => choose({ accountId: id })}
            />
          </Field>
          {account?.kind === 'acs' && (
            <>
              <Field label="The SDK you are about to use">
                <RadioGroup value={sdk} onChange={(_, d) => (setSdk(d.value as AcsSdk), setResult(undefined))}>
                  {acsSdkChoices.map((c) => (
                    <Radio key={c.sdk} value={c.sdk} label={`${c.label}: ${c.takes}`} />
                  ))}
                </RadioGroup>
              </Field>
              {isUserSdk(sdk) && (
                <>
                  <Field label="For which ACS identity" {...problem(issues.acsIdentityId)}>
                    <ChoiceDropdown
                      placeholder="Choose"
                      choices={[
                        { value: 'new', text: `A new identity (“${sdk === 'chat' ? 'Chat' : 'Calling'} user”)` },
                        ...acsIdentities.map((i) => ({ value: i.id, text: acsIdentityLabel(i) })),
                      ]}
                      value={acsIdentityId}
                      onChange={(id) => setAcsIdentityId({ accountId, id })}
                    />
                  </Field>
                  <Field label="Lifetime (minutes)" hint="60 to 1440 minutes." {...problem(issues.minutes)}>
                    <Input type="number" min={60} max={1440} value={minutes} onChange={(_, d) => setMinutes(d.value)} />
                  </Field>
                </>
              )}
            </>
          )}
          {account?.kind === 'arr' && (
            <Field label="What the ARR SDK should get">
              <RadioGroup value={want} onChange={(_, d) => choose({ want: d.value as ArrWant })}>
                {arrChoices.map((c) => (
                  <Radio key={c.want} value={c.want} label={`${c.label}: ${c.forWhat}`} />
                ))}
              </RadioGroup>
            </Field>
          )}
          {account && (identitiesAllowed || keys.length > 0) && (
            <PayWithField
              label={
                account.kind === 'acs' && !isUserSdk(sdk)
                  ? 'As'
                  : account.kind === 'arr' && want === 'accountKey'
                    ? 'Which key'
                    : 'Authenticate with'
              }
              keys={keys}
              identities={identitiesAllowed ? sources.identities : []}
              cloud={account.cloud}
              value={pay}
              onChange={setPay}
              error={issues.via}
              roleHint={
                account.kind === 'arr'
                  ? 'the Remote Rendering Client or Administrator role on the account'
                  : 'a role that may manage the resource'
              }
            />
          )}
        </CallForm>
      )}
      {result?.kind === 'user-token' && result.secret.kind === 'token' && (
        <section ref={resultRef} aria-label="The credential">
          <Body1>{result.explanation}</Body1>
          <AcsResultCard
            token={result.secret.token}
            endpoint={result.settings['endpoint'] ?? ''}
            copy={copy}
            formId={resultId}
            onError={call.fail}
          />
        </section>
      )}
      {result && result.kind !== 'user-token' && (
        <section ref={resultRef} className={styles.result} aria-label="The credential">
          <Subtitle2 as="h3" className={styles.heading}>
            What you get
          </Subtitle2>
          <Body1>{result.explanation}</Body1>
          <dl className={styles.settings}>
            {Object.entries(result.settings).map(([name, value]) => (
              <div key={name} className={styles.pair}>
                <dt className={styles.hint}>{name}</dt>
                <dd className={styles.mono}>{value}</dd>
              </div>
            ))}
          </dl>
          <SecretValue
            label={
              {
                'connection-string': 'Connection string',
                'account-key': 'Account key',
                'entra-token': 'Entra token',
                'user-token': 'User access token',
                'sts-token': 'Access token',
              }[result.kind]
            }
            testId="credential-value"
            reveal={() => revealCredential(result.secret)}
            copy={() => copyCredential(result.secret, copy)}
            onError={call.fail}
          />
          <Subtitle2 as="h3" className={styles.heading}>
            A snippet that uses it
          </Subtitle2>
          <pre ref={snippetRef} className={layout.code}>
            {result.snippet}
          </pre>
          <div>
            <Button size="small" onClick={() => void copyText(result.snippet, snippetRef.current).then(setCopied)}>
              Copy snippet
            </Button>{' '}
            <Caption1 role="status">{copied ? 'Snippet copied' : ''}</Caption1>
          </div>
        </section>
      )}
    </ToolDialog>
  );
}
