import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

/** What just worked, over the page until the user dismisses it; the success twin of ErrorBar. */
export function DoneBar({ children, onDismiss, className }: { children: ReactNode; onDismiss(): void; className?: string }) {
  return (
    <MessageBar intent="success" className={className}>
      <MessageBarBody role="status">{children}</MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={onDismiss} />}
      />
    </MessageBar>
  );
}
