import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface WarningBarProps {
  /** What is wrong, or what to mind, in a few words. */
  title: ReactNode;
  /** Why, and what to do. */
  children: ReactNode;
  /** The button that does it, beside the text. */
  action?: ReactNode;
  testId?: string;
}

/** A warning that stays in place until its cause goes: a title, the text under it over as many lines as it needs, and a way out. */
export function WarningBar({ title, children, action, testId }: WarningBarProps) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody data-testid={testId}>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
      {action && <MessageBarActions>{action}</MessageBarActions>}
    </MessageBar>
  );
}
