import path from 'node:path';
import type { ActivityEntryInput } from '../../../shared/activity.ts';
import type { AccessLog } from '../platform/access-log.ts';
import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import { tokenActivity } from './token-activity.ts';
import type { TokensService } from './tokens-service.ts';

/**
 * The minted tokens' contract methods: minting, the list, reveal and copy, claims, revoke, keep, auto-refresh and export. A token
 * revealed, copied or exported is recorded in the access log (never its value) before it leaves, or, for a file, once written.
 */
export const tokensHandlers = {
  'tokens.list': ({ services }) => services.tokens.list(),
  'tokens.mintArr': ({ services, signal }, input) => services.tokens.mintArr(input, signal),
  'tokens.mintAcs': ({ services, signal }, input) => services.tokens.mintAcs(input, signal),
  'tokens.mintEntra': ({ services }, input) => services.tokens.mintEntra(input),
  'tokens.exchangeTeams': ({ services, signal }, input) => services.tokens.exchangeTeams(input, signal),
  'tokens.reveal': async ({ services }, input) => {
    const token = await services.tokens.registry.view(input.id);
    const revealed = await services.tokens.reveal(input.id);
    await services.activity.record(tokenActivity(token, input.purpose ?? 'reveal'));
    return revealed;
  },
  'tokens.copy': async ({ services }, input) => {
    const token = await services.tokens.registry.view(input.id);
    // A token without its value fails in copy with the words for that; one with it is recorded before it reaches the clipboard.
    if (token.hasValue) await services.activity.record(tokenActivity(token, 'copy'));
    return services.tokens.copy(input.id);
  },
  'tokens.claims': ({ services }, input) => services.tokens.claims(input.id),
  'tokens.revoke': ({ services, signal }, input) => services.tokens.revoke(input.id, input.via, signal),
  'tokens.remove': async ({ services }, input) => (await services.tokens.remove(input.id), { id: input.id }),
  'tokens.refresh': ({ services }, input) => services.tokens.refresh(input.id),
  'tokens.setAutoRefresh': ({ services }, input) => services.tokens.setAutoRefresh(input.id, input.on),
  'tokens.keep': ({ services }, input) => services.tokens.keep(input.id, input.keep),
  'tokens.export': async ({ services }, input) => {
    const result = await services.tokens.export(input);
    const token = await services.tokens.registry.view(input.id);
    const copied = input.copy || input.purpose === 'copy';
    const where =
      input.path !== undefined ? `to ${path.basename(input.path)}` : input.copy ? 'copied' : copied ? 'copied in the page' : 'as text';
    const action = copied ? 'copy' : 'export';
    // arrconfig.json holds no token: only the account key, when asked for.
    if (input.format !== 'arrconfig') await services.activity.record(tokenActivity(token, action, `exported ${input.format} ${where}`));
    else if (input.includeAccountKey && token.source.account) {
      const { id, name } = token.source.account;
      const entry: ActivityEntryInput = {
        action,
        kind: 'account-key',
        what: `account key of ${name}, exported in arrconfig.json ${where}`.slice(0, 300),
        account: { id, name },
      };
      await services.activity.record(entry);
    }
    return result;
  },
} satisfies HandlersFor<MethodsOf<'tokens'>, { tokens: TokensService; activity: AccessLog }>;
