import type { TokenView } from '../../../shared/tokens.ts';
import type { CopyHow } from '../../components/secret-clipboard.ts';
import { AcsIdentitiesDialog } from './AcsIdentitiesDialog.tsx';
import { ArrTestDialog } from './ArrTestDialog.tsx';
import { ClaimsDialog } from './ClaimsDialog.tsx';
import { CredentialForJobDialog } from './CredentialForJobDialog.tsx';
import { ExportTokenDialog } from './ExportTokenDialog.tsx';
import { NewTokenDialog, type NewTokenDialogProps } from './NewTokenDialog.tsx';
import { RequestSignerDialog } from './RequestSignerDialog.tsx';
import { RemoveTokenDialog, RevokeTokenDialog } from './RevokeRemoveDialogs.tsx';

export type TokenDialog =
  | { type: 'new'; initial?: NewTokenDialogProps['initial'] }
  | { type: 'claims' | 'export' | 'revoke' | 'remove'; token: TokenView }
  | { type: 'credential' | 'acs-identities' | 'signer' | 'arr-test' };

export interface TokenDialogsProps {
  dialog: TokenDialog | undefined;
  onClose(): void;
  onMinted(tokens: TokenView[], message: string): void;
  onChanged(...tokens: TokenView[]): void;
  onRemoved(id: string): void;
  /** Opens another dialog in place of this one (an ACS identity's "Get token" opens New token). */
  onOpen(dialog: TokenDialog): void;
  homeFolder: string;
  /** The page's tokens: a quick copy on an ACS identity's row gets another like its last. */
  tokens: readonly TokenView[];
  copy: CopyHow;
  revealSeconds: number;
}

/** The dialog open over the Tokens page, if any. */
export function TokenDialogs({
  dialog,
  onClose,
  onMinted,
  onChanged,
  onRemoved,
  onOpen,
  homeFolder,
  tokens,
  copy,
  revealSeconds,
}: TokenDialogsProps) {
  switch (dialog?.type) {
    case undefined:
      return null;
    case 'new':
      return <NewTokenDialog initial={dialog.initial} copy={copy} onMinted={onMinted} onClose={onClose} />;
    case 'claims':
      return <ClaimsDialog token={dialog.token} onClose={onClose} />;
    case 'export':
      return <ExportTokenDialog token={dialog.token} homeFolder={homeFolder} copy={copy} revealSeconds={revealSeconds} onClose={onClose} />;
    case 'revoke':
      return <RevokeTokenDialog token={dialog.token} onRevoked={(tokens) => onChanged(...tokens)} onClose={onClose} />;
    case 'remove':
      return <RemoveTokenDialog token={dialog.token} onRemoved={onRemoved} onClose={onClose} />;
    case 'credential':
      return <CredentialForJobDialog copy={copy} onMinted={onChanged} onClose={onClose} />;
    case 'acs-identities':
      return (
        <AcsIdentitiesDialog
          tokens={tokens}
          copy={copy}
          onChanged={onChanged}
          onGetToken={(accountId, acsIdentityId) => onOpen({ type: 'new', initial: { kind: 'acs', acs: { accountId, acsIdentityId } } })}
          onClose={onClose}
        />
      );
    case 'signer':
      return <RequestSignerDialog onClose={onClose} />;
    case 'arr-test':
      return <ArrTestDialog onMinted={onChanged} onClose={onClose} />;
  }
}
