import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { api } from '../../api.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface SignOutDialogProps {
  identity: IdentityView;
  onSignedOut(id: string): void;
  onClose(): void;
}

/** Asks before signing out, saying what goes: the identity's tokens, and a service principal's secret or key. */
export function SignOutDialog({ identity, onSignedOut, onClose }: SignOutDialogProps) {
  const styles = useStyles();
  const [error, setError] = useState<AppErrorShape>();
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    const result = await api.identities.signOut({ id: identity.id });
    setBusy(false);
    if (result.ok || result.error.code === 'not_found') onSignedOut(identity.id);
    else setError(result.error);
  }

  const what =
    identity.kind === 'user'
      ? 'This removes its tokens from this computer; to use it again, sign in again.'
      : `This removes its tokens and its ${identity.credential === 'certificate' ? 'private key' : 'client secret'} from this computer; to use it again, add it again.`;
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Sign out {identity.username ?? identity.name}?</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>{what} Nothing changes in Entra ID: the account or app registration stays as it is.</Body1>
            <ErrorBar error={error} />
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={busy} onClick={() => void signOut()}>
              Sign out
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
