import { Field, Input } from '@fluentui/react-components';
import type { AccountView } from '../../../shared/accounts.ts';
import { problem } from '../../components/field-problem.ts';
import { RadioField, type RadioChoice } from '../../components/RadioField.tsx';
import type { AccountForm } from './account-form.ts';
import type { FormPartProps } from './AccountMetaFields.tsx';
import { KeyField } from './KeyField.tsx';

const acsSources: readonly RadioChoice<AccountForm['acsSource']>[] = [
  { value: 'connectionString', label: 'With its connection string (endpoint and access key)' },
  { value: 'endpoint', label: 'Endpoint only, with Entra ID sign-in' },
];

type AcsPartProps = FormPartProps & {
  editing: (AccountView & { kind: 'acs' }) | undefined;
  /** The connection string as typed or pasted: the dialog reads the name and cloud from it. */
  onConnectionString(text: string): void;
  /** The dialog opened on this kind: the connection string takes the focus, ready for a paste. */
  focusFirst: boolean;
};

/** A Communication Services resource's own fields: a connection string, or the endpoint alone. */
export function AcsFields({ form, set, errors, editing, onConnectionString, focusFirst }: AcsPartProps) {
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
        <KeyField
          label="Connection string"
          required={!keepsKey}
          autoFocus={focusFirst}
          value={form.connectionString}
          placeholder={keepsKey ? 'Leave empty to keep the stored key' : 'endpoint=https://….communication.azure.com/;accesskey=…'}
          onChange={onConnectionString}
          error={errors.connectionString}
        >
          From the resource’s Keys page in the Azure portal: the name and cloud are read from its endpoint.
        </KeyField>
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
