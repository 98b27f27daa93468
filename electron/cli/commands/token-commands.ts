import { readInputFile } from '../cli-io.ts';
import { AppError } from '../../../shared/errors.ts';
import { acsScopes, isAcsScope, type TokenView } from '../../../shared/tokens.ts';
import { stringOption, type CommandContext, type CommandDef } from '../command.ts';
import { printJson } from '../format.ts';
import { findAccount } from './account-commands.ts';
import { findIdentity } from './identity-commands.ts';
import { arrTokenOf, paidBy, reusableToken } from '../reusable-token.ts';

const identityOption = {
  identity: { type: 'string', value: 'ID', description: 'mint through this Entra identity (id, user name or name) instead of a key' },
} as const;

/** Prints a token alone (for `$(azcred token ...)`), or with its expiry and source as JSON. */
async function printToken(context: CommandContext, token: TokenView): Promise<void> {
  const { value } = await context.call('tokens.reveal', { id: token.id, purpose: 'print' });
  if (!context.json) return context.io.out(value);
  context.io.out(
    printJson({
      token: value,
      expiresAt: token.expiresAt,
      kind: token.kind,
      title: token.title,
      source: token.source,
      scopes: token.scopes,
      id: token.id,
    }),
  );
}

export const tokenCommands: CommandDef[] = [
  {
    name: 'token arr',
    summary: 'a Mixed Reality STS access token for an ARR account (the token alone on stdout)',
    args: [{ name: 'NAME', description: 'the ARR account' }],
    options: {
      ...identityOption,
      key: { type: 'string', value: 'primary|secondary', description: 'which account key pays (default primary)' },
      fresh: { type: 'boolean', description: 'mint a new one even if a cached token is still good' },
    },
    details: 'Example: export ARR_TOKEN=$(azcred token arr Showroom)',
    async run(context) {
      const account = await findAccount(context, context.positionals[0] ?? '');
      if (account.kind !== 'arr')
        throw new AppError('invalid_input', `${account.name} is a Communication Services resource: use \`azcred token acs\`.`);
      const identity = stringOption(context, 'identity');
      const key = stringOption(context, 'key') ?? 'primary';
      if (!['primary', 'secondary'].includes(key)) throw new AppError('invalid_input', '--key takes primary or secondary.');
      const via = identity
        ? { identityId: (await findIdentity(context, identity)).id }
        : key === 'secondary'
          ? ('secondaryKey' as const)
          : ('primaryKey' as const);
      const cached = context.values['fresh'] === true ? undefined : await reusableToken(context, arrTokenOf(account.id, via));
      await printToken(context, cached ?? (await context.call('tokens.mintArr', { accountId: account.id, via, keep: true })));
    },
  },
  {
    name: 'token acs',
    summary: 'an ACS user access token for a remembered or new ACS identity',
    args: [{ name: 'NAME', description: 'the ACS resource' }],
    options: {
      scopes: { type: 'string', value: 'LIST', description: 'comma-separated: chat, voip, chat.join, chat.join.limited, voip.join' },
      user: { type: 'string', value: 'ID', description: 'an ACS identity the app remembers (its label, id, or 8:acs:... user id)' },
      'new-user': {
        type: 'string',
        optionalValue: true,
        value: 'LABEL',
        description: 'create a new ACS identity, labelled LABEL (default: azcred and the time)',
      },
      label: { type: 'string', value: 'LABEL', description: "with --new-user: the new identity's label" },
      'custom-id': {
        type: 'string',
        value: 'ID',
        description: 'with --new-user: your own ID for it (an email, a user name); ACS gives back the same identity for it',
      },
      minutes: { type: 'string', value: 'N', description: 'lifetime, 60 to 1440 (default 1440)' },
      ...identityOption,
    },
    details:
      'Examples: azcred token acs Chat --scopes chat,voip --new-user --minutes 60\n          azcred token acs Chat --scopes ' +
      'chat --new-user="test user" --json\n          azcred token acs Chat --scopes chat --new-user --label "test user"\n        ' +
      '  azcred token acs Chat --scopes chat --user "test user"',
    async run(context) {
      // Which identity first: a command line that names two is wrong whatever the account.
      const user = stringOption(context, 'user');
      const newUser = context.values['new-user'];
      const label = stringOption(context, 'label');
      if (user && newUser !== undefined)
        throw new AppError('invalid_input', 'Choose one of --user ID (a remembered ACS identity) and --new-user (a new one), not both.');
      const customId = stringOption(context, 'custom-id');
      if (customId !== undefined && newUser === undefined)
        throw new AppError('invalid_input', '--custom-id is for a new ACS identity: give it with --new-user.');
      if (label !== undefined && newUser === undefined)
        throw new AppError('invalid_input', '--label names a new ACS identity: give it with --new-user (--new-user --label LABEL).');
      if (label !== undefined && typeof newUser === 'string')
        throw new AppError('invalid_input', "Give the new identity's label once: --new-user=LABEL or --new-user --label LABEL.");
      if (!user && newUser === undefined)
        throw new AppError('invalid_input', 'Give --user ID for a remembered ACS identity, or --new-user for a new one.');
      const newLabel =
        (typeof newUser === 'string' ? newUser : label) ?? `azcred ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      const account = await findAccount(context, context.positionals[0] ?? '');
      if (account.kind !== 'acs')
        throw new AppError('invalid_input', `${account.name} is a Remote Rendering account: use \`azcred token arr\`.`);
      const named = (stringOption(context, 'scopes') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (named.length === 0) throw new AppError('invalid_input', 'Give --scopes, for example --scopes chat,voip.');
      const scopes = named.filter(isAcsScope);
      const unknown = named.filter((s) => !isAcsScope(s));
      if (unknown.length > 0)
        throw new AppError('invalid_input', `Unknown scope ${unknown.join(', ')}: the scopes are ${acsScopes.join(', ')}.`);
      const minutesText = stringOption(context, 'minutes');
      const minutes = minutesText === undefined ? 1440 : Number(minutesText);
      const identity = stringOption(context, 'identity');
      const via = identity ? { identityId: (await findIdentity(context, identity)).id } : ('accessKey' as const);
      let acsIdentityId: string | undefined;
      if (user) {
        const known = await context.call('acsIdentities.list', { accountId: account.id });
        const key = user.toLowerCase();
        acsIdentityId = known.find((i) => i.id === user || i.communicationUserId === user || i.label.toLowerCase() === key)?.id;
        if (!acsIdentityId)
          throw new AppError('not_found', `No ACS identity "${user}" remembered for ${account.name}. Create one with --new-user.`);
        const cached = await reusableToken(
          context,
          (t) =>
            t.kind === 'acs-user' &&
            t.source.subject?.kind === 'acs-identity' &&
            t.source.subject.acsIdentityId === acsIdentityId &&
            sameScopes(t.scopes, scopes) &&
            paidBy(t, via),
        );
        if (cached) return printToken(context, cached);
      }
      const minted = await context.call('tokens.mintAcs', {
        accountId: account.id,
        ...(acsIdentityId ? { acsIdentityId } : { newIdentity: { label: newLabel, ...(customId !== undefined && { customId }) } }),
        scopes,
        minutes,
        via,
        keep: true,
      });
      if (context.json) {
        const { value } = await context.call('tokens.reveal', { id: minted.token.id, purpose: 'print' });
        return context.io.out(
          printJson({
            token: value,
            expiresAt: minted.token.expiresAt,
            userId: minted.acsIdentity.communicationUserId,
            acsIdentity: minted.acsIdentity,
            scopes: minted.token.scopes,
            id: minted.token.id,
          }),
        );
      }
      await printToken(context, minted.token);
    },
  },
  {
    name: 'token entra',
    summary: 'an Entra ID access token for any scope (like `az account get-access-token`)',
    options: {
      scope: { type: 'string', value: 'SCOPE', description: 'e.g. https://management.azure.com/.default' },
      identity: { type: 'string', value: 'ID', description: 'which identity (default: the only one, or the one used last)' },
    },
    async run(context) {
      const scope = stringOption(context, 'scope');
      if (!scope) throw new AppError('invalid_input', 'Give --scope, for example --scope https://management.azure.com/.default.');
      const ref = stringOption(context, 'identity');
      const identities = await context.call('identities.list');
      const identity = ref
        ? await findIdentity(context, ref)
        : [...identities].sort((a, b) => (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''))[0];
      if (!identity) throw new AppError('sign_in_required', 'No identity is signed in. Run `azcred login` first.');
      const cached = await reusableToken(
        context,
        (t) => t.kind === 'entra' && paidBy(t, { identityId: identity.id }) && sameScopes(t.scopes, [scope]),
      );
      await printToken(context, cached ?? (await context.call('tokens.mintEntra', { identityId: identity.id, scope, keep: true })));
    },
  },
  {
    name: 'sign acs',
    summary: 'sign an ACS REST request with the access key (HMAC-SHA256): headers or a curl command',
    args: [{ name: 'NAME', description: 'the ACS resource' }],
    options: {
      method: { type: 'string', value: 'M', description: 'GET, POST, PUT, PATCH or DELETE' },
      url: { type: 'string', value: 'URL', description: "the full URL on the resource's endpoint" },
      body: { type: 'string', value: 'FILE', description: 'the request body (a file, or - for stdin)' },
      format: { type: 'string', value: 'curl|headers', description: 'what to print (default curl)' },
    },
    async run(context) {
      const account = await findAccount(context, context.positionals[0] ?? '');
      const bodyFile = stringOption(context, 'body');
      const body = bodyFile === undefined ? '' : await readInputFile(bodyFile, 'the body file', { io: context.io, option: '--body' });
      const format = stringOption(context, 'format') ?? 'curl';
      if (!['curl', 'headers'].includes(format)) throw new AppError('invalid_input', '--format takes curl or headers.');
      const signed = await context.call('acs.signRequest', {
        accountId: account.id,
        method: stringOption(context, 'method') ?? 'GET',
        url: stringOption(context, 'url') ?? '',
        body,
      });
      if (context.json) return context.io.out(printJson(signed));
      context.io.out(
        format === 'curl'
          ? signed.curl
          : Object.entries(signed.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join('\n'),
      );
    },
  },
];

function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
}
