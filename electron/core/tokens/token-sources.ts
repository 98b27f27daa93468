import { AppError } from '../../../shared/errors.ts';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import type { TokenSource } from '../../../shared/tokens.ts';
import type { AccountRecord } from '../accounts/account-record.ts';
import type { AccountsStore } from '../accounts/accounts-store.ts';
import type { CloudsStore } from '../azure/clouds-store.ts';
import type { EntraService, EntraToken } from '../entra/entra-service.ts';
import { whoIs, type IdentityRecord } from '../entra/identity-record.ts';

/**
 * Finds what pays for a token, and checks it fits: the account is of the right kind, the identity
 * signs in to the account's cloud. Messages name the account and identity as the user named them.
 */

export type ArrRecord = Extract<AccountRecord, { kind: 'arr' }>;
export type AcsRecord = Extract<AccountRecord, { kind: 'acs' }>;

export interface Sources {
  accounts: AccountsStore;
  clouds: CloudsStore;
  entra: EntraService;
}

export async function arrAccount(sources: Sources, id: string): Promise<{ record: ArrRecord; profile: CloudProfileView }> {
  const [record] = await sources.accounts.records([id]);
  if (record?.kind !== 'arr') throw wrongKind(record?.name ?? 'That account', 'a Remote Rendering account');
  return { record, profile: sources.clouds.get(record.cloud) };
}

export async function acsResource(sources: Sources, id: string): Promise<{ record: AcsRecord; profile: CloudProfileView }> {
  const [record] = await sources.accounts.records([id]);
  if (record?.kind !== 'acs') throw wrongKind(record?.name ?? 'That account', 'a Communication Services resource');
  return { record, profile: sources.clouds.get(record.cloud) };
}

/** The identity, checked to sign in to `cloud` (the account's): a token from another cloud would be refused. */
export async function identityFor(sources: Sources, identityId: string, cloud: string | undefined, path = 'via'): Promise<IdentityRecord> {
  const identity = await sources.entra.record(identityId);
  if (cloud !== undefined && identity.cloud !== cloud) {
    const message = `${whoIs(identity)} signs in to the cloud ${identity.cloud}, but the account is in ${cloud}: use an identity of ${cloud}`;
    throw new AppError('invalid_input', message, [{ path, message }]);
  }
  return identity;
}

/** An Entra token of the identity for `scopes`, with the identity's name for messages. */
export async function entraToken(sources: Sources, identity: IdentityRecord, scopes: string[]): Promise<EntraToken & { who: string }> {
  return { ...(await sources.entra.acquireToken(identity.id, scopes)), who: whoIs(identity) };
}

export function viaEntra(identity: IdentityRecord): TokenSource['via'] {
  return { credential: 'entra', identityId: identity.id, identityName: whoIs(identity) };
}

/** "primary key", "access key", or the identity's name, for titles. */
export function viaLabel(via: TokenSource['via']): string {
  if (via.credential === 'entra') return via.identityName;
  return { primaryKey: 'primary key', secondaryKey: 'secondary key', accessKey: 'access key' }[via.credential];
}

function wrongKind(name: string, expected: string): AppError {
  const message = `${name} is not ${expected}`;
  return new AppError('invalid_input', `${message}: choose ${expected}.`, [{ path: 'accountId', message }]);
}
