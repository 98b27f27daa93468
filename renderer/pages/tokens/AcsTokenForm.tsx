import { Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcsScope, AcsVia } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { CallForm } from '../../components/CallForm.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { fieldProblem, useCall } from '../../components/use-call.ts';
import { AcsScopesField } from './AcsScopesField.tsx';
import { ChoiceField } from '../../components/ChoiceDropdown.tsx';
import { AccountField } from './AccountField.tsx';
import { noMintOptions, type MintFormProps } from './mint-form.ts';
import { MintOptionsFields } from './MintOptionsFields.tsx';
import { AccountPayField, accountKeys, toVia, usePayWith } from './PayWithField.tsx';
import { acsIdentityLabel, useAcsIdentities } from './use-acs-identities.ts';

const fields = ['accountId', 'acsIdentityId', 'newIdentity', 'scopes', 'minutes', 'via'] as const;

const useStyles = makeStyles({
  nested: { marginLeft: tokens.spacingHorizontalXXL },
});

export interface AcsTokenInitial {
  accountId?: string | undefined;
  acsIdentityId?: string | undefined;
}

/** An ACS user token: a resource, an identity it remembers or a new one with a label, scopes, a lifetime, and what pays. */
export function AcsTokenForm({ formId, sources, operation, onMinted, initial }: MintFormProps & { initial?: AcsTokenInitial | undefined }) {
  const styles = useStyles();
  const [accountId, setAccountId] = useState(initial?.accountId ?? sources.acs[0]?.id);
  const resource = sources.acs.find((a) => a.id === accountId);
  const { identities } = useAcsIdentities(accountId);
  const [who, setWho] = useState<'new' | 'existing'>(initial?.acsIdentityId ? 'existing' : 'new');
  const [acsIdentityId, setAcsIdentityId] = useState(initial?.acsIdentityId);
  const [label, setLabel] = useState('');
  const [scopes, setScopes] = useState<AcsScope[]>(['chat']);
  const [minutes, setMinutes] = useState('60');
  const [pay, setPay] = usePayWith(accountKeys(resource), accountId);
  const [options, setOptions] = useState(noMintOptions);
  const call = useCall();
  const issues = fieldIssues(call.error, fields);

  async function submit() {
    const local = (path: string, message: string) => call.fail(fieldProblem(path, message));
    if (!resource) return local('accountId', 'Choose a Communication Services resource');
    const subject = who === 'new' ? { newIdentity: { label } } : acsIdentityId ? { acsIdentityId } : undefined;
    if (!subject) return local('acsIdentityId', 'Choose an identity, or create a new one');
    const via = toVia(pay);
    if (!via) return local('via', 'Choose the identity that pays');
    const result = await call.run(() =>
      operation.run('Asking Communication Services for a user token…', (operationId) =>
        api.tokens.mintAcs({
          accountId: resource.id,
          ...subject,
          scopes,
          minutes: Number(minutes),
          via: via as AcsVia,
          ...options,
          operationId,
        }),
      ),
    );
    if (result.ok) onMinted([result.value.token], `Issued an ACS user token for ${result.value.acsIdentity.label} on ${resource.name}.`);
  }

  return (
    <CallForm id={formId} onSubmit={() => void submit()} error={call.error} fields={fields}>
      <AccountField
        kind="acs"
        required
        choices={sources.acs}
        value={accountId}
        error={issues.accountId}
        onChange={(id) => (setAccountId(id), setAcsIdentityId(undefined))}
      />
      <Field label="For which ACS identity" {...problem(issues.acsIdentityId ?? issues.newIdentity)}>
        <RadioGroup value={who} onChange={(_, d) => setWho(d.value as 'new' | 'existing')}>
          <Radio value="new" label="A new identity, remembered with a label" />
          <Radio value="existing" label="An identity created earlier" disabled={identities.length === 0} />
        </RadioGroup>
      </Field>
      <div className={styles.nested}>
        {who === 'new' ? (
          <Field
            label="Label"
            required
            hint="How the app lists the identity, such as “Alice (test user)”."
            {...problem(issues.newIdentity)}
          >
            <Input value={label} onChange={(_, d) => setLabel(d.value)} />
          </Field>
        ) : (
          <ChoiceField
            label="Identity"
            required
            placeholder="Choose an identity"
            choices={identities.map((i) => ({ value: i.id, text: acsIdentityLabel(i) }))}
            value={acsIdentityId}
            onChange={setAcsIdentityId}
            error={issues.acsIdentityId}
          />
        )}
      </div>
      <AcsScopesField value={scopes} onChange={setScopes} error={issues.scopes} />
      <Field label="Lifetime (minutes)" required hint="60 to 1440 minutes (1 to 24 hours)." {...problem(issues.minutes)}>
        <Input type="number" min={60} max={1440} step={1} value={minutes} onChange={(_, d) => setMinutes(d.value)} />
      </Field>
      <AccountPayField kind="acs" account={resource} identities={sources.identities} value={pay} onChange={setPay} error={issues.via} />
      <MintOptionsFields value={options} onChange={setOptions} />
    </CallForm>
  );
}
