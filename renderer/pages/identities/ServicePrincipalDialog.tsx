import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { api } from '../../api.ts';
import { CloudDropdown } from '../../components/CloudDropdown.tsx';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { CertificateField } from './CertificateField.tsx';
import {
  emptyServicePrincipalForm,
  servicePrincipalFields,
  servicePrincipalInput,
  type ServicePrincipalForm,
} from './service-principal-form.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
});

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
  const styles = useStyles();
  const dialog = useDialogStyles();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<ServicePrincipalForm>(() => emptyServicePrincipalForm(defaultCloud));
  const [error, setError] = useState<AppErrorShape>();
  const [busy, setBusy] = useState(false);
  const errors = fieldIssues(error, servicePrincipalFields);
  const set = (patch: Partial<ServicePrincipalForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await api.identities.addServicePrincipal(servicePrincipalInput(form));
    setBusy(false);
    if (result.ok) return onAdded(result.value);
    setError(result.error);
  }

  // Move to the first field the core named (once it is drawn), so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>Add a service principal</DialogTitle>
            <DialogContent className={dialog.content}>
              {errors.form && error && <ErrorBar error={{ ...error, message: errors.form }} />}
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
                <Input
                  value={form.clientId}
                  placeholder="00000000-0000-0000-0000-000000000000"
                  onChange={(_, d) => set({ clientId: d.value })}
                />
              </Field>
              <Field label="Name" hint="Optional. How it is listed here; the app's own name when empty." {...problem(errors.name)}>
                <Input value={form.name} onChange={(_, d) => set({ name: d.value })} />
              </Field>
              <Field label="Credential">
                <RadioGroup
                  layout="horizontal"
                  value={form.credential}
                  onChange={(_, d) => (set({ credential: d.value as ServicePrincipalForm['credential'] }), setError(undefined))}
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
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>
                {busy ? 'Checking with Entra ID…' : 'Add service principal'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}
