import type { AcsSdk, CredentialForJob } from '../../../shared/credentials-for-job.ts';
import type { CopiedSecret } from '../../../shared/accounts.ts';
import type { Result } from '../../../shared/result.ts';
import { api } from '../../api.ts';
import { copyInPage, type CopyHow } from '../../components/secret-clipboard.ts';

/** "The right credential for the job", as the dialog offers it: what each SDK or ARR credential is, in a line. */

export const acsSdkChoices: { sdk: AcsSdk; label: string; takes: string }[] = [
  { sdk: 'identity', label: 'Identity', takes: 'Creates ACS users and their tokens, on your server: takes the connection string or an Entra token.' },
  { sdk: 'sms', label: 'SMS', takes: 'Sends text messages from your server: takes the connection string or an Entra token.' },
  { sdk: 'phoneNumbers', label: 'Phone Numbers', takes: 'Searches for and buys numbers: takes the connection string or an Entra token.' },
  { sdk: 'calling', label: 'Calling', takes: 'Voice and video on the user’s device: takes a user access token (voip), never the key.' },
  { sdk: 'chat', label: 'Chat', takes: 'Chat on the user’s device: takes a user access token (chat), never the key.' },
];

export type ArrWant = 'accountKey' | 'authenticationToken' | 'accessToken';

export const arrChoices: { want: ArrWant; label: string; forWhat: string }[] = [
  { want: 'accountKey', label: 'Account key', forWhat: 'The SDK exchanges it at the STS itself. Full access to the account: for development only.' },
  { want: 'authenticationToken', label: 'Entra AuthenticationToken', forWhat: 'An Entra token for the STS: the SDK exchanges it. For apps that sign users in with Entra ID.' },
  { want: 'accessToken', label: 'STS AccessToken', forWhat: 'Ready to use for 24 hours: a server mints it and hands it to the client app.' },
];

export const isUserSdk = (sdk: AcsSdk) => sdk === 'calling' || sdk === 'chat';

/** Copies the credential by the accounts' rules: in the core for the desktop app (a token by its id, a key from the vault), in the page otherwise. */
export function copyCredential(credential: CredentialForJob, source: { accountId: string; keyName: 'primaryKey' | 'secondaryKey' }, how: CopyHow): Promise<Result<CopiedSecret>> {
  if (!how.coreClipboard) return copyInPage(credential.value, how.clearAfterSeconds);
  if (credential.token) return api.tokens.copy({ id: credential.token.id });
  const secret = credential.kind === 'connection-string' ? 'connectionString' : source.keyName;
  return api.accounts.copy({ id: source.accountId, secret });
}
