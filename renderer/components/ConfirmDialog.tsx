import type { ReactNode } from 'react';
import { ok, type Result } from '../../shared/result.ts';
import { FormDialog } from './FormDialog.tsx';
import { useCall } from './use-call.ts';

export interface ConfirmDialogProps {
  title: string;
  /** What happens, and what does not, in a sentence or two. */
  children: ReactNode;
  /** The button that does it: "Delete", "Revoke", "Sign out". */
  action: string;
  /**
   * Does it. The call it resolves to is shown busy, and its error under the text; nothing (void) when
   * the dialog's work is done and it is closing.
   */
  onConfirm(): Promise<Result<unknown> | void>;
  /** A long call under way elsewhere (see `progress`): the action button waits too. */
  busy?: boolean;
  /**
   * Cancel and Escape still close the dialog while the call runs; the call's result is still
   * reported. Otherwise they wait for it (or for the Cancel in `progress`).
   */
  closableWhileBusy?: boolean;
  /** Progress and Cancel for a long call, beside the buttons. */
  progress?: ReactNode;
  onClose(): void;
}

/** Asks before something that cannot be undone; its button is red, the danger style. */
export function ConfirmDialog({
  title,
  children,
  action,
  onConfirm,
  busy = false,
  closableWhileBusy = false,
  progress,
  onClose,
}: ConfirmDialogProps) {
  const call = useCall();
  return (
    <FormDialog
      alert
      title={title}
      submit={{ label: action, danger: true }}
      onSubmit={() => void call.run(async () => (await onConfirm()) ?? ok(undefined))}
      busy={busy || call.busy}
      holdOpen={!closableWhileBusy}
      progress={progress}
      error={call.error}
      onClose={onClose}
    >
      {children}
    </FormDialog>
  );
}

/**
 * The call behind a Delete, Remove or Sign out, for `onConfirm`: a thing already gone is what the
 * user asked for, so not_found is done too.
 */
export async function removal(call: Promise<Result<unknown>>, onGone: () => void): Promise<Result<unknown> | void> {
  const result = await call;
  if (result.ok || result.error.code === 'not_found') return onGone();
  return result;
}
