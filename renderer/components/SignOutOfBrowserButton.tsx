import { Button } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { signOutOfThisBrowser } from '../transport.ts';

/** Browser mode only: ends this browser's session on the host, so its cookie no longer works here or anywhere it was sent. */
export function SignOutOfBrowserButton() {
  return (
    <Button size="small" appearance="subtle" icon={<SignOutRegular />} onClick={() => void signOutOfThisBrowser()}>
      Sign out of this browser
    </Button>
  );
}
