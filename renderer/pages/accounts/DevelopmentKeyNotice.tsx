import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';

/** The ARR docs' advice beside account keys: fine for development, not for a shipped app. */
export function DevelopmentKeyNotice() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        Account keys are for development only. In production, sign in with Entra ID instead of shipping a key.{' '}
        <Link
          href="https://learn.microsoft.com/azure/remote-rendering/how-tos/authentication"
          target="_blank"
          rel="noreferrer noopener"
          inline
        >
          How Remote Rendering authenticates
        </Link>
      </MessageBarBody>
    </MessageBar>
  );
}
