import { Body1 } from '@fluentui/react-components';
import { useState } from 'react';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';

export interface RemoveCloudDialogProps {
  cloud: CloudProfileView;
  onRemoved(name: string): void;
  onClose(): void;
}

/** Asks before removing a custom cloud profile. */
export function RemoveCloudDialog({ cloud, onRemoved, onClose }: RemoveCloudDialogProps) {
  const [error, setError] = useState<AppErrorShape>();
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    const result = await api.clouds.remove({ name: cloud.name });
    setBusy(false);
    if (result.ok || result.error.code === 'not_found') onRemoved(cloud.name);
    else setError(result.error);
  }

  return (
    <ConfirmDialog
      title={`Remove “${cloud.displayName}”?`}
      action="Remove"
      busy={busy}
      closableWhileBusy
      error={error}
      onConfirm={() => void remove()}
      onClose={onClose}
    >
      <Body1>
        The profile and its sign-in app setting are removed. Accounts and identities in this cloud stay listed but cannot be used until a
        profile named {cloud.name} is imported again.
      </Body1>
    </ConfirmDialog>
  );
}
