import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { VaultState } from '../../use-vault.ts';
import { ErrorBar } from '../ErrorBar.tsx';
import { useCall } from '../use-call.ts';
import { PassphraseDialog } from './PassphraseDialog.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  unlock: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

/**
 * What the user can do when secrets cannot be used: for a keychain that failed, retry it or pick a
 * weaker mode explicitly; for a locked passphrase vault, unlock it. The Accounts banner and the
 * Settings storage section show the same actions.
 */
export function VaultActions({ vault }: { vault: VaultState }) {
  const styles = useStyles();
  const call = useCall();
  const [note, setNote] = useState('');
  const [choosingPassphrase, setChoosingPassphrase] = useState(false);
  const [unlockPassphrase, setUnlockPassphrase] = useState('');
  const [unlockProblem, setUnlockProblem] = useState('');
  const [startingNew, setStartingNew] = useState(false);
  const status = vault.status;
  if (!status || status.state === 'open') return null;

  async function run(mode: 'keychain' | 'memory') {
    setNote('');
    const result = await call.run(() => vault.open({ mode }));
    if (result.ok && result.value.state !== 'open')
      setNote(mode === 'keychain' ? 'The keychain still cannot be used: see the message above.' : 'The vault is still not open.');
  }

  async function unlock(event: FormEvent) {
    event.preventDefault();
    if (!unlockPassphrase) return setUnlockProblem('Enter the passphrase');
    const result = await call.run(() => vault.open({ mode: 'passphrase', passphrase: unlockPassphrase }));
    // A refusal is said under the passphrase, not in the bar the other actions use.
    if (!result.ok) return (call.reset(), setUnlockProblem(result.error.issues?.[0]?.message ?? result.error.message));
    else if (result.value.state !== 'open') setUnlockProblem('The vault is still locked: check the passphrase.');
    else setUnlockPassphrase('');
  }

  if (status.state === 'locked') {
    return (
      <form className={styles.unlock} onSubmit={(e) => void unlock(e)} aria-label="Unlock the vault">
        <Field label="Vault passphrase" validationMessage={unlockProblem || null} validationState={unlockProblem ? 'error' : 'none'}>
          <Input
            type="password"
            autoComplete="current-password"
            value={unlockPassphrase}
            onChange={(_, d) => (setUnlockPassphrase(d.value), setUnlockProblem(''))}
          />
        </Field>
        <Button appearance="primary" type="submit" disabledFocusable={call.busy}>
          Unlock
        </Button>
        {unlockProblem && (
          <Button appearance="subtle" onClick={() => setStartingNew(true)}>
            Start a new, empty vault…
          </Button>
        )}
        {startingNew && (
          <PassphraseDialog
            purpose="start-new"
            onClose={() => setStartingNew(false)}
            onSubmit={async (passphrase) => {
              const result = await vault.startNew(passphrase);
              if (!result.ok) return result.error.issues?.[0]?.message ?? result.error.message;
              setUnlockProblem('');
              return undefined;
            }}
          />
        )}
      </form>
    );
  }

  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button appearance="primary" disabledFocusable={call.busy} onClick={() => void run('keychain')}>
          Try the keychain again
        </Button>
        <Button disabledFocusable={call.busy} onClick={() => setChoosingPassphrase(true)}>
          Use a passphrase vault…
        </Button>
        <Button disabledFocusable={call.busy} onClick={() => void run('memory')}>
          Use memory only for this session
        </Button>
      </div>
      <Caption1 className={styles.hint}>
        Memory only saves nothing: keys you add are forgotten when the app closes, and the azcred CLI cannot read them.
      </Caption1>
      {note && (
        <Caption1 role="status" className={styles.hint}>
          {note}
        </Caption1>
      )}
      <ErrorBar error={call.error} onDismiss={call.reset} />
      {choosingPassphrase && (
        <PassphraseDialog
          purpose={status.recordedMode === 'passphrase' ? 'open' : 'create'}
          onClose={() => setChoosingPassphrase(false)}
          onSubmit={async (passphrase) => {
            const result = await vault.open({ mode: 'passphrase', passphrase });
            if (!result.ok) return result.error.issues?.[0]?.message ?? result.error.message;
            return result.value.state === 'open' ? undefined : 'The vault did not open with this passphrase.';
          }}
        />
      )}
    </div>
  );
}
