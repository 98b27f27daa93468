import { Dialog, type DialogProps } from '@fluentui/react-components';
import { useDialogFocus } from './dialog-focus.ts';
import { useFocusReturn } from './focus-return.ts';

/**
 * Fluent's Dialog as every dialog of the app uses it: mounted while open (closing is unmounting),
 * with the focus on its first field (see useDialogFocus), and giving the focus back to what opened
 * it when it closes.
 */
export function ModalDialog(props: Omit<DialogProps, 'open' | 'defaultOpen'>) {
  useFocusReturn();
  useDialogFocus(props.modalType === 'alert');
  return <Dialog {...props} open />;
}
