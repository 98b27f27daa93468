import { Button } from '@fluentui/react-components';
import { BeakerRegular, KeyMultipleRegular, PeopleRegular, SignatureRegular } from '@fluentui/react-icons';
import type { TokenDialog } from './TokenDialogs.tsx';

/** The Tokens page's tools beside "New token": the credential an SDK takes, ACS identities, the request signer and the ARR test. */
export function ToolButtons({ onOpen }: { onOpen(dialog: TokenDialog): void }) {
  return (
    <>
      <Button icon={<KeyMultipleRegular />} onClick={() => onOpen({ type: 'credential' })}>
        Credential for an SDK
      </Button>
      <Button icon={<PeopleRegular />} onClick={() => onOpen({ type: 'acs-identities' })}>
        ACS identities
      </Button>
      <Button icon={<SignatureRegular />} onClick={() => onOpen({ type: 'signer' })}>
        Sign an ACS request
      </Button>
      <Button icon={<BeakerRegular />} onClick={() => onOpen({ type: 'arr-test' })}>
        Test an ARR account
      </Button>
    </>
  );
}
