import { Button } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * The button a dialog shows once its work is done ("Close", "Done"). It takes the focus as it
 * appears (React focuses an autoFocus element when it mounts): the button that was pressed went
 * away with the result, and the focus with it, so Escape and Tab would otherwise stop working.
 */
export function DoneButton({ children, onClick }: { children: ReactNode; onClick(): void }) {
  return (
    <Button appearance="primary" onClick={onClick} autoFocus>
      {children}
    </Button>
  );
}
