import { AppError } from '../../../shared/errors.ts';
import type { AcsIdentityView } from '../../../shared/tokens.ts';
import { namesAccount } from '../account-name.ts';
import { stringOption, type CommandContext, type CommandDef } from '../command.ts';
import { listOutput, printJson } from '../format.ts';
import { findIdentity } from './identity-commands.ts';

/** `azcred acs identity …`: the ACS identities the app remembers, and what ACS holds for one now. */

const when = (iso: string | null, never: string) => (iso ? iso.replace('T', ' ').replace(/(\.\d+)?(Z|\+00:00)$/, 'Z') : never);

/** The remembered identities, of one resource when `--account` names it. */
async function remembered(context: CommandContext): Promise<AcsIdentityView[]> {
  const accountRef = stringOption(context, 'account');
  if (accountRef === undefined) return context.call('acsIdentities.list', {});
  const account = (await context.call('accounts.list')).find((a) => a.kind === 'acs' && namesAccount(a, accountRef));
  if (!account) throw new AppError('not_found', `No ACS resource "${accountRef}". \`azcred account list\` shows them.`);
  return context.call('acsIdentities.list', { accountId: account.id });
}

/** One identity by the app's id, its ACS user id, its custom ID or its label (case-insensitive); two with one label are refused. */
async function findAcsIdentity(context: CommandContext, ref: string): Promise<AcsIdentityView> {
  const key = ref.trim().toLowerCase();
  const all = await remembered(context);
  const exact = all.find((i) => i.id === ref || i.communicationUserId === ref);
  if (exact) return exact;
  const named = all.filter((i) => i.label.toLowerCase() === key || i.customId?.toLowerCase() === key);
  if (named.length > 1)
    throw new AppError('invalid_input', `${named.length} ACS identities are called "${ref}": name one by its id, or add --account.`);
  if (!named[0]) throw new AppError('not_found', `No ACS identity "${ref}". \`azcred acs identity list\` shows them.`);
  return named[0];
}

const accountOption = { type: 'string', value: 'NAME', description: 'only the identities of this ACS resource (its name or id)' } as const;

export const acsCommands: CommandDef[] = [
  {
    name: 'acs identity list',
    summary: 'the ACS identities the app remembers: label, resource, custom ID, last token',
    options: { account: accountOption },
    details: 'Example: azcred acs identity list --account contoso-acs-chat --json',
    async run(context) {
      context.io.out(
        listOutput(await remembered(context), context.json, {
          columns: ['LABEL', 'RESOURCE', 'CUSTOM ID', 'LAST TOKEN HERE', 'ACS USER ID'],
          row: (i) => [i.label, i.accountName ?? '(removed)', i.customId ?? '', when(i.lastTokenAt, 'never'), i.communicationUserId],
          empty: 'No ACS identities yet. `azcred token acs NAME --scopes chat --new-user=LABEL` creates one.',
        }),
      );
    },
  },
  {
    name: 'acs identity show',
    summary: 'asks ACS for one identity: its custom ID and when its last token was issued (by anyone)',
    args: [{ name: 'NAME', description: "the identity's label, custom ID, ACS user id or id" }],
    options: {
      account: accountOption,
      identity: { type: 'string', value: 'ID', description: 'ask through this Entra identity instead of the access key' },
    },
    details:
      'Uses the identity API of 2025-06-30 (Get identity). "Last token issued" counts every token ACS issued for the identity, ' +
      'also by other apps; "last token here" only those minted through this app.\n' +
      'Example: azcred acs identity show "Alice (test)"',
    async run(context) {
      const identity = await findAcsIdentity(context, context.positionals[0] ?? '');
      const entra = stringOption(context, 'identity');
      const via = entra ? { identityId: (await findIdentity(context, entra)).id } : ('accessKey' as const);
      const shown = await context.call('acsIdentities.show', { id: identity.id, via });
      if (context.json) return context.io.out(printJson(shown));
      const i = shown.identity;
      context.io.out(
        [
          `Label:              ${i.label}`,
          `Resource:           ${i.accountName ?? '(removed from the app)'}`,
          `ACS user id:        ${i.communicationUserId}`,
          `Custom ID:          ${i.customId ?? '(none)'}`,
          `Last token issued:  ${when(shown.lastTokenIssuedAt, 'never')}`,
          `Last token here:    ${when(i.lastTokenAt, 'never')}`,
          `Tokens revoked:     ${when(i.tokensRevokedAt, 'never')}`,
        ].join('\n'),
      );
    },
  },
];
