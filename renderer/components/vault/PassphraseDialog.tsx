import { Body1, Checkbox, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { fail, ok } from '../../../shared/result.ts';
import { fieldIssues, problem } from '../field-problem.ts';
import { FormDialog } from '../FormDialog.tsx';
import { newPassphraseProblems } from '../new-passphrase.ts';
import { fieldProblem, useCall } from '../use-call.ts';

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
      'Secrets are encrypted with a key derived from this passphrase instead of one stored in the OS keychain. You type it each ' +
      'time the app starts.',
    passphrase: 'Passphrase',
    submit: 'Open vault',
  },
  create: {
    title: 'Use a passphrase vault',
    body:
      'Secrets are encrypted with a key derived from this passphrase instead of one stored in the OS keychain. You type it each ' +
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

const fields = ['passphrase', 'confirm', 'understood'] as const;

/** Asks for a vault passphrase: once to open a vault, twice under the strength rules for a new one. */
export function PassphraseDialog({ purpose, onClose, onSubmit }: PassphraseDialogProps) {
  const words = wording[purpose];
  const creating = purpose !== 'open';
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [understood, setUnderstood] = useState(false);
  const call = useCall();
  const issues = fieldIssues(call.error, fields);
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => (set(value), call.reset());

  /** Every problem found before calling, each under its field. */
  function problems(): { path: string; message: string }[] {
    if (!creating) return passphrase ? [] : [{ path: 'passphrase', message: 'Enter the passphrase' }];
    const found = Object.entries(newPassphraseProblems(passphrase, confirm) ?? {}).map(([path, message]) => ({ path, message }));
    if (purpose === 'start-new' && !understood) found.push({ path: 'understood', message: 'Confirm that the new vault starts empty' });
    return found;
  }

  async function submit() {
    const found = problems();
    if (found[0]) return call.fail({ code: 'invalid_input', message: found[0].message, issues: found });
    const result = await call.run(async () => {
      const refused = await onSubmit(passphrase);
      return refused ? fail(fieldProblem('passphrase', refused)) : ok(undefined);
    });
    if (result.ok) onClose();
  }

  return (
    <FormDialog
      title={words.title}
      submit={{ label: words.submit }}
      onSubmit={() => void submit()}
      busy={call.busy}
      error={call.error}
      fields={fields}
      onClose={onClose}
    >
      <Body1>{words.body}</Body1>
      <Field label={words.passphrase} required {...problem(issues.passphrase)} hint={creating ? 'At least 10 characters.' : null}>
        <Input
          type="password"
          autoComplete={creating ? 'new-password' : 'current-password'}
          value={passphrase}
          onChange={(_, d) => edited(setPassphrase)(d.value)}
        />
      </Field>
      {creating && (
        <Field label="Confirm passphrase" required {...problem(issues.confirm)}>
          <Input type="password" autoComplete="new-password" value={confirm} onChange={(_, d) => edited(setConfirm)(d.value)} />
        </Field>
      )}
      {purpose === 'start-new' && (
        <Field {...problem(issues.understood)}>
          <Checkbox
            checked={understood}
            onChange={(_, d) => edited(setUnderstood)(d.checked === true)}
            label="I understand the new vault starts empty"
          />
        </Field>
      )}
    </FormDialog>
  );
}
