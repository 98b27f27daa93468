import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import type { AccountView } from '../../../shared/accounts.ts';
import { problem } from '../../components/field-problem.ts';
import { TextField } from '../../components/TextField.tsx';
import type { FormPartProps } from './AccountMetaFields.tsx';

/** A Communication Services resource's own fields: a connection string, or the endpoint alone. */
export function AcsFields({ form, set, errors, editing }: FormPartProps & { editing: (AccountView & { kind: 'acs' }) | undefined }) {
  const keepsKey = editing?.hasAccessKey === true;
  return (
    <>
      <Field label="How the app uses this resource">
        <RadioGroup value={form.acsSource} onChange={(_, d) => set({ acsSource: d.value as typeof form.acsSource })}>
          <Radio value="connectionString" label="With its connection string (endpoint and access key)" />
          <Radio value="endpoint" label="Endpoint only, with Entra ID sign-in" />
        </RadioGroup>
      </Field>
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
