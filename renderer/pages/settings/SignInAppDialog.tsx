import { Body1, Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { defaultPublicClientId, type CloudProfileView } from '../../../shared/clouds.ts';
import { api } from '../../api.ts';
import { fieldIssues } from '../../components/field-problem.ts';
import { TextField } from '../../components/TextField.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useCall } from '../../components/use-call.ts';

const fields = ['clientId', 'tenant'] as const;

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
  const [clientId, setClientId] = useState(cloud.publicClient.clientId);
  const [tenant, setTenant] = useState(cloud.publicClient.tenant);
  const call = useCall();
  const errors = fieldIssues(call.error, fields, 'publicClient.');

  async function submit() {
    const publicClient = { clientId: clientId.trim(), tenant: tenant.trim() };
    const result = await call.run(() => api.clouds.setPublicClient({ name: cloud.name, publicClient }));
    if (result.ok) onSaved(result.value);
  }

  return (
    <FormDialog
      title={`Sign-in app for ${cloud.displayName}`}
      submit={{ label: 'Save' }}
      onSubmit={() => void submit()}
      busy={call.busy}
      error={call.error}
      formMessage={(error) => fieldIssues(error, fields, 'publicClient.').form}
      startActions={
        cloud.builtIn &&
        (clientId !== defaultPublicClientId || tenant !== 'organizations') && (
          <Button onClick={() => (setClientId(defaultPublicClientId), setTenant('organizations'), call.reset())}>Use the default</Button>
        )
      }
      onClose={onClose}
    >
      <Body1>
        User sign-ins in this cloud go through this app registration. The default, the Azure CLI’s public client (
        <span className={styles.mono}>{defaultPublicClientId}</span>), works in most tenants without registering anything. To use your own,
        register an app with a “Mobile and desktop applications” redirect URI of <span className={styles.mono}>http://localhost</span>, and
        turn on “Allow public client flows” for device-code sign-in.{' '}
        <Link href={registerAppUrl} target="_blank" rel="noopener noreferrer">
          How to register an application
        </Link>
      </Body1>
      <TextField
        label="Application (client) ID"
        required
        value={clientId}
        onChange={(v) => (setClientId(v), call.reset())}
        error={errors.clientId}
      />
      <TextField label="Tenant" required value={tenant} onChange={(v) => (setTenant(v), call.reset())} error={errors.tenant}>
        organizations (any work or school account), or your tenant's ID or domain for a single-tenant app.
      </TextField>
    </FormDialog>
  );
}
