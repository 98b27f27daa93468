import {
  Body1,
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { defaultPublicClientId, type CloudProfileView } from '../../../shared/clouds.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { api } from '../../api.ts';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

const registerAppUrl = 'https://learn.microsoft.com/entra/identity-platform/quickstart-register-app';

export interface SignInAppDialogProps {
  cloud: CloudProfileView;
  onSaved(profile: CloudProfileView): void;
  onClose(): void;
}

/** The app registration (public client) that user sign-ins in one cloud go through: the Azure CLI's by default, or your own. */
export function SignInAppDialog({ cloud, onSaved, onClose }: SignInAppDialogProps) {
  const styles = useStyles();
  const dialog = useDialogStyles();
  const [clientId, setClientId] = useState(cloud.publicClient.clientId);
  const [tenant, setTenant] = useState(cloud.publicClient.tenant);
  const [error, setError] = useState<AppErrorShape>();
  const [busy, setBusy] = useState(false);
  const errors = fieldIssues(error, ['clientId', 'tenant'] as const, 'publicClient.');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await api.clouds.setPublicClient({
      name: cloud.name,
      publicClient: { clientId: clientId.trim(), tenant: tenant.trim() },
    });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>Sign-in app for {cloud.displayName}</DialogTitle>
            <DialogContent className={dialog.content}>
              <Body1>
                User sign-ins in this cloud go through this app registration. The default, the Azure CLI’s public client (
                <span className={styles.mono}>{defaultPublicClientId}</span>), works in most tenants without registering anything. To use
                your own, register an app with a “Mobile and desktop applications” redirect URI of{' '}
                <span className={styles.mono}>http://localhost</span>, and turn on “Allow public client flows” for device-code sign-in.{' '}
                <Link href={registerAppUrl} target="_blank" rel="noopener noreferrer">
                  How to register an application
                </Link>
              </Body1>
              {errors.form && error && <ErrorBar error={{ ...error, message: errors.form }} />}
              <Field label="Application (client) ID" required {...problem(errors.clientId)}>
                <Input value={clientId} onChange={(_, d) => (setClientId(d.value), setError(undefined))} />
              </Field>
              <Field
                label="Tenant"
                required
                hint="organizations (any work or school account), or your tenant's ID or domain for a single-tenant app."
                {...problem(errors.tenant)}
              >
                <Input value={tenant} onChange={(_, d) => (setTenant(d.value), setError(undefined))} />
              </Field>
            </DialogContent>
            {cloud.builtIn && (clientId !== defaultPublicClientId || tenant !== 'organizations') && (
              <DialogActions position="start">
                <Button onClick={() => (setClientId(defaultPublicClientId), setTenant('organizations'), setError(undefined))}>
                  Use the default
                </Button>
              </DialogActions>
            )}
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>
                Save
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}
