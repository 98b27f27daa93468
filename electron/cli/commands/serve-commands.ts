import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import { acsScopes, isAcsScope, type AcsScope, type AcsVia, type TokenView } from '../../../shared/tokens.ts';
import { originOf, startAcsTokenServer, type AcsTokenMinter, type ServedToken } from '../../core/tokens/acs-token-server.ts';
import { stringOption, type CommandContext, type CommandDef } from '../command.ts';
import { findAccount } from './account-commands.ts';
import { findIdentity } from './identity-commands.ts';

/** The samples' dev servers run on port 3000 and proxy to their backend on 8080 (Chat/common.webpack.config.js, Calling/common.webpack.config.js). */
const defaultOrigin = 'http://localhost:3000';
const defaultPort = 8080;
const defaultMinutes = 60;

export const serveCommands: CommandDef[] = [
  {
    name: 'serve acs',
    summary: "a local token server for ACS prototypes: answers the sample apps' /token and /refreshToken requests",
    args: [{ name: 'NAME', description: 'the ACS resource' }],
    options: {
      port: {
        type: 'string',
        value: 'P',
        description: `port on 127.0.0.1 (default ${defaultPort}, the samples' backend port; 0 for any free one)`,
      },
      scopes: { type: 'string', value: 'LIST', description: 'scopes it hands out, comma-separated (default chat,voip)' },
      minutes: { type: 'string', value: 'N', description: `token lifetime, 60 to 1440 (default ${defaultMinutes})` },
      'allow-origin': { type: 'string', value: 'URL', description: `the page origin allowed to ask (default ${defaultOrigin})` },
      identity: { type: 'string', value: 'ID', description: 'mint through this Entra identity instead of the access key' },
    },
    details:
      'Example: azcred serve acs Chat --scopes chat,voip --allow-origin http://localhost:3000\n' +
      'Point the sample app at the URL it prints (docs/acs-token-server.md). Ctrl+C stops it.',
    async run(context) {
      const settings = await serverSettings(context);
      const { account, identity } = settings;
      const sessionId = randomUUID();
      const report = (line: string) => context.io.err(`${new Date().toISOString().slice(11, 19)} ${line}`);
      const server = await startAcsTokenServer({
        port: settings.port,
        allowedOrigin: settings.origin,
        scopes: settings.scopes,
        endpoint: account.endpoint,
        account: { id: account.id, name: account.name },
        identity: identity && { id: identity.id, name: identity.name },
        sessionId,
        minter: minterFor(context, account.id, settings.via, settings.minutes),
        activity: context.core().activity,
        report,
      });
      context.io.out(
        [
          `ACS token server for ${account.name} on ${server.url}`,
          `  tokens: ${settings.scopes.join(', ')}, ${settings.minutes} minutes, through ${identity ? `${identity.name} (Entra)` : 'the access key'}`,
          `  pages from ${settings.origin} may ask; pages from any other origin are refused`,
          '',
          'Sample apps (communication-services-web-calling-hero, -web-chat-hero): in Calling/ or Chat/common.webpack.config.js,',
          `  set the devServer proxy target of /token, /refreshToken/* and /getEndpointUrl to ${server.url}`,
          'Your own page or script:',
          `  POST ${server.url}/token?scope=${settings.scopes.join(',')}   → { token, expiresOn, user: { communicationUserId } }`,
          `  POST ${server.url}/refreshToken/<communicationUserId>   → a fresh token for that user (a tokenRefresher)`,
          'Ctrl+C stops it.',
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop).off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop).on('SIGTERM', stop);
      });
      await server.close();
      report('stopped');
    },
  },
];

interface ServerSettings {
  account: Extract<Awaited<ReturnType<typeof findAccount>>, { kind: 'acs' }>;
  identity: Awaited<ReturnType<typeof findIdentity>> | undefined;
  via: AcsVia;
  scopes: AcsScope[];
  minutes: number;
  port: number;
  origin: string;
}

/** Every flag checked before anything listens: a mistake is one line and nothing started. */
async function serverSettings(context: CommandContext): Promise<ServerSettings> {
  const named = (stringOption(context, 'scopes') ?? 'chat,voip')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = named.filter((s) => !isAcsScope(s));
  if (unknown.length > 0)
    throw new AppError('invalid_input', `Unknown scope ${unknown.join(', ')}: the scopes are ${acsScopes.join(', ')}.`);
  if (named.length === 0) throw new AppError('invalid_input', 'Give --scopes, for example --scopes chat,voip.');
  const minutes = wholeNumber(stringOption(context, 'minutes'), defaultMinutes);
  if (minutes === undefined || minutes < 60 || minutes > 1440)
    throw new AppError('invalid_input', '--minutes takes a whole number from 60 to 1440: ACS user tokens live 1 to 24 hours.');
  const port = wholeNumber(stringOption(context, 'port'), defaultPort);
  if (port === undefined || port > 65535)
    throw new AppError('invalid_input', '--port takes a port number from 1 to 65535, or 0 for any free one.');
  const origin = originOf(stringOption(context, 'allow-origin') ?? defaultOrigin);
  const account = await findAccount(context, context.positionals[0] ?? '');
  if (account.kind !== 'acs')
    throw new AppError(
      'invalid_input',
      `${account.name} is a Remote Rendering account: azcred serve acs serves Communication Services tokens.`,
    );
  const ref = stringOption(context, 'identity');
  const identity = ref === undefined ? undefined : await findIdentity(context, ref);
  if (!identity && !account.hasAccessKey)
    throw new AppError(
      'invalid_input',
      `${account.name} has no access key stored: give --identity ID to mint through an Entra identity with a role on it.`,
    );
  return {
    account,
    identity,
    via: identity ? { identityId: identity.id } : 'accessKey',
    scopes: [...new Set(named)] as AcsScope[],
    minutes,
    port,
    origin,
  };
}

function wholeNumber(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  return /^\d{1,6}$/.test(text.trim()) ? Number(text) : undefined;
}

/**
 * Tokens through the core, as `azcred token acs` mints them, held in this process's memory only
 * (keep: false). The value is read from the tokens service, not through `tokens.reveal`: the server
 * records each token it serves (to whom), and a reveal would record it a second time as shown.
 */
function minterFor(context: CommandContext, accountId: string, via: AcsVia, minutes: number): AcsTokenMinter {
  const served = async (token: TokenView, communicationUserId: string): Promise<ServedToken> => ({
    token: (await context.core().tokens.reveal(token.id)).value,
    expiresOn: token.expiresAt,
    communicationUserId,
    tokenId: token.id,
  });
  return {
    async forNewUser(scopes, label) {
      const minted = await context.call('tokens.mintAcs', { accountId, newIdentity: { label }, scopes, minutes, via, keep: false });
      return served(minted.token, minted.acsIdentity.communicationUserId);
    },
    async forUser(communicationUserId, scopes) {
      const known = (await context.call('acsIdentities.list', { accountId })).find((i) => i.communicationUserId === communicationUserId);
      if (!known)
        throw new AppError(
          'not_found',
          'No ACS identity with that id was created through this app for this resource: get a new one from /token.',
        );
      const minted = await context.call('tokens.mintAcs', { accountId, acsIdentityId: known.id, scopes, minutes, via, keep: false });
      return served(minted.token, communicationUserId);
    },
  };
}
