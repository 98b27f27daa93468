import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { VaultState } from '../../use-vault.ts';
import { ErrorBar } from '../ErrorBar.tsx';
import { QuarantineNotice } from './QuarantineNotice.tsx';
import { VaultActions } from './VaultActions.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
});

/** What the page over which the banner sits keeps in the vault, in its own words. */
const wording = {
  accounts: { unavailable: 'Stored keys cannot be used right now', locked: 'Enter the vault passphrase to reveal, copy or add keys.' },
  identities: {
    unavailable: 'Sign-ins cannot be kept right now',
    locked: 'Enter the vault passphrase to sign in, add a service principal or use a stored sign-in.',
  },
};

/** Over the Accounts and Identities pages: why the vault cannot be used right now, and what to do about it. */
export function VaultBanner({ vault, page = 'accounts' }: { vault: VaultState; page?: keyof typeof wording }) {
  const styles = useStyles();
  const [restored, setRestored] = useState('');
  const { status, loadError } = vault;
  if (loadError) return <ErrorBar error={loadError} className={styles.root} />;
  if (!status) return null;
  if (status.state === 'open') {
    if (status.quarantined) {
      return (
        <div className={styles.root}>
          <QuarantineNotice quarantine={status.quarantined} onChanged={(_, said) => (setRestored(said), void vault.refresh())} />
        </div>
      );
    }
    return restored ? (
      <MessageBar intent="success" className={styles.root}>
        <MessageBarBody>
          <span role="status">{restored}</span>
        </MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={() => setRestored('')} />
          }
        />
      </MessageBar>
    ) : null;
  }
  return (
    <section className={styles.root} aria-label="Secrets are not available">
      <MessageBar intent={status.state === 'locked' ? 'warning' : 'error'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{status.state === 'locked' ? 'The vault is locked' : wording[page].unavailable}</MessageBarTitle>
          {status.state === 'locked' ? wording[page].locked : status.message}
        </MessageBarBody>
      </MessageBar>
      {/* On Accounts, Add account is the one primary button: the Add form offers this choice too when it needs a vault. */}
      <VaultActions vault={vault} quiet={page === 'accounts'} />
    </section>
  );
}
