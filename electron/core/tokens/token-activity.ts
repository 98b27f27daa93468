import type { ActivityAction, ActivityEntryInput } from '../../../shared/activity.ts';
import type { TokenView } from '../../../shared/tokens.ts';

/**
 * The access log's entry for a minted token handed out: its kind and title, the account and the
 * identity it came through, what it is for (its audience, else its scopes), never the token.
 */
export function tokenActivity(token: TokenView, action: ActivityAction, how?: string): ActivityEntryInput {
  const { account, via } = token.source;
  const resource = token.audience ?? (token.scopes.length > 0 ? token.scopes.join(' ') : undefined);
  return {
    action,
    kind: token.kind,
    what: `${token.title}${how ? `, ${how}` : ''}`.slice(0, 300),
    ...(account ? { account: { id: account.id, name: account.name } } : {}),
    ...(via.credential === 'entra' ? { identity: { id: via.identityId, name: via.identityName } } : {}),
    ...(resource ? { resource: resource.slice(0, 500) } : {}),
    tokenId: token.id,
  };
}
