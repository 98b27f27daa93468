import {
  Body1,
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppPermission, AppRegistered } from '../../../shared/app-registration.ts';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { api } from '../../api.ts';
import { ChoiceField } from '../../components/ChoiceDropdown.tsx';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { InteractiveWaiting } from '../identities/InteractiveWaiting.tsx';
import { useSignIn } from '../identities/use-sign-in.ts';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface RegisterAppDialogProps {
  cloud: CloudProfileView;
  onRegistered(): void;
  onClose(): void;
}

/**
 * Settings → Clouds → Register my app: what will be created, which signed-in user creates it, then the steps as they run (the app and
 * its service principal through Microsoft Graph, then the sign-in with it in the browser), each cancellable. Where Graph refuses the
 * user (their tenant lets only some users register apps), the manual steps show here.
 */
export function RegisterAppDialog({ cloud, onRegistered, onClose }: RegisterAppDialogProps) {
  const dialog = useDialogStyles();
  const styles = useStyles();
  const formRef = useRef<HTMLFormElement>(null);
  const [users, setUsers] = useState<IdentityView[]>();
  const [userId, setUserId] = useState<string>();
  const [registering, setRegistering] = useState<{ operationId: string; cancelling: boolean }>();
  const [registered, setRegistered] = useState<AppRegistered>();
  const [error, setError] = useState<AppErrorShape>();
  const { phase, follow, cancel } = useSignIn(() => onRegistered());
  const signInError = phase.step === 'ready' ? phase.error : undefined;
  const shownError = error ?? signInError;
  const refusedByGraph = error?.code === 'azure_forbidden';

  useEffect(() => {
    void api.identities.list().then((result) => {
      if (!result.ok) return setError(result.error);
      const here = result.value.filter((i) => i.kind === 'user' && i.cloud === cloud.name);
      setUsers(here);
      setUserId(here[0]?.id);
    });
  }, [cloud.name]);

  // The view changes under the pressed button: keep the focus in the dialog, on what can be done next.
  useEffect(() => {
    const find = (selector: string) => formRef.current?.querySelector<HTMLElement>(selector);
    if (registering || phase.step === 'waiting') find('[data-focus="cancel"]')?.focus();
  }, [registering, phase.step]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!userId || registering) return;
    const operationId = crypto.randomUUID();
    setError(undefined);
    setRegistering({ operationId, cancelling: false });
    const result = await api.clouds.registerApp({ name: cloud.name, identityId: userId, operationId });
    setRegistering(undefined);
    if (!result.ok) return setError(result.error);
    setRegistered(result.value);
    await follow(result.value.signIn);
  }

  async function stop() {
    if (registering) {
      setRegistering({ ...registering, cancelling: true });
      await api.calls.cancel({ operationId: registering.operationId });
    } else await cancel();
  }

  const waiting = phase.step === 'waiting' ? phase : undefined;
  const busy = registering !== undefined || waiting !== undefined;
  const noUser = users !== undefined && users.length === 0;
  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && !busy && onClose()}>
      <DialogSurface className={dialog.medium}>
        <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{`Register my app for ${cloud.displayName}`}</DialogTitle>
            <DialogContent className={dialog.content}>
              {shownError && <ErrorBar error={shownError} />}
              {refusedByGraph && <ManualSteps mono={styles.mono} list={styles.list} />}
              {registering ? (
                <Spinner
                  size="small"
                  labelPosition="after"
                  label={
                    registering.cancelling
                      ? 'Cancelling…'
                      : 'Step 1 of 2: creating the app registration and its service principal in your tenant…'
                  }
                />
              ) : waiting?.started.method === 'interactive' ? (
                <>
                  <Body1>
                    Registered “{registered?.app.displayName}”, client ID <span className={styles.mono}>{registered?.app.appId}</span>: it
                    is now the sign-in app of {cloud.displayName}. Step 2 of 2: sign in with it and accept the permissions it asks for.
                  </Body1>
                  {registered && <PermissionsAsked permissions={registered.permissions} />}
                  <InteractiveWaiting started={waiting.started} />
                </>
              ) : registered ? (
                <Body1>
                  Your app “{registered.app.displayName}” (client ID <span className={styles.mono}>{registered.app.appId}</span>) is
                  registered and is the sign-in app of {cloud.displayName}, but the sign-in with it did not finish. Sign in on the
                  Identities page: it goes through your app.
                </Body1>
              ) : (
                !refusedByGraph && (
                  <>
                    <Body1>As the user you choose, with their Microsoft Graph token, the app will:</Body1>
                    <ol className={styles.list} aria-label="What will be created">
                      <li>
                        create an app registration in their tenant: a public client with the redirect URI{' '}
                        <span className={styles.mono}>http://localhost</span>, public client flows on, and the delegated permissions for
                        Azure Resource Manager, Communication Services and Mixed Reality (their ids read from the tenant);
                      </li>
                      <li>create its service principal (enterprise application);</li>
                      <li>make it this cloud’s sign-in app, in place of the current one;</li>
                      <li>sign the user in with it in the browser, where Entra asks for their consent.</li>
                    </ol>
                    {noUser ? (
                      <Body1>
                        No user is signed in to {cloud.displayName}. Sign one in on the Identities page first: the app is registered with
                        their token.
                      </Body1>
                    ) : (
                      <ChoiceField
                        label="Signed-in user"
                        required
                        placeholder={users ? 'Choose a user' : 'Loading…'}
                        choices={(users ?? []).map((u) => ({ value: u.id, text: `${u.name} <${u.username ?? ''}>` }))}
                        value={userId}
                        onChange={setUserId}
                      />
                    )}
                  </>
                )
              )}
            </DialogContent>
            <DialogActions>
              {busy ? (
                <Button
                  data-focus="cancel"
                  appearance="secondary"
                  disabled={registering?.cancelling === true || waiting?.cancelling === true}
                  onClick={() => void stop()}
                >
                  Cancel
                </Button>
              ) : (
                <>
                  <Button appearance="secondary" onClick={registered ? onRegistered : onClose}>
                    {refusedByGraph || registered ? 'Close' : 'Cancel'}
                  </Button>
                  {noUser && !refusedByGraph && !registered ? (
                    <Button data-focus="submit" appearance="primary" onClick={() => (onClose(), (window.location.hash = '#/identities'))}>
                      Sign in on the Identities page
                    </Button>
                  ) : (
                    !refusedByGraph &&
                    !registered && (
                      <Button appearance="primary" type="submit" disabled={!userId}>
                        {shownError ? 'Try again' : 'Register and sign in'}
                      </Button>
                    )
                  )}
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}

/** docs/sign-in.md's "Using your own app registration", for a user Graph does not let register apps. */
function ManualSteps({ mono, list }: { mono: string; list: string }) {
  return (
    <>
      <Body1>Ask an administrator (or someone with the Application Developer role) to register the app, or do it by hand:</Body1>
      <ol className={list} aria-label="Manual steps">
        <li>
          In the Entra admin center, App registrations → New registration. Under Redirect URI choose “Public client/native (mobile &amp;
          desktop)” and enter <span className={mono}>http://localhost</span>.
        </li>
        <li>Authentication → Advanced settings → Allow public client flows: Yes.</li>
        <li>
          API permissions: add Azure Service Management → user_impersonation, Microsoft Mixed Reality → mixedreality.signin, and the Azure
          Communication Services permission your tenant offers; grant admin consent if your tenant requires it.
        </li>
        <li>Here, Sign-in app: enter the new application (client) ID and your tenant’s ID or domain, then sign in again.</li>
      </ol>
    </>
  );
}

/** The API permissions the new app asks for, and any whose id the tenant did not publish (a known id, or left out for an administrator). */
function PermissionsAsked({ permissions }: { permissions: AppPermission[] }) {
  const named = (p: AppPermission) => `${p.resource} (${p.scope})`;
  const asked = permissions.filter((p) => p.id);
  const known = permissions.filter((p) => p.source === 'known');
  const missing = permissions.filter((p) => p.source === 'missing');
  return (
    <>
      <Body1>API permissions: {asked.map(named).join(', ') || 'none'}.</Body1>
      {known.length > 0 && (
        <Body1>
          Your tenant lists no service principal for {known.map(named).join(', ')}: the app asks for the id Azure uses elsewhere.
        </Body1>
      )}
      {missing.length > 0 && (
        <Body1>
          Not asked for: {missing.map(named).join(', ')}, which your tenant does not publish. An administrator can add it under the app’s
          API permissions (see docs/sign-in.md).
        </Body1>
      )}
    </>
  );
}
