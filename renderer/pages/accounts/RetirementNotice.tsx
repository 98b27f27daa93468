import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';

const storageKey = 'azcred.notice.arr-retirement.dismissed';

function wasDismissed(): boolean {
  try {
    return window.localStorage.getItem(storageKey) === '1';
  } catch {
    return false;
  }
}

/** Says once, until dismissed, that Azure Remote Rendering was retired; it never blocks anything. */
export function RetirementNotice({ className }: { className?: string }) {
  const [dismissed, setDismissed] = useState(wasDismissed);
  if (dismissed) return null;

  function dismiss() {
    try {
      window.localStorage.setItem(storageKey, '1');
    } catch {
      // Storage refused: the notice stays hidden for this page only.
    }
    setDismissed(true);
  }

  return (
    <MessageBar intent="warning" layout="multiline" className={className}>
      <MessageBarBody>
        <MessageBarTitle>Azure Remote Rendering was retired on 30 September 2025</MessageBarTitle>
        Microsoft no longer runs the service. Your Remote Rendering accounts stay listed here with their keys, for reference and for tools
        that still read them.
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label="Dismiss the retirement notice" icon={<DismissRegular />} onClick={dismiss} />
        }
      />
    </MessageBar>
  );
}
