import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
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
 * weaker mode explicitly; for a locked passphrase vault, unlock it. The Accounts banner, the Add
 * account form and the Settings storage section show the same actions. `quiet` where the page or
 * dialog has its own primary button (Add account): none of these is then primary.
 */
export function VaultActions({ vault, quiet = false, onOpened }: { vault: VaultState; quiet?: boolean; onOpened?: () => void }) {
  const styles = useStyles();
  const call = useCall();
  const [note, setNote] = useState('');
  const [choosingPassphrase, setChoosingPassphrase] = useState(false);
  const [unlockPassphrase, setUnlockPassphrase] = useState('');
  const [unlockProblem, setUnlockProblem] = useState('');
  const [startingNew, setStartingNew] = useState(false);
  const status = vault.status;
  if (!status || status.state === 'open') return null;

  const primary = quiet ? 'secondary' : 'primary';

  async function run(mode: 'keychain' | 'memory') {
    setNote('');
    const result = await call.run(() => vault.open({ mode }));
    if (result.ok && result.value.state === 'open') onOpened?.();
    else if (result.ok)
      setNote(mode === 'keychain' ? 'The keychain still cannot be used: see the message above.' : 'The vault is still not open.');
  }

  async function unlock() {
    if (!unlockPassphrase) return setUnlockProblem('Enter the passphrase');
    const result = await call.run(() => vault.open({ mode: 'passphrase', passphrase: unlockPassphrase }));
    // A refusal is said under the passphrase, not in the bar the other actions use.
    if (!result.ok) return (call.reset(), setUnlockProblem(result.error.issues?.[0]?.message ?? result.error.message));
    if (result.value.state !== 'open') return setUnlockProblem('The vault is still locked: check the passphrase.');
    setUnlockPassphrase('');
    onOpened?.();
  }

  // Enter unlocks, as a form would; a group, not a form, so it can sit inside the Add account form.
  function unlockOnEnter(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
    void unlock();
  }

  if (status.state === 'locked') {
    return (
      <div role="group" className={styles.unlock} onKeyDown={unlockOnEnter} aria-label="Unlock the vault">
        <Field label="Vault passphrase" validationMessage={unlockProblem || null} validationState={unlockProblem ? 'error' : 'none'}>
          <Input
            type="password"
            autoComplete="current-password"
            value={unlockPassphrase}
            onChange={(_, d) => (setUnlockPassphrase(d.value), setUnlockProblem(''))}
          />
        </Field>
        <Button appearance={primary} disabledFocusable={call.busy} onClick={() => void unlock()}>
          Unlock
        </Button>
        {unlockProblem && (
          <Button appearance="subtle" onClick={() => setStartingNew(true)}>
            Start a new, empty vault…
          </Button>
        )}
        {startingNew && (
          <Nested>
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
          </Nested>
        )}
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button appearance={primary} disabledFocusable={call.busy} onClick={() => void run('keychain')}>
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
        <Nested>
          <PassphraseDialog
            purpose={status.recordedMode === 'passphrase' ? 'open' : 'create'}
            onClose={() => setChoosingPassphrase(false)}
            onSubmit={async (passphrase) => {
              const result = await vault.open({ mode: 'passphrase', passphrase });
              if (!result.ok) return result.error.issues?.[0]?.message ?? result.error.message;
              if (result.value.state !== 'open') return 'The vault did not open with this passphrase.';
              onOpened?.();
              return undefined;
            }}
          />
        </Nested>
      )}
    </div>
  );
}

/**
 * The passphrase dialog opened from inside another form (Add account): React passes its submit and
 * Enter up the component tree, through the portal, to that form, which would save before the vault
 * is open. They stop here.
 * https://github.com/facebook/react/issues/27555
 */
function Nested({ children }: { children: ReactNode }) {
  return (
    <span onSubmit={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      {children}
    </span>
  );
}
