import { Body1 } from '@fluentui/react-components';
import type { AccountView } from '../../../shared/accounts.ts';
import { api } from '../../api.ts';
import { ConfirmDialog, removal } from '../../components/ConfirmDialog.tsx';

export interface DeleteAccountDialogProps {
  account: AccountView;
  onDeleted(id: string): void;
  onClose(): void;
}

/** Asks before deleting, naming the account and saying that its keys go with it. */
export function DeleteAccountDialog({ account, onDeleted, onClose }: DeleteAccountDialogProps) {
  const secrets = account.kind === 'arr' ? 'its account keys are' : account.hasAccessKey ? 'its connection string is' : 'any key it had is';
  return (
    <ConfirmDialog
      title={`Delete “${account.name}”?`}
      action="Delete"
      closableWhileBusy
      onConfirm={() => removal(api.accounts.delete({ id: account.id }), () => onDeleted(account.id))}
      onClose={onClose}
    >
      <Body1>
        The account is removed from this app and {secrets} removed from the vault. This cannot be undone; the resource in Azure is not
        touched.
      </Body1>
    </ConfirmDialog>
  );
}
