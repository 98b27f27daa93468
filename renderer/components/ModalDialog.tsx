import { Dialog, type DialogProps } from '@fluentui/react-components';
import { useFocusReturn } from './focus-return.ts';

/**
 * Fluent's Dialog as every dialog of the app uses it: mounted while open (closing is unmounting),
 * and giving the focus back to what opened it when it closes.
 */
export function ModalDialog(props: Omit<DialogProps, 'open' | 'defaultOpen'>) {
  useFocusReturn();
  return <Dialog {...props} open />;
}
