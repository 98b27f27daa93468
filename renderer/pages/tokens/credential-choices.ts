import type { CopiedSecret, RevealedSecret } from '../../../shared/accounts.ts';
import type { AcsSdk, CredentialSecret } from '../../../shared/credentials-for-job.ts';
import type { MethodInput } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';
import type { ArrVia } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { copySecret, type CopyHow } from '../../components/secret-clipboard.ts';
import { copyToken } from './token-clipboard.ts';

/** "The right credential for the job", as the dialog offers it: what each SDK or ARR credential is, in a line. */

export const acsSdkChoices: { sdk: AcsSdk; label: string; takes: string }[] = [
  {
    sdk: 'identity',
    label: 'Identity',
    takes: 'Creates ACS users and their tokens, on your server: takes the connection string or an Entra token.',
  },
  { sdk: 'sms', label: 'SMS', takes: 'Sends text messages from your server: takes the connection string or an Entra token.' },
  { sdk: 'phoneNumbers', label: 'Phone Numbers', takes: 'Searches for and buys numbers: takes the connection string or an Entra token.' },
  { sdk: 'calling', label: 'Calling', takes: 'Voice and video on the user’s device: takes a user access token (voip), never the key.' },
  { sdk: 'chat', label: 'Chat', takes: 'Chat on the user’s device: takes a user access token (chat), never the key.' },
];

export type ArrWant = 'accountKey' | 'authenticationToken' | 'accessToken';

/** What to ask credentials.forArr for, or why what pays cannot give it (an account key is a key, an AuthenticationToken an identity's). */
export function arrCredential(accountId: string, want: ArrWant, via: ArrVia): MethodInput<'credentials.forArr'> | string {
  if (want === 'accountKey')
    return typeof via === 'string' ? { accountId, want, via } : 'An account key is the primary or the secondary key';
  if (want === 'authenticationToken')
    return typeof via === 'object' ? { accountId, want, via } : 'An AuthenticationToken comes from an Entra identity: choose one';
  return { accountId, want, via };
}

export const arrChoices: { want: ArrWant; label: string; forWhat: string }[] = [
  {
    want: 'accountKey',
    label: 'Account key',
    forWhat: 'The SDK exchanges it at the STS itself. Full access to the account: for development only.',
  },
  {
    want: 'authenticationToken',
    label: 'Entra AuthenticationToken',
    forWhat: 'An Entra token for the STS: the SDK exchanges it. For apps that sign users in with Entra ID.',
  },
  {
    want: 'accessToken',
    label: 'STS AccessToken',
    forWhat: 'Ready to use for 24 hours: a server mints it and hands it to the client app.',
  },
];

export const isUserSdk = (sdk: AcsSdk) => sdk === 'calling' || sdk === 'chat';

/** Reveals the credential where it lives, as the Accounts and Tokens pages do: the account's key (or connection string), or the minted
 * token. */
export function revealCredential(secret: CredentialSecret): Promise<Result<RevealedSecret>> {
  return secret.kind === 'account'
    ? api.accounts.reveal({ id: secret.accountId, secret: secret.secret })
    : api.tokens.reveal({ id: secret.token.id });
}

/** Copies the credential by the same pages' rules: in the core for the desktop app, in the page otherwise, cleared later either way. */
export function copyCredential(secret: CredentialSecret, how: CopyHow): Promise<Result<CopiedSecret>> {
  return secret.kind === 'account' ? copySecret(secret.accountId, secret.secret, how) : copyToken(secret.token.id, how);
}
