import {
  Body1,
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { IdentityView } from '../../../shared/identities.ts';
import { CopyableBlock } from '../../components/CopyableBlock.tsx';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * The command line that runs a program as this identity: `azcred run --identity` gives the program
 * a managed-identity endpoint of its own for as long as it runs, which any Azure SDK's
 * ManagedIdentityCredential (and so DefaultAzureCredential) asks for tokens; no key or token is put
 * in its environment.
 */
export function runAsCommand(identity: Pick<IdentityView, 'id'>): string {
  return `azcred run --identity ${identity.id} -- <your command>`;
}

export function RunAsDialog({ identity, onClose }: { identity: IdentityView; onClose(): void }) {
  const styles = useStyles();
  const dialog = useDialogStyles();
  const who = identity.username ?? identity.name;
  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={dialog.medium}>
        <DialogBody>
          <DialogTitle>Run a command as {who}</DialogTitle>
          <DialogContent className={dialog.content}>
            <Body1>
              Run your script, test or local server with this line in a terminal. Its Azure SDK signs in as {who} through the
              managed-identity protocol, for any resource this identity can get a token for, until the command exits.
            </Body1>
            <CopyableBlock title="Command line" text={runAsCommand(identity)} testId="run-as-command" />
            <Body1>What the program receives, in its environment only:</Body1>
            <ul className={styles.list}>
              <li>
                <span className={styles.code}>IDENTITY_ENDPOINT</span> and <span className={styles.code}>IDENTITY_HEADER</span>: a loopback
                endpoint for this run and the header that proves the request is the program’s.
              </li>
              <li>
                <span className={styles.code}>MSI_ENDPOINT</span> and <span className={styles.code}>MSI_SECRET</span>: the same endpoint,
                for older SDKs and tools.
              </li>
              <li>Never a key, a client secret or a token: each token is asked for, served and recorded as it is needed.</li>
            </ul>
            <Body1>
              Add <span className={styles.code}>--allow RESOURCE</span> to limit what it may ask for. Each token served, and the run while
              it lasts, shows on the{' '}
              <Link href="#/activity" onClick={onClose}>
                Activity page
              </Link>
              .
            </Body1>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </ModalDialog>
  );
}
