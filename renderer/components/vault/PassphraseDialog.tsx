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
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useDialogStyles } from '../dialog-styles.ts';
import { ModalDialog } from '../ModalDialog.tsx';
import { newPassphraseProblems } from '../new-passphrase.ts';

export interface PassphraseDialogProps {
  /** A new vault asks for the passphrase twice and checks its length; an existing one only opens. */
  creating: boolean;
  onClose(): void;
  /** Resolves to the reason it failed, shown under the passphrase, or undefined when the vault opened. */
  onSubmit(passphrase: string): Promise<string | undefined>;
}

/** Chooses a passphrase vault: its key is derived from a passphrase instead of kept in the keychain. */
export function PassphraseDialog({ creating, onClose, onSubmit }: PassphraseDialogProps) {
  const dialog = useDialogStyles();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string }>({});
  const [busy, setBusy] = useState(false);


  async function submit(event: FormEvent) {
    event.preventDefault();
    if (creating) {
      const problems = newPassphraseProblems(passphrase, confirm);
      if (problems) return setErrors(problems);
    } else if (!passphrase) {
      return setErrors({ passphrase: 'Enter the passphrase' });
    }
    setBusy(true);
    const problem = await onSubmit(passphrase);
    setBusy(false);
    if (problem) setErrors({ passphrase: problem });
    else onClose();
  }

  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>Use a passphrase vault</DialogTitle>
            <DialogContent className={dialog.content}>
              <Body1>
                Secrets are encrypted with a key derived from this passphrase instead of one kept in your OS keychain. You type it each time the app starts.
                {creating && ' There is no way to recover it: if you forget it, the stored keys are lost.'}
              </Body1>
              <Field label="Passphrase" required validationMessage={errors.passphrase ?? null} validationState={errors.passphrase ? 'error' : 'none'} hint={creating ? 'At least 10 characters.' : null}>
                <Input type="password" autoComplete={creating ? 'new-password' : 'current-password'} value={passphrase} onChange={(_, d) => setPassphrase(d.value)} />
              </Field>
              {creating && (
                <Field label="Confirm passphrase" required validationMessage={errors.confirm ?? null} validationState={errors.confirm ? 'error' : 'none'}>
                  <Input type="password" autoComplete="new-password" value={confirm} onChange={(_, d) => setConfirm(d.value)} />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>
                {creating ? 'Create passphrase vault' : 'Open vault'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}
