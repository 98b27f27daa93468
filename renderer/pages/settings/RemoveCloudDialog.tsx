import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useState } from 'react';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { api } from '../../api.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';

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
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Remove “{cloud.displayName}”?</DialogTitle>
          <DialogContent>
            <Body1>
              The profile and its sign-in app setting are removed. Accounts and identities in this cloud stay listed but cannot be used until a profile named {cloud.name} is imported again.
            </Body1>
            <ErrorBar error={error} />
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={busy} onClick={() => void remove()}>
              Remove
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
