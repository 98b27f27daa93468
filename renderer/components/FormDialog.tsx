import { Button, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, mergeClasses } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import type { AppErrorShape } from '../../shared/errors.ts';
import { useDialogStyles } from './dialog-styles.ts';
import { DoneButton } from './DoneButton.tsx';
import { FormErrorBar } from './FormErrorBar.tsx';
import { ModalDialog } from './ModalDialog.tsx';
import { useFocusInvalid } from './use-focus-invalid.ts';

export interface FormDialogProps {
  title: ReactNode;
  children: ReactNode;
  onClose(): void;
  /** Enter in a field and the submit button call it: the dialog is then a form. */
  onSubmit?(): void;
  /** The primary button. `form` names a form inside the content that it submits instead (a dialog with tabs of forms). */
  submit?: { label: ReactNode; disabled?: boolean; form?: string; danger?: boolean } | undefined;
  /** A call is under way: the submit button waits. */
  busy?: boolean;
  /** While busy, Cancel and Escape wait for the call too (a change in Azure that cannot be half done). */
  holdOpen?: boolean;
  /**
   * The call's error. The fields named in `fields` show their own issues; the rest is shown over the buttons. When it changes
   * the focus moves to the first field marked invalid, so keyboard and screen-reader users land on it.
   */
  error?: AppErrorShape | undefined;
  fields?: readonly string[];
  /** What the bar says of an error whose fields are found another way; undefined: nothing, each field shows its own. */
  formMessage?(error: AppErrorShape): string | undefined;
  /** More on the error, inside its bar (a list of problems). */
  errorDetail?: ReactNode;
  /** Progress and Cancel of a long call, beside the buttons. */
  progress?: ReactNode;
  /** More buttons, before Cancel ("Look again"), or at the start of the row. */
  actions?: ReactNode;
  startActions?: ReactNode;
  /** "Cancel" by default; "Close" where nothing is lost by leaving. */
  cancelLabel?: string;
  /** The work is done: this replaces the content, and one button (`doneLabel`, "Close") takes the focus. */
  done?: ReactNode;
  doneLabel?: string;
  /** Wider than Fluent's 600 pixels, for long fields and tables. */
  size?: 'medium' | 'large' | 'wide';
  /** Asks before a change that cannot be undone: a click outside does not close it. */
  alert?: boolean;
  contentClassName?: string;
}

/**
 * The frame every form dialog of the app shares: a title, the fields, the call's error, then
 * [progress] [more] Cancel [submit]; Enter submits, and a refused field takes the focus.
 */
export function FormDialog(props: FormDialogProps) {
  const { title, children, onClose, onSubmit, submit, busy = false, holdOpen = false, error, fields, done } = props;
  const dialog = useDialogStyles();
  const form = useFocusInvalid<HTMLFormElement>(error);
  const waiting = busy && holdOpen;
  const isDone = done !== undefined && done !== null && done !== false;
  const body = (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent className={mergeClasses(dialog.content, props.contentClassName)}>
        {isDone ? (
          done
        ) : (
          <>
            {children}
            <FormErrorBar error={error} fields={fields} formMessage={props.formMessage}>
              {props.errorDetail}
            </FormErrorBar>
          </>
        )}
      </DialogContent>
      {props.startActions && !isDone && <DialogActions position="start">{props.startActions}</DialogActions>}
      <DialogActions className={dialog.actions}>
        {isDone ? (
          <DoneButton onClick={onClose}>{props.doneLabel ?? 'Close'}</DoneButton>
        ) : (
          <>
            {props.progress}
            {props.actions}
            <Button appearance={submit ? 'secondary' : 'primary'} onClick={onClose} disabled={waiting}>
              {props.cancelLabel ?? 'Cancel'}
            </Button>
            {submit && (
              <Button
                appearance="primary"
                className={submit.danger ? dialog.danger : undefined}
                type="submit"
                form={submit.form}
                disabled={submit.disabled ?? false}
                disabledFocusable={busy}
              >
                {submit.label}
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </DialogBody>
  );

  function submitted(event: FormEvent) {
    event.preventDefault();
    if (!busy) onSubmit?.();
  }

  return (
    <ModalDialog modalType={props.alert ? 'alert' : 'modal'} onOpenChange={(_, d) => !d.open && !waiting && onClose()}>
      <DialogSurface className={props.size && dialog[props.size]}>
        {onSubmit ? (
          <form ref={form} onSubmit={submitted} noValidate>
            {body}
          </form>
        ) : (
          body
        )}
      </DialogSurface>
    </ModalDialog>
  );
}
