import { Field, Input } from '@fluentui/react-components';
import type { AccountView } from '../../../shared/accounts.ts';
import { problem } from '../../components/field-problem.ts';
import { TextField } from '../../components/TextField.tsx';
import { RadioField, type RadioChoice } from '../../components/RadioField.tsx';
import type { AccountForm } from './account-form.ts';
import type { FormPartProps } from './AccountMetaFields.tsx';

const acsSources: readonly RadioChoice<AccountForm['acsSource']>[] = [
  { value: 'connectionString', label: 'With its connection string (endpoint and access key)' },
  { value: 'endpoint', label: 'Endpoint only, with Entra ID sign-in' },
];

/** A Communication Services resource's own fields: a connection string, or the endpoint alone. */
export function AcsFields({ form, set, errors, editing }: FormPartProps & { editing: (AccountView & { kind: 'acs' }) | undefined }) {
  const keepsKey = editing?.hasAccessKey === true;
  return (
    <>
      <RadioField
        label="How the app uses this resource"
        choices={acsSources}
        value={form.acsSource}
        onChange={(acsSource) => set({ acsSource })}
      />
      {form.acsSource === 'connectionString' ? (
        <TextField
          label="Connection string"
          required={!keepsKey}
          secret
          value={form.connectionString}
          placeholder={keepsKey ? 'Leave empty to keep the stored key' : 'endpoint=https://….communication.azure.com/;accesskey=…'}
          onChange={(connectionString) => set({ connectionString })}
          error={errors.connectionString}
        >
          From the resource’s Keys page in the Azure portal. Only the endpoint is shown afterwards; the key stays masked.
        </TextField>
      ) : (
        <Field
          label="Endpoint"
          required
          hint={
            keepsKey
              ? 'The stored access key will be removed: the resource is then used with Entra ID only.'
              : 'Such as https://<name>.communication.azure.com/'
          }
          {...problem(errors.endpoint)}
        >
          <Input
            value={form.endpoint}
            placeholder="https://<name>.communication.azure.com/"
            onChange={(_, d) => set({ endpoint: d.value })}
          />
        </Field>
      )}
    </>
  );
}
