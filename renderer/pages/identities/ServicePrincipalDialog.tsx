import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { api } from '../../api.ts';
import { CloudDropdown } from '../../components/CloudDropdown.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useCall } from '../../components/use-call.ts';
import { CertificateField } from './CertificateField.tsx';
import {
  emptyServicePrincipalForm,
  servicePrincipalFields,
  servicePrincipalInput,
  type ServicePrincipalForm,
} from './service-principal-form.ts';

export interface ServicePrincipalDialogProps {
  clouds: readonly CloudProfileView[];
  defaultCloud: string;
  onAdded(identity: IdentityView): void;
  onClose(): void;
}

/**
 * Adds an app registration's service principal. The core gets a token with the credential before it
 * keeps anything, so a wrong secret or an unregistered certificate is reported here at once.
 */
export function ServicePrincipalDialog({ clouds, defaultCloud, onAdded, onClose }: ServicePrincipalDialogProps) {
  const [form, setForm] = useState<ServicePrincipalForm>(() => emptyServicePrincipalForm(defaultCloud));
  const call = useCall();
  const errors = fieldIssues(call.error, servicePrincipalFields);
  const set = (patch: Partial<ServicePrincipalForm>) => setForm((f) => ({ ...f, ...patch }));

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
      <Field
        label="Tenant"
        required
        hint="The directory of the app registration: its tenant ID (GUID) or a domain such as contoso.onmicrosoft.com."
        {...problem(errors.tenant)}
      >
        <Input value={form.tenant} onChange={(_, d) => set({ tenant: d.value })} />
      </Field>
      <Field label="Application (client) ID" required hint="On the app registration's Overview page." {...problem(errors.clientId)}>
        <Input value={form.clientId} placeholder="00000000-0000-0000-0000-000000000000" onChange={(_, d) => set({ clientId: d.value })} />
      </Field>
      <Field label="Name" hint="Optional. How it is listed here; the app's own name when empty." {...problem(errors.name)}>
        <Input value={form.name} onChange={(_, d) => set({ name: d.value })} />
      </Field>
      <Field label="Credential">
        <RadioGroup
          layout="horizontal"
          value={form.credential}
          onChange={(_, d) => (set({ credential: d.value as ServicePrincipalForm['credential'] }), call.reset())}
        >
          <Radio value="secret" label="Client secret" />
          <Radio value="certificate" label="Certificate" />
        </RadioGroup>
      </Field>
      {form.credential === 'secret' ? (
        <Field
          label="Secret value"
          required
          hint="The secret's value (not its ID), from “Certificates & secrets”. It is kept in the vault."
          {...problem(errors.clientSecret)}
        >
          <Input type="password" autoComplete="off" value={form.clientSecret} onChange={(_, d) => set({ clientSecret: d.value })} />
        </Field>
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
