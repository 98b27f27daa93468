import {
  Body1,
  Button,
  Checkbox,
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

/**
 * What the passphrase is for: opening the passphrase vault this data folder has, creating one
 * (after a keychain failure), or the explicit, confirmed way out of one that cannot be opened (a
 * forgotten passphrase, or a damaged header with nothing left to check a passphrase against).
 */
export type PassphrasePurpose = 'open' | 'create' | 'start-new';

const wording: Record<PassphrasePurpose, { title: string; body: string; passphrase: string; submit: string }> = {
  open: {
    title: 'Use a passphrase vault',
    body:
      'Secrets are encrypted with a key derived from this passphrase instead of one kept in your OS keychain. You type it each ' +
      'time the app starts.',
    passphrase: 'Passphrase',
    submit: 'Open vault',
  },
  create: {
    title: 'Use a passphrase vault',
    body:
      'Secrets are encrypted with a key derived from this passphrase instead of one kept in your OS keychain. You type it each ' +
      'time the app starts. ' +
      'There is no way to recover it: if you forget it, the stored keys are lost.',
    passphrase: 'Passphrase',
    submit: 'Create passphrase vault',
  },
  'start-new': {
    title: 'Start a new, empty vault',
    body:
      'The vault that cannot be opened is moved aside, never deleted: restore it later from a backup if its passphrase turns up ' +
      '(see docs/vault.md). ' +
      'The new vault starts with no keys, so add your accounts again.',
    passphrase: 'New passphrase',
    submit: 'Start a new vault',
  },
};

export interface PassphraseDialogProps {
  purpose: PassphrasePurpose;
  onClose(): void;
  /** Resolves to the reason it failed, shown under the passphrase, or undefined when the vault opened. */
  onSubmit(passphrase: string): Promise<string | undefined>;
}

type Problems = { passphrase?: string; confirm?: string; understood?: string };

/** Asks for a vault passphrase: once to open a vault, twice under the strength rules for a new one. */
export function PassphraseDialog({ purpose, onClose, onSubmit }: PassphraseDialogProps) {
  const dialog = useDialogStyles();
  const words = wording[purpose];
  const creating = purpose !== 'open';
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [errors, setErrors] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => (set(value), setErrors({}));

  function problems(): Problems | undefined {
    if (!creating) return passphrase ? undefined : { passphrase: 'Enter the passphrase' };
    const found = {
      ...newPassphraseProblems(passphrase, confirm),
      ...(purpose === 'start-new' && !understood ? { understood: 'Confirm that the new vault starts empty' } : {}),
    };
    return Object.keys(found).length > 0 ? found : undefined;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = problems();
    if (found) return setErrors(found);
    setBusy(true);
    const problem = await onSubmit(passphrase);
    setBusy(false);
    if (problem) setErrors({ passphrase: problem });
    else onClose();
  }

  const error = (name: keyof Problems) => ({
    validationMessage: errors[name] ?? null,
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });
  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>{words.title}</DialogTitle>
            <DialogContent className={dialog.content}>
              <Body1>{words.body}</Body1>
              <Field label={words.passphrase} required {...error('passphrase')} hint={creating ? 'At least 10 characters.' : null}>
                <Input
                  type="password"
                  autoComplete={creating ? 'new-password' : 'current-password'}
                  value={passphrase}
                  onChange={(_, d) => edited(setPassphrase)(d.value)}
                />
              </Field>
              {creating && (
                <Field label="Confirm passphrase" required {...error('confirm')}>
                  <Input type="password" autoComplete="new-password" value={confirm} onChange={(_, d) => edited(setConfirm)(d.value)} />
                </Field>
              )}
              {purpose === 'start-new' && (
                <Field {...error('understood')}>
                  <Checkbox
                    checked={understood}
                    onChange={(_, d) => edited(setUnderstood)(d.checked === true)}
                    label="I understand the new vault starts empty"
                  />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>
                {words.submit}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}
