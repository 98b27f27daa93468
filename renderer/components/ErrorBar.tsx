import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { AppErrorShape, ErrorCode } from '../../shared/errors.ts';

const titles: Partial<Record<ErrorCode, string>> = {
  invalid_input: 'Check the input',
  conflict: 'Already exists',
  not_found: 'Not found',
  vault_unavailable: 'Secrets are not available',
  forbidden: 'Not allowed',
  network: 'The app is not answering',
  cancelled: 'Cancelled',
  sign_in_required: 'Sign-in did not complete',
  client_not_preauthorized: 'The sign-in app cannot get tokens for this service',
  azure_unauthorized: 'Azure refused the credentials',
  azure_forbidden: 'A role is missing',
  azure_throttled: 'Azure asked to slow down',
  azure_unavailable: 'Azure is not answering',
  azure_bad_request: 'Azure refused the request',
  internal: 'Something went wrong',
};

/** An error from a call to the core, in the words the core chose, with a title from its code. A cancellation is the user's own doing: a
 * warning, not an error. */
export function ErrorBar({
  error,
  onDismiss,
  className,
  children,
}: {
  error: AppErrorShape | undefined;
  onDismiss?: () => void;
  className?: string;
  children?: ReactNode;
}) {
  if (!error) return null;
  return (
    <MessageBar
      intent={error.code === 'cancelled' ? 'warning' : 'error'}
      layout={children ? 'multiline' : 'auto'}
      className={className}
      data-code={error.code}
    >
      <MessageBarBody>
        <MessageBarTitle>{titles[error.code] ?? 'That did not work'}</MessageBarTitle>
        {error.message}
        {children}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={onDismiss} />}
        />
      )}
    </MessageBar>
  );
}
