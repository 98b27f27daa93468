import { Body1, Button, Checkbox, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useDialogStyles } from '../dialog-styles.ts';
import { ModalDialog } from '../ModalDialog.tsx';
import { newPassphraseProblems } from '../new-passphrase.ts';

export interface StartNewVaultDialogProps {
  onClose(): void;
  /** Resolves to the reason it failed, or undefined when the new vault is open. */
  onSubmit(passphrase: string): Promise<string | undefined>;
}

/**
 * The explicit, confirmed way out of a passphrase vault that cannot be opened (a forgotten
 * passphrase, or a damaged header with nothing left to check a passphrase against): a new, empty
 * vault with a new passphrase. The old file is moved aside, never deleted.
 */
export function StartNewVaultDialog({ onClose, onSubmit }: StartNewVaultDialogProps) {
  const dialog = useDialogStyles();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string; understood?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = { ...newPassphraseProblems(passphrase, again), ...(understood ? {} : { understood: 'Confirm that the new vault starts empty' }) };
    if (Object.keys(problems).length > 0) return setErrors(problems);
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
            <DialogTitle>Start a new, empty vault</DialogTitle>
            <DialogContent className={dialog.content}>
              <Body1>
                The vault that cannot be opened is moved aside, never deleted: restore it later from a backup if its passphrase turns up (see docs/vault.md). The new vault starts with no
                keys, so add your accounts again.
              </Body1>
              <Field label="New passphrase" required validationMessage={errors.passphrase ?? null} validationState={errors.passphrase ? 'error' : 'none'} hint="At least 10 characters.">
                <Input type="password" autoComplete="new-password" value={passphrase} onChange={(_, d) => (setPassphrase(d.value), setErrors({}))} />
              </Field>
              <Field label="Confirm passphrase" required validationMessage={errors.confirm ?? null} validationState={errors.confirm ? 'error' : 'none'}>
                <Input type="password" autoComplete="new-password" value={again} onChange={(_, d) => (setAgain(d.value), setErrors({}))} />
              </Field>
              <Field validationMessage={errors.understood ?? null} validationState={errors.understood ? 'error' : 'none'}>
                <Checkbox checked={understood} onChange={(_, d) => (setUnderstood(d.checked === true), setErrors({}))} label="I understand the new vault starts empty" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>
                Start a new vault
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}
