import { Button, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AppErrorShape } from '../../shared/errors.ts';
import { useDialogStyles } from './dialog-styles.ts';
import { ErrorBar } from './ErrorBar.tsx';
import { ModalDialog } from './ModalDialog.tsx';

export interface ConfirmDialogProps {
  title: string;
  /** What happens, and what does not, in a sentence or two. */
  children: ReactNode;
  /** The button that does it: "Delete", "Revoke", "Sign out". */
  action: string;
  /** The call is under way: the action button is disabled. */
  busy?: boolean;
  /**
   * Cancel and Escape still close the dialog while the call runs; the call's result is still
   * reported. Otherwise they wait for it (or for the Cancel in `progress`).
   */
  closableWhileBusy?: boolean;
  /** Progress and Cancel for a long call, beside the buttons. */
  progress?: ReactNode;
  /** Why the call failed, under the text. */
  error?: AppErrorShape | undefined;
  onConfirm(): void;
  onClose(): void;
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({
  title,
  children,
  action,
  busy = false,
  closableWhileBusy = false,
  progress,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const dialog = useDialogStyles();
  const holdOpen = busy && !closableWhileBusy;
  return (
    <ModalDialog modalType="alert" onOpenChange={(_, d) => !d.open && !holdOpen && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={dialog.content}>
            {children}
            <ErrorBar error={error} />
          </DialogContent>
          <DialogActions>
            {progress}
            <Button appearance="secondary" onClick={onClose} disabled={holdOpen}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={onConfirm} disabledFocusable={busy}>
              {action}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </ModalDialog>
  );
}
