import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { OperationProgress } from './OperationProgress.tsx';
import type { Operation } from './use-operation.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';

const useStyles = makeStyles({
  actions: { alignItems: 'center' },
});

export interface ToolDialogProps {
  title: ReactNode;
  /** The surface's width. */
  className: string;
  /** Replaces parts of the shared content layout (a wider gap). */
  contentClassName?: string;
  /** The long call the dialog runs: its progress and Cancel sit beside the buttons, and Close and Escape wait for it. */
  operation?: Operation;
  /** The primary button, which submits the form with this id; without it Close is the primary button. */
  submit?: { form: string; label: string; disabled: boolean };
  onClose(): void;
  children: ReactNode;
}

/** The frame of the Tokens page's dialogs: a title, the content, then [progress] Close [submit]. */
export function ToolDialog({ title, className, contentClassName, operation, submit, onClose, children }: ToolDialogProps) {
  const styles = useStyles();
  const dialog = useDialogStyles();
  const busy = operation?.running !== undefined;
  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && !busy && onClose()}>
      <DialogSurface className={className}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={mergeClasses(dialog.content, contentClassName)}>{children}</DialogContent>
          <DialogActions className={styles.actions}>
            {operation && <OperationProgress operation={operation} />}
            <Button appearance={submit ? 'secondary' : 'primary'} onClick={onClose} disabled={busy}>
              Close
            </Button>
            {submit && (
              <Button appearance="primary" type="submit" form={submit.form} disabled={submit.disabled} disabledFocusable={busy}>
                {submit.label}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </ModalDialog>
  );
}
