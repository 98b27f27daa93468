import { Button, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { ArrowRightRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { IdentityView } from '../../../shared/identities.ts';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { fieldIssues } from '../../components/field-problem.ts';
import { DeviceCodePanel } from './DeviceCodePanel.tsx';
import { InteractiveWaiting } from './InteractiveWaiting.tsx';
import { asksForInteractive } from './sign-in-advice.ts';
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
 * Cancel, which stops the sign-in and closes the dialog, as Escape does. A failure brings the form
 * back with the core's message over it, until the user changes a field; a device-code sign-in that
 * needs the browser (MFA) offers the switch to interactive sign-in in the message itself.
 */
export function SignInDialog({ clouds, defaultCloud, initial, onSignedIn, onClose }: SignInDialogProps) {
  const dialog = useDialogStyles();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<SignInForm>({ method: 'interactive', cloud: defaultCloud, tenant: '', loginHint: '', ...initial });
  const { phase, start, clearError } = useSignIn(onSignedIn);
  const error = phase.step === 'ready' ? phase.error : undefined;
  const errors = fieldIssues(error, ['method', 'cloud', 'tenant', 'loginHint'] as const);
  const [switched, setSwitched] = useState(false);
  const change = (patch: Partial<SignInForm>) => (setForm((f) => ({ ...f, ...patch })), clearError());

  // The button that was pressed goes away when the view changes: move focus to the new view's
  // control (or the field the core named), so the keyboard and Escape keep working in the dialog.
  useEffect(() => {
    const find = (selector: string) => formRef.current?.querySelector<HTMLElement>(selector);
    if (phase.step === 'waiting') find('[data-focus="cancel"]')?.focus();
    else if (error) (find('[aria-invalid="true"]') ?? find('[data-focus="submit"]'))?.focus();
    else if (switched) find('[data-focus="submit"]')?.focus();
  }, [phase.step, error, switched]);

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
                  {errors.form && error && (
                    <ErrorBar error={{ ...error, message: errors.form }}>
                      {form.method === 'device-code' && asksForInteractive(error) && (
                        <div>
                          <Button
                            size="small"
                            icon={<ArrowRightRegular />}
                            onClick={() => (change({ method: 'interactive' }), setSwitched(true))}
                          >
                            Use interactive sign-in
                          </Button>
                        </div>
                      )}
                    </ErrorBar>
                  )}
                  <SignInFields
                    form={form}
                    set={(patch) => (change(patch), setSwitched(false))}
                    errors={errors}
                    clouds={clouds}
                    disabled={phase.step === 'starting'}
                  />
                </>
              )}
            </DialogContent>
            <DialogActions>
              {waiting ? (
                // Closing stops the sign-in (useSignIn cancels it as the dialog goes), so one press is enough.
                <Button data-focus="cancel" appearance="secondary" onClick={onClose}>
                  Cancel sign-in
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
