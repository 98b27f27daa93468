import type { z } from 'zod';
import { fillMixedRealityPattern, mixedRealityRegionOf } from '../../../shared/clouds.ts';
import type { AccountSecret } from '../../../shared/accounts.ts';
import type {
  AcsSdk,
  CredentialForJob,
  CredentialSecret,
  credentialsForAcsSdkSchema,
  credentialsForArrSchema,
} from '../../../shared/credentials-for-job.ts';
import { regionDomain } from '../../../shared/mixed-reality-domain.ts';
import type { AcsScope, TokenView } from '../../../shared/tokens.ts';
import type { AccountRecord } from '../accounts/account-record.ts';
import { createAcsIdentity, issueAcsToken } from './acs-tokens.ts';
import { mintArrToken } from './arr-tokens.ts';
import { mintEntraToken } from './entra-tokens.ts';
import type { NewToken } from './token-registry.ts';
import { acsResource, arrAccount } from './token-sources.ts';
import type { TokensContext } from './tokens-context.ts';

/**
 * "The right credential for the job" in one step: the kind the chosen SDK takes, minted (and
 * listed on the Tokens page) when it is a token. The answer names the key or token, never its value:
 * the page reveals or copies it as it does any other, when the user asks. ACS's table of which SDK
 * takes what: https://learn.microsoft.com/azure/communication-services/concepts/authentication
 */

type AcsInput = z.output<typeof credentialsForAcsSdkSchema>;
type ArrInput = z.output<typeof credentialsForArrSchema>;

const acsPackages: Record<AcsSdk, { pkg: string; client: string; name: string }> = {
  identity: { pkg: '@azure/communication-identity', client: 'CommunicationIdentityClient', name: 'Identity' },
  sms: { pkg: '@azure/communication-sms', client: 'SmsClient', name: 'SMS' },
  phoneNumbers: { pkg: '@azure/communication-phone-numbers', client: 'PhoneNumbersClient', name: 'Phone Numbers' },
  calling: { pkg: '@azure/communication-calling', client: 'CallClient', name: 'Calling' },
  chat: { pkg: '@azure/communication-chat', client: 'ChatClient', name: 'Chat' },
};

export async function credentialForAcsSdk(ctx: TokensContext, input: AcsInput, signal?: AbortSignal): Promise<CredentialForJob> {
  const { record, profile } = await acsResource(ctx, input.accountId);
  const sdk = acsPackages[input.sdk];
  const endpoint = record.endpoint;
  if (input.sdk === 'calling' || input.sdk === 'chat') {
    const scopes: AcsScope[] = input.sdk === 'chat' ? ['chat'] : ['voip'];
    const minted = input.acsIdentityId
      ? {
          token: await issueAcsToken(
            ctx,
            { accountId: input.accountId, acsIdentityId: input.acsIdentityId, scopes, minutes: input.minutes, via: input.via },
            signal,
          ),
        }
      : await createAcsIdentity(
          ctx,
          { accountId: input.accountId, label: `${sdk.name} user`, via: input.via, token: { scopes, minutes: input.minutes } },
          signal,
        );
    const token = await register(ctx, minted.token);
    const subject = token.source.subject;
    const user = subject?.kind === 'acs-identity' ? subject.communicationUserId : '';
    const snippet =
      input.sdk === 'chat'
        ? `import { ChatClient } from '${sdk.pkg}';\nimport { AzureCommunicationTokenCredential } from ` +
          `'@azure/communication-common';\n\nconst chat = new ChatClient('${endpoint}', new ` +
          `AzureCommunicationTokenCredential(process.env.ACS_USER_TOKEN));`
        : `import { CallClient } from '${sdk.pkg}';\nimport { AzureCommunicationTokenCredential } from ` +
          `'@azure/communication-common';\n\nconst callAgent = await new CallClient().createCallAgent(new ` +
          `AzureCommunicationTokenCredential(process.env.ACS_USER_TOKEN));`;
    return {
      kind: 'user-token',
      explanation:
        `${sdk.name} takes a user access token (scope ${scopes.join(', ')}), never the access key: it runs on the user's device. ` +
        `This one is for ${user}.`,
      secret: { kind: 'token', token },
      settings: { endpoint, communicationUserId: user },
      snippet,
    };
  }
  if (input.via === 'accessKey') {
    return {
      kind: 'connection-string',
      explanation:
        `${sdk.name} takes the connection string (endpoint and access key). It grants full access to the resource: keep it on a ` +
        `server, never in a client app.`,
      secret: await accountSecret(ctx, record, 'connectionString'),
      settings: { endpoint },
      snippet: `import { ${sdk.client} } from '${sdk.pkg}';\n\nconst client = new ${sdk.client}(process.env.ACS_CONNECTION_STRING);`,
    };
  }
  const token = await register(ctx, await mintEntraToken(ctx, input.via.identityId, profile.communication.scope));
  return {
    kind: 'entra-token',
    explanation:
      `${sdk.name} takes an Entra token for ${profile.communication.scope} with the resource's endpoint; the identity needs a ` +
      `role on the resource. In an app, pass a TokenCredential (DefaultAzureCredential) rather than a fixed token.`,
    secret: { kind: 'token', token },
    settings: { endpoint },
    snippet:
      `import { ${sdk.client} } from '${sdk.pkg}';\n\nconst credential = { getToken: async () => ({ token: ` +
      `process.env.AZURE_ACCESS_TOKEN, expiresOnTimestamp: Date.parse('${token.expiresAt}') }) };\nconst client = new ` +
      `${sdk.client}('${endpoint}', credential);`,
  };
}

export async function credentialForArr(ctx: TokensContext, input: ArrInput, signal?: AbortSignal): Promise<CredentialForJob> {
  const { record, profile } = await arrAccount(ctx, input.accountId);
  const region = mixedRealityRegionOf(record.accountDomain);
  const settings = {
    accountId: record.accountId,
    accountDomain: record.accountDomain,
    remoteRenderingDomain: regionDomain(region ?? '<region>'),
  };
  const init = (field: string, variable: string) =>
    `var init = new RemoteRenderingInitialization\n{\n    AccountId = "${settings.accountId}",\n    AccountDomain = ` +
    `"${settings.accountDomain}",\n    RemoteRenderingDomain = "${settings.remoteRenderingDomain}",\n    ${field} = ` +
    `Environment.GetEnvironmentVariable("${variable}"),\n};`;
  if (input.want === 'accountKey') {
    return {
      kind: 'account-key',
      explanation:
        'The account key: the ARR SDK takes it as AccountKey with the account ID and domain, and exchanges it at the STS ' +
        'itself. It grants full access to the account: for development only, never in a shipped app.',
      secret: await accountSecret(ctx, record, input.via === 'secondaryKey' ? 'secondaryKey' : 'primaryKey'),
      settings,
      snippet: init('AccountKey', 'ARR_ACCOUNT_KEY'),
    };
  }
  if (input.want === 'authenticationToken') {
    const token = await register(
      ctx,
      await mintEntraToken(ctx, input.via.identityId, fillMixedRealityPattern(profile.mixedReality.stsScope, record.accountDomain)),
    );
    return {
      kind: 'entra-token',
      explanation:
        'An Entra AuthenticationToken for the STS: the ARR SDK exchanges it for an access token itself. The identity needs ' +
        'Remote Rendering Client or Administrator on the account.',
      secret: { kind: 'token', token },
      settings,
      snippet: init('AuthenticationToken', 'ARR_AUTHENTICATION_TOKEN'),
    };
  }
  const token = await register(ctx, await mintArrToken(ctx, input.accountId, input.via, signal));
  return {
    kind: 'sts-token',
    explanation:
      'An STS AccessToken, ready to use: the SDK takes it as AccessToken, and the session REST API as its Bearer token. It ' +
      'lasts 24 hours and cannot be revoked.',
    secret: { kind: 'token', token },
    settings,
    snippet: init('AccessToken', 'ARR_ACCESS_TOKEN'),
  };
}

/** The account's key by reference; read once here so that a key the account lacks, or a locked vault, is refused now rather than at
 * Reveal. */
async function accountSecret(ctx: TokensContext, record: AccountRecord, secret: AccountSecret): Promise<CredentialSecret> {
  await ctx.accounts.readSecret(record, secret);
  return { kind: 'account', accountId: record.id, secret };
}

function register(ctx: TokensContext, token: NewToken): Promise<TokenView> {
  return ctx.registry.add(token, { keep: false, autoRefresh: false });
}
