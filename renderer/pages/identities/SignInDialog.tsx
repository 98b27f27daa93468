import { Button, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { IdentityView } from '../../../shared/identities.ts';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { fieldIssues } from '../../components/field-problem.ts';
import { DeviceCodePanel } from './DeviceCodePanel.tsx';
import { InteractiveWaiting } from './InteractiveWaiting.tsx';
import { SignInFields, type SignInForm } from './SignInFields.tsx';
import { useSignIn } from './use-sign-in.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import type { CloudChoice } from '../../components/CloudDropdown.tsx';

export interface SignInDialogProps extends CloudChoice {
  /** Fields to start from: an identity's cloud, tenant and user name when signing it in again. */
  initial?: Partial<SignInForm> | undefined;
  onSignedIn(identity: IdentityView): void;
  onClose(): void;
}

/**
 * Signs a user in: first how and where, then the wait (the browser tab, or the device code) with
 * Cancel. A failure or cancellation brings the form back with the core's message over it, so the
 * user can change a field and try again. Closing the dialog cancels a sign-in under way.
 */
export function SignInDialog({ clouds, defaultCloud, initial, onSignedIn, onClose }: SignInDialogProps) {
  const dialog = useDialogStyles();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<SignInForm>({ method: 'interactive', cloud: defaultCloud, tenant: '', loginHint: '', ...initial });
  const { phase, start, cancel } = useSignIn(onSignedIn);
  const error = phase.step === 'ready' ? phase.error : undefined;
  const errors = fieldIssues(error, ['method', 'cloud', 'tenant', 'loginHint'] as const);

  // The button that was pressed goes away when the view changes: move focus to the new view's
  // control (or the field the core named), so the keyboard and Escape keep working in the dialog.
  useEffect(() => {
    const find = (selector: string) => formRef.current?.querySelector<HTMLElement>(selector);
    if (phase.step === 'waiting') find('[data-focus="cancel"]')?.focus();
    else if (error) (find('[aria-invalid="true"]') ?? find('[data-focus="submit"]'))?.focus();
  }, [phase.step, error]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await start({
      method: form.method,
      cloud: form.cloud,
      ...(form.tenant.trim() ? { tenant: form.tenant.trim() } : {}),
      ...(form.loginHint.trim() ? { loginHint: form.loginHint.trim() } : {}),
    });
  }

  const waiting = phase.step === 'waiting' ? phase : undefined;
  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{waiting?.started.method === 'device-code' ? 'Sign in with a device code' : 'Sign in to Entra ID'}</DialogTitle>
            <DialogContent className={dialog.content}>
              {waiting ? (
                waiting.started.method === 'device-code' ? (
                  <DeviceCodePanel started={waiting.started} />
                ) : (
                  <InteractiveWaiting started={waiting.started} />
                )
              ) : (
                <>
                  {errors.form && error && <ErrorBar error={{ ...error, message: errors.form }} />}
                  <SignInFields
                    form={form}
                    set={(patch) => setForm((f) => ({ ...f, ...patch }))}
                    errors={errors}
                    clouds={clouds}
                    disabled={phase.step === 'starting'}
                  />
                </>
              )}
            </DialogContent>
            <DialogActions>
              {waiting ? (
                <Button data-focus="cancel" appearance="secondary" disabled={waiting.cancelling} onClick={() => void cancel()}>
                  {waiting.cancelling ? 'Cancelling…' : 'Cancel sign-in'}
                </Button>
              ) : (
                <>
                  <Button appearance="secondary" onClick={onClose}>
                    Cancel
                  </Button>
                  <Button data-focus="submit" appearance="primary" type="submit" disabled={phase.step === 'starting'}>
                    {phase.step === 'starting' ? 'Starting…' : error ? 'Try again' : 'Sign in'}
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}
