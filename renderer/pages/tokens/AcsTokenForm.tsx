import { Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcsIdentityView, AcsScope, AcsVia, TokenView } from '../../../shared/tokens.ts';
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
import { lastUsedIdentity } from './acs-quick-copy.ts';

const fields = ['accountId', 'acsIdentityId', 'newIdentity', 'scopes', 'minutes', 'via'] as const;

const useStyles = makeStyles({
  nested: { marginLeft: tokens.spacingHorizontalXXL },
});

export interface AcsTokenInitial {
  accountId?: string | undefined;
  acsIdentityId?: string | undefined;
}

export interface AcsTokenFormProps extends Omit<MintFormProps, 'onMinted'> {
  initial?: AcsTokenInitial | undefined;
  /** The token got, and whose it is: the dialog shows them in the result card. */
  onGot(got: { token: TokenView; acsIdentity: AcsIdentityView }): void;
}

/**
 * An ACS user token: a resource, an identity (by default the one last used on that resource, else a
 * new one with a label), scopes, a lifetime, and what to authenticate with.
 */
export function AcsTokenForm({ formId, sources, operation, onGot, initial }: AcsTokenFormProps) {
  const styles = useStyles();
  const [accountId, setAccountId] = useState(initial?.accountId ?? sources.acs[0]?.id);
  const resource = sources.acs.find((a) => a.id === accountId);
  const { identities, loaded } = useAcsIdentities(accountId);
  // The user's pick for this resource; until then the identity asked for, else the one last used here, else a new one.
  const [picked, setPicked] = useState<{ who: 'new' | 'existing'; acsIdentityId: string | undefined }>();
  const fallback =
    initial?.acsIdentityId && initial.accountId === accountId ? initial.acsIdentityId : lastUsedIdentity(identities, accountId)?.id;
  const who = picked?.who ?? (fallback ? 'existing' : 'new');
  const acsIdentityId = picked ? picked.acsIdentityId : fallback;
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
    // Pressed before the resource's identities came: the default (the one last used) is not known yet, so nothing is made.
    if (!loaded && !picked) return local('acsIdentityId', 'The identities are still loading: press again in a moment');
    const subject = who === 'new' ? { newIdentity: { label } } : acsIdentityId ? { acsIdentityId } : undefined;
    if (!subject) return local('acsIdentityId', 'Choose an identity, or create a new one');
    const via = toVia(pay);
    if (!via) return local('via', 'Choose the identity to authenticate with');
    const result = await call.run(() =>
      operation.run('Getting a user token from Communication Services…', (operationId) =>
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
    if (result.ok) onGot(result.value);
  }

  return (
    <CallForm id={formId} onSubmit={() => void submit()} error={call.error} fields={fields}>
      <AccountField
        kind="acs"
        required
        choices={sources.acs}
        value={accountId}
        error={issues.accountId}
        onChange={(id) => (setAccountId(id), setPicked(undefined))}
      />
      <Field label="For which ACS identity" {...problem(issues.acsIdentityId ?? issues.newIdentity)}>
        <RadioGroup value={who} onChange={(_, d) => setPicked({ who: d.value as 'new' | 'existing', acsIdentityId })}>
          <Radio value="existing" label="An identity created earlier" disabled={identities.length === 0} />
          <Radio value="new" label="A new identity, remembered with a label" />
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
            <Input value={label} onChange={(_, d) => (setLabel(d.value), setPicked({ who: 'new', acsIdentityId }))} />
          </Field>
        ) : (
          <ChoiceField
            label="Identity"
            required
            placeholder="Choose an identity"
            choices={identities.map((i) => ({ value: i.id, text: acsIdentityLabel(i) }))}
            value={acsIdentityId}
            onChange={(id) => setPicked({ who: 'existing', acsIdentityId: id })}
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
