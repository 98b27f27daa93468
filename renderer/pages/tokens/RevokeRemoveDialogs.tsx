import { Body1 } from '@fluentui/react-components';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { OperationProgress } from './OperationProgress.tsx';
import { useOperation } from './use-operation.ts';

/** Revokes an ACS user token at ACS: every token of its ACS identity ends, and the list marks them revoked. */
export function RevokeTokenDialog({
  token,
  onRevoked,
  onClose,
}: {
  token: TokenView;
  onRevoked(tokens: TokenView[]): void;
  onClose(): void;
}) {
  const operation = useOperation();
  const subject = token.source.subject;
  const who = subject?.kind === 'acs-identity' ? subject.label : 'this ACS identity';

  return (
    <ConfirmDialog
      title={`Revoke every token of ${who}?`}
      action="Revoke"
      busy={operation.running !== undefined}
      progress={<OperationProgress operation={operation} />}
      onConfirm={async () => {
        const result = await operation.run('Revoking at Communication Services…', (operationId) =>
          api.tokens.revoke({ id: token.id, operationId }),
        );
        if (!result.ok) return result;
        onRevoked(result.value.revoked);
        onClose();
      }}
      onClose={onClose}
    >
      <Body1>
        Communication Services ends every token issued to {who}, this one and any other, at once; apps signed in with them are signed out.
        The identity stays: you can issue it a new token.
      </Body1>
    </ConfirmDialog>
  );
}

/** Forgets a token: from this list, and from the vault when it was kept. The token itself stays valid until it expires. */
export function RemoveTokenDialog({ token, onRemoved, onClose }: { token: TokenView; onRemoved(id: string): void; onClose(): void }) {
  return (
    <ConfirmDialog
      title="Remove the token from the app?"
      action="Remove"
      onConfirm={async () => {
        const result = await api.tokens.remove({ id: token.id });
        if (!result.ok) return result;
        onRemoved(token.id);
        onClose();
      }}
      onClose={onClose}
    >
      <Body1>
        The app forgets “{token.title}”{token.kept ? ' and deletes it from the vault' : ''}. Whoever already has a copy can still use it
        until it expires
        {token.kind === 'acs-user' && !token.revoked ? ': revoke it to end it now' : ''}.
      </Body1>
    </ConfirmDialog>
  );
}
