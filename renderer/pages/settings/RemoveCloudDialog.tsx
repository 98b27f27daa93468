import { Body1 } from '@fluentui/react-components';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import { api } from '../../api.ts';
import { ConfirmDialog, removal } from '../../components/ConfirmDialog.tsx';

/** Asks before removing a custom cloud profile. */
export function RemoveCloudDialog({
  cloud,
  onRemoved,
  onClose,
}: {
  cloud: CloudProfileView;
  onRemoved(name: string): void;
  onClose(): void;
}) {
  return (
    <ConfirmDialog
      title={`Remove “${cloud.displayName}”?`}
      action="Remove"
      closableWhileBusy
      onConfirm={() => removal(api.clouds.remove({ name: cloud.name }), () => onRemoved(cloud.name))}
      onClose={onClose}
    >
      <Body1>
        The profile and its sign-in app setting are removed. Accounts and identities in this cloud stay listed but cannot be used until a
        profile named {cloud.name} is imported again.
      </Body1>
    </ConfirmDialog>
  );
}
