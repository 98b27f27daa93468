import type { CopiedSecret } from '../../shared/accounts.ts';
import type { AppErrorShape } from '../../shared/errors.ts';
import type { Result } from '../../shared/result.ts';
import { api } from '../api.ts';
import { copySecret, type CopyHow } from '../components/secret-clipboard.ts';
import { newTokenRequest } from '../pages/tokens/new-token-intent.ts';
import { copyToken } from '../pages/tokens/token-clipboard.ts';
import { accountsRequest } from './accounts-request.ts';
import type { PaletteAction } from './palette-commands.ts';
import { rolesRequest } from './roles-request.ts';

/** What the palette says once a command ran: a line for the page, or the core's error (the palette stays open on it). */
export type PaletteOutcome = { ok: true; said: string | null } | { ok: false; error: AppErrorShape };

const copied = (what: string, result: Result<CopiedSecret>): PaletteOutcome =>
  result.ok
    ? { ok: true, said: `Copied the ${what}; the clipboard clears in ${result.value.clearsAfterSeconds} s.` }
    : { ok: false, error: result.error };

/** Runs a palette command through the same core calls and page requests the pages use: the desktop app and browser mode alike. */
export async function runPaletteAction(action: PaletteAction, how: CopyHow): Promise<PaletteOutcome> {
  switch (action.type) {
    case 'go':
      window.location.hash = `#/${action.section}`;
      return { ok: true, said: null };
    case 'new-token':
      if (!action.account) newTokenRequest.send({ kind: 'acs' });
      else if (action.account.kind === 'arr') newTokenRequest.send({ kind: 'arr', arrAccountId: action.account.id });
      else newTokenRequest.send({ kind: 'acs', acs: { accountId: action.account.id, acsIdentityId: action.acsIdentityId } });
      return { ok: true, said: null };
    case 'copy-acs-token': {
      if (action.reuse) return copied(action.says, await copyToken(action.reuse, how));
      const minted = await api.tokens.mintAcs({
        accountId: action.accountId,
        acsIdentityId: action.acsIdentityId,
        scopes: [action.scope],
        via: action.via,
      });
      if (!minted.ok) return minted;
      return copied(`new ${action.says}`, await copyToken(minted.value.token.id, how));
    }
    case 'copy-acs-token-new': {
      const minted = await api.tokens.mintAcs({
        accountId: action.accountId,
        newIdentity: { label: action.label },
        scopes: [action.scope],
        via: 'accessKey',
      });
      if (!minted.ok) return minted;
      return copied(`new ${action.says}`, await copyToken(minted.value.token.id, how));
    }
    case 'copy-token':
      return copied(action.says, await copyToken(action.tokenId, how));
    case 'refresh-token': {
      const refreshed = await api.tokens.refresh({ id: action.tokenId });
      return refreshed.ok ? { ok: true, said: `Refreshed ${action.says}.` } : refreshed;
    }
    case 'copy-secret':
      return copied(action.says, await copySecret(action.accountId, action.secret, how));
    case 'rotate-key':
      accountsRequest.send({ accountId: action.accountId, action: 'rotate', key: action.key });
      return { ok: true, said: null };
    case 'can':
      rolesRequest.send({ identityId: action.identityId, accountId: action.accountId, capability: action.capability });
      return { ok: true, said: null };
  }
}
