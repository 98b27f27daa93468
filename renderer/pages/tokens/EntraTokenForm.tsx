import { Caption1, Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../api.ts';
import { CallForm } from '../../components/CallForm.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { fieldProblem, useCall } from '../../components/use-call.ts';
import { useClouds } from '../../use-clouds.ts';
import { ChoiceField } from '../../components/ChoiceDropdown.tsx';
import { AccountField } from './AccountField.tsx';
import { presetScope, scopePresetLabels, type ScopePreset } from './entra-scope.ts';
import { noMintOptions, type MintFormProps } from './mint-form.ts';
import { MintOptionsFields } from './MintOptionsFields.tsx';
import { identityLabel } from './use-token-sources.ts';

const fields = ['identityId', 'scope'] as const;

const useStyles = makeStyles({
  nested: { marginLeft: tokens.spacingHorizontalXXL },
  scope: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, wordBreak: 'break-all' },
});

/** An Entra access token for any scope, from any identity signed in here. */
export function EntraTokenForm({ formId, sources, operation, onMinted }: MintFormProps) {
  const styles = useStyles();
  const { clouds } = useClouds();
  const [identityId, setIdentityId] = useState(sources.identities[0]?.id);
  const identity = sources.identities.find((i) => i.id === identityId);
  const profile = clouds.find((c) => c.name === identity?.cloud);
  const [preset, setPreset] = useState<ScopePreset>('arm');
  const [stsAccountId, setStsAccountId] = useState<string>();
  const [custom, setCustom] = useState('');
  const [options, setOptions] = useState(noMintOptions);
  const call = useCall();
  const issues = fieldIssues(call.error, fields);
  const stsAccounts = sources.arr.filter((a) => !identity || a.cloud === identity.cloud);
  const scope = presetScope(preset, profile, sources.arr.find((a) => a.id === stsAccountId)?.accountDomain, custom);

  async function submit() {
    const local = (path: string, message: string) => call.fail(fieldProblem(path, message));
    if (!identity) return local('identityId', 'Choose an identity: sign in on the Identities page first');
    if (!scope)
      return local(
        'scope',
        preset === 'sts'
          ? 'Choose the ARR account the token is for'
          : preset !== 'custom' && !profile
            ? `The cloud profile of ${identity.cloud} is still loading: press Get token again in a moment`
            : 'Enter a scope, such as https://management.azure.com/.default',
      );
    const result = await call.run(() =>
      operation.run('Asking Entra ID for a token…', (operationId) =>
        api.tokens.mintEntra({ identityId: identity.id, scope, ...options, operationId }),
      ),
    );
    if (result.ok) onMinted([result.value], `Got an Entra token for ${scope}.`);
  }

  return (
    <CallForm id={formId} onSubmit={() => void submit()} error={call.error} fields={fields}>
      <ChoiceField
        label="Identity"
        required
        placeholder={sources.identities.length ? 'Choose an identity' : 'No identity: sign in on the Identities page'}
        choices={sources.identities.map((i) => ({ value: i.id, text: identityLabel(i) }))}
        value={identityId}
        onChange={setIdentityId}
        error={issues.identityId}
      />
      <Field label="Scope" required {...problem(issues.scope)}>
        <RadioGroup value={preset} onChange={(_, d) => setPreset(d.value as ScopePreset)}>
          {(Object.keys(scopePresetLabels) as ScopePreset[]).map((p) => (
            <Radio key={p} value={p} label={scopePresetLabels[p]} />
          ))}
        </RadioGroup>
      </Field>
      {preset === 'sts' && (
        <div className={styles.nested}>
          <AccountField kind="arr" required choices={stsAccounts} value={stsAccountId} onChange={setStsAccountId} />
        </div>
      )}
      {preset === 'custom' && (
        <div className={styles.nested}>
          <Field
            label="Custom scope"
            required
            hint="One scope, such as api://my-api/.default or https://storage.azure.com/user_impersonation."
          >
            <Input value={custom} onChange={(_, d) => setCustom(d.value)} />
          </Field>
        </div>
      )}
      {scope && <Caption1 className={styles.scope}>Scope asked for: {scope}</Caption1>}
      <MintOptionsFields value={options} onChange={setOptions} />
    </CallForm>
  );
}
