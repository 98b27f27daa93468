import { Body1 } from '@fluentui/react-components';
import type { IdentityView } from '../../../shared/identities.ts';
import { api } from '../../api.ts';
import { ConfirmDialog, removal } from '../../components/ConfirmDialog.tsx';

/** Asks before signing out, saying what goes: the identity's tokens, and a service principal's secret or key. */
export function SignOutDialog({
  identity,
  onSignedOut,
  onClose,
}: {
  identity: IdentityView;
  onSignedOut(id: string): void;
  onClose(): void;
}) {
  const what =
    identity.kind === 'user'
      ? 'This removes its tokens from this computer; to use it again, sign in again.'
      : `This removes its tokens and its ${identity.credential === 'certificate' ? 'private key' : 'client secret'} from this ` +
        `computer; to use it again, add it again.`;
  return (
    <ConfirmDialog
      title={`Sign out ${identity.username ?? identity.name}?`}
      action="Sign out"
      closableWhileBusy
      onConfirm={() => removal(api.identities.signOut({ id: identity.id }), () => onSignedOut(identity.id))}
      onClose={onClose}
    >
      <Body1>{what} Nothing changes in Entra ID: the account or app registration stays as it is.</Body1>
    </ConfirmDialog>
  );
}
