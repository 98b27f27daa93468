import { Field } from '@fluentui/react-components';
import { useState } from 'react';
import type { IdentityView } from '../../../shared/identities.ts';
import { api } from '../../api.ts';
import { CloudDropdown, type CloudChoice } from '../../components/CloudDropdown.tsx';
import { problem } from '../../components/field-problem.ts';
import { useFieldIssues } from '../../components/use-field-issues.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useCall } from '../../components/use-call.ts';
import { TextField } from '../../components/TextField.tsx';
import { RadioField, type RadioChoice } from '../../components/RadioField.tsx';
import { CertificateField } from './CertificateField.tsx';
import {
  emptyServicePrincipalForm,
  servicePrincipalFields,
  servicePrincipalInput,
  type ServicePrincipalForm,
} from './service-principal-form.ts';

export interface ServicePrincipalDialogProps extends CloudChoice {
  onAdded(identity: IdentityView): void;
  onClose(): void;
}

const credentials: readonly RadioChoice<ServicePrincipalForm['credential']>[] = [
  { value: 'secret', label: 'Client secret' },
  { value: 'certificate', label: 'Certificate' },
];

/**
 * Adds an app registration's service principal. The core gets a token with the credential before it
 * keeps anything, so a wrong secret or an unregistered certificate is reported here at once.
 */
export function ServicePrincipalDialog({ clouds, defaultCloud, onAdded, onClose }: ServicePrincipalDialogProps) {
  const [form, setForm] = useState<ServicePrincipalForm>(() => emptyServicePrincipalForm(defaultCloud));
  const call = useCall();
  // One message under each field the core refused, gone once that field is changed.
  const [errors, changed] = useFieldIssues(call.error, servicePrincipalFields);
  const set = (patch: Partial<ServicePrincipalForm>) => (setForm((f) => ({ ...f, ...patch })), changed(...Object.keys(patch)));

  async function submit() {
    const result = await call.run(() => api.identities.addServicePrincipal(servicePrincipalInput(form)));
    if (result.ok) onAdded(result.value);
  }

  return (
    <FormDialog
      title="Add a service principal"
      size="medium"
      submit={{ label: call.busy ? 'Checking with Entra ID…' : 'Add service principal' }}
      onSubmit={() => void submit()}
      busy={call.busy}
      error={call.error}
      fields={servicePrincipalFields}
      onClose={onClose}
    >
      <Field label="Cloud" {...problem(errors.cloud)}>
        <CloudDropdown clouds={clouds} value={form.cloud} onChange={(cloud) => set({ cloud })} />
      </Field>
      <TextField label="Tenant" required value={form.tenant} onChange={(tenant) => set({ tenant })} error={errors.tenant}>
        The directory of the app registration: its tenant ID (GUID) or a domain such as contoso.onmicrosoft.com.
      </TextField>
      <TextField
        label="Application (client) ID"
        required
        value={form.clientId}
        placeholder="00000000-0000-0000-0000-000000000000"
        onChange={(clientId) => set({ clientId })}
        error={errors.clientId}
      >
        On the app registration's Overview page.
      </TextField>
      <TextField label="Name" value={form.name} onChange={(name) => set({ name })} error={errors.name}>
        Optional. How it is listed here; the app's own name when empty.
      </TextField>
      <RadioField
        label="Credential"
        horizontal
        choices={credentials}
        value={form.credential}
        onChange={(c) => (set({ credential: c }), call.reset())}
      />
      {form.credential === 'secret' ? (
        <TextField
          label="Secret value"
          required
          secret
          value={form.clientSecret}
          onChange={(clientSecret) => set({ clientSecret })}
          error={errors.clientSecret}
        >
          The secret's value (not its ID), from “Certificates &amp; secrets”. It is kept in the vault.
        </TextField>
      ) : (
        <CertificateField
          value={form.certificatePem}
          onChange={(certificatePem) => set({ certificatePem })}
          error={errors.certificatePem ?? errors.clientSecret}
        />
      )}
    </FormDialog>
  );
}
