import type { ReactNode } from 'react';
import { FormDialog, type FormDialogProps } from '../../components/FormDialog.tsx';
import { OperationProgress } from './OperationProgress.tsx';
import type { Operation } from './use-operation.ts';

export interface ToolDialogProps extends Pick<FormDialogProps, 'size' | 'contentClassName' | 'onClose'> {
  title: ReactNode;
  /** The long call the dialog runs: its progress and Cancel sit beside the buttons, and Close and Escape wait for it. */
  operation?: Operation;
  /** The primary button, which submits the form with this id; without it Close is the primary button. */
  submit?: { form: string; label: string; disabled: boolean };
  /** A short call under way without an operation: the submit button waits, keeping the focus (disabledFocusable). */
  busy?: boolean;
  children: ReactNode;
}

/** The frame of the Tokens page's dialogs: FormDialog with [progress] Close [submit], the forms inside submitting by id. */
export function ToolDialog({ operation, busy = false, ...props }: ToolDialogProps) {
  return (
    <FormDialog
      {...props}
      cancelLabel="Close"
      busy={busy || operation?.running !== undefined}
      holdOpen
      progress={operation && <OperationProgress operation={operation} />}
    />
  );
}
