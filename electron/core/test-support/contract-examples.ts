import type { MethodName } from '../../../shared/contract.ts';

/** What the fuzzed data folder holds, so each method's example names things that exist. */
export interface SeededFolder {
  dataFolder: string;
  /** A folder outside the data folder where exports may go; it holds `existing.txt` and `data-link` (a symlink to the data folder). */
  exportFolder: string;
  cloud: string;
  arrAccountId: string;
  acsAccountId: string;
  acsEndpoint: string;
  identityId: string;
  tenantId: string;
  tokenId: string;
  acsIdentityId: string;
}

const someUuid = '3f0c2a9e-6b1d-4c8e-9a7f-5d2e1b0c4a96';
/** Keys the examples carry: an error must never quote them. */
export const exampleSecrets = [
  'bm90LWEtcmVhbC1rZXktYnV0LWJhc2U2NC1sb25nLWVub3VnaA==',
  'YW5vdGhlci1ub3QtcmVhbC1rZXktYnV0LWJhc2U2NC0xMjM0NTY=',
  'fuzz-client-secret-value',
  'a passphrase long enough',
];
const otherUuid = '9b2e4c1d-7a3f-4e6b-8c5d-1f0a2b3c4d5e';
/** A Teams user's Entra token as a user pastes it: a JWT whose appid and oid are the example's app ID and user ID, expiring in 2100. */
const pastedTeamsToken = [
  { alg: 'RS256', typ: 'JWT' },
  { aud: 'https://auth.msft.communication.azure.com', appid: someUuid, oid: otherUuid, exp: 4_102_444_800 },
  'not-a-signature',
]
  .map((part) => Buffer.from(typeof part === 'string' ? part : JSON.stringify(part)).toString('base64url'))
  .join('.');
const arrKey = 'bm90LWEtcmVhbC1rZXktYnV0LWJhc2U2NC1sb25nLWVub3VnaA==';
const acsKey = 'YW5vdGhlci1ub3QtcmVhbC1rZXktYnV0LWJhc2U2NC0xMjM0NTY=';

/**
 * A valid input (or two) per contract method, naming what the seeded folder holds, so that each
 * mutation is a near miss that gets past a shallow check. The mapped type makes a method added to
 * the contract without an example a type error; the fuzz test also compares the keys at run time.
 */
export function contractExamples(seed: SeededFolder): { [M in MethodName]: [unknown, ...unknown[]] } {
  const { cloud, arrAccountId: arr, acsAccountId: acs, identityId, tokenId, acsIdentityId, exportFolder } = seed;
  const profile = {
    name: 'FuzzCloud',
    displayName: 'Fuzz cloud',
    authorityHost: 'https://127.0.0.1:9',
    armEndpoint: 'https://127.0.0.1:9',
    armScope: 'https://management.azure.com/.default',
    graphScope: 'https://graph.microsoft.com/.default',
    mixedReality: {
      stsEndpoint: 'https://127.0.0.1:9/sts',
      arrEndpoint: 'https://127.0.0.1:9/{region}',
      stsScope: 'https://sts.{accountDomain}/.default',
    },
    communication: { scope: 'https://communication.azure.com//.default' },
    publicClient: { clientId: someUuid, tenant: 'organizations' },
  };
  const exportDocument = {
    format: 'azcred.accounts',
    version: 1,
    accounts: [{ kind: 'arr', name: 'imported', accountId: someUuid, accountDomain: 'eastus.mixedreality.azure.com', primaryKey: arrKey }],
  };
  return {
    'app.info': [{}],
    'calls.cancel': [{ operationId: someUuid }],
    'clouds.list': [{}],
    'clouds.import': [{ text: JSON.stringify(profile) }],
    'clouds.remove': [{ name: cloud }],
    'clouds.setPublicClient': [{ name: cloud, publicClient: { clientId: someUuid, tenant: 'contoso.onmicrosoft.com' } }],
    'clouds.registerApp': [{ name: cloud, identityId }],
    'settings.get': [{}],
    'settings.update': [{ theme: 'dark', clipboardClearSeconds: 45, defaultCloud: cloud }],
    'vault.status': [{}],
    'vault.open': [{ mode: 'keychain' }, { mode: 'passphrase', passphrase: 'a passphrase long enough' }],
    'vault.backups': [{}],
    'vault.restore': [{}, { name: 'vault-2025-01-02T03-04-05-678Z-0a1b2c.bin' }],
    'vault.acknowledgeQuarantine': [{}],
    'vault.startNew': [{ passphrase: 'a passphrase long enough', confirm: true }],
    'accounts.list': [{}],
    'accounts.add': [
      {
        kind: 'arr',
        name: 'fuzz-arr',
        accountId: someUuid,
        accountDomain: 'westeurope.mixedreality.azure.com',
        cloud,
        primaryKey: arrKey,
        tags: ['fuzz'],
        notes: 'n',
      },
      { kind: 'acs', name: 'fuzz-acs', connectionString: `endpoint=https://fuzz.communication.azure.com/;accesskey=${acsKey}`, cloud },
    ],
    'accounts.update': [
      { id: arr, changes: { kind: 'arr', name: 'renamed', primaryKey: arrKey, secondaryKey: null, tags: ['a'] } },
      { id: acs, changes: { kind: 'acs', endpoint: 'https://fuzz.communication.azure.com', removeAccessKey: false } },
    ],
    'accounts.delete': [{ id: arr }],
    'accounts.reveal': [
      { id: arr, secret: 'primaryKey' },
      { id: acs, secret: 'connectionString', purpose: 'copy' },
    ],
    'accounts.copy': [{ id: acs, secret: 'connectionString' }],
    'accounts.import': [
      { text: `endpoint=https://fuzz.communication.azure.com/;accesskey=${acsKey}`, fileName: 'contoso.env', cloud, dryRun: true },
      { text: JSON.stringify(exportDocument), fileName: 'accounts.json', only: [0], dryRun: false },
    ],
    'accounts.export': [
      { ids: [arr], path: `${exportFolder}/accounts.json`, includeSecrets: true, passphrase: 'a passphrase long enough', overwrite: false },
    ],
    'identities.list': [{}],
    'identities.signIn': [{ method: 'device-code', cloud, tenant: 'organizations', loginHint: 'adele@contoso.example' }],
    'identities.waitSignIn': [{ operationId: someUuid, waitSeconds: 0 }],
    'identities.addServicePrincipal': [
      { cloud, tenant: seed.tenantId, clientId: someUuid, name: 'fuzz-sp', clientSecret: 'fuzz-client-secret-value' },
    ],
    'identities.signOut': [{ id: identityId }],
    'tokens.list': [{}],
    'tokens.mintArr': [
      { accountId: arr, via: 'primaryKey', keep: false },
      { accountId: arr, via: { identityId }, autoRefresh: true, operationId: someUuid },
    ],
    'tokens.mintAcs': [
      { accountId: acs, acsIdentityId, scopes: ['chat', 'voip'], minutes: 60, via: 'accessKey' },
      { accountId: acs, newIdentity: { label: 'new' }, scopes: ['chat'] },
    ],
    'tokens.mintEntra': [{ identityId, scope: 'https://management.azure.com/.default', keep: true }],
    'tokens.exchangeTeams': [
      { accountId: acs, teamsIdentityId: identityId, via: 'accessKey' },
      { accountId: acs, pasted: { token: pastedTeamsToken, appId: someUuid, userId: otherUuid }, via: 'accessKey', keep: true },
    ],
    'tokens.reveal': [{ id: tokenId }, { id: tokenId, purpose: 'print' }],
    'tokens.copy': [{ id: tokenId }],
    'tokens.claims': [{ id: tokenId }],
    'tokens.revoke': [{ id: tokenId, via: 'accessKey', operationId: someUuid }],
    'tokens.remove': [{ id: tokenId }],
    'tokens.setAutoRefresh': [{ id: tokenId, on: true }],
    'tokens.refresh': [{ id: tokenId }],
    'tokens.keep': [{ id: tokenId, keep: false }],
    'tokens.export': [
      { id: tokenId, format: 'json', path: `${exportFolder}/token.json`, overwrite: false },
      { id: tokenId, format: 'arrconfig', includeAccountKey: true },
      { id: tokenId, format: 'shell', purpose: 'copy' },
    ],
    'acsIdentities.list': [{ accountId: acs }],
    'acsIdentities.create': [{ accountId: acs, label: 'fuzz', via: 'accessKey', token: { scopes: ['chat'], minutes: 60 } }],
    'acsIdentities.revoke': [{ id: acsIdentityId, via: 'accessKey' }],
    'acsIdentities.show': [{ id: acsIdentityId, via: 'accessKey' }],
    'acsIdentities.delete': [{ id: acsIdentityId, via: { identityId } }],
    'arr.testAccount': [{ accountId: arr, via: 'primaryKey', region: 'westeurope' }],
    'acs.signRequest': [{ accountId: acs, method: 'post', url: `${seed.acsEndpoint}/identities?api-version=2023-10-01`, body: '{}' }],
    'credentials.forAcsSdk': [{ accountId: acs, sdk: 'chat', acsIdentityId, minutes: 60 }],
    'credentials.forArr': [{ accountId: arr, want: 'accountKey', via: 'secondaryKey' }],
    'discovery.resources': [{ identityId }],
    'discovery.import': [
      {
        identityId,
        resourceIds: [`/subscriptions/${someUuid}/resourceGroups/rg/providers/Microsoft.MixedReality/remoteRenderingAccounts/fuzz`],
      },
    ],
    'roles.audit': [
      { identityIds: [identityId], accountIds: [arr, acs] },
      { identityIds: [identityId], discovered: true },
    ],
    'roles.lastAudit': [{}],
    'roles.exportReport': [{ format: 'csv', path: `${exportFolder}/roles.csv`, identityIds: [identityId] }],
    'accounts.rotateKey': [{ id: arr, key: 'primary', identityId }],
    'activity.list': [{}, { since: '2026-01-31T09:00:00Z', limit: 50, account: 'renamed', identity: identityId, kind: 'account-key' }],
  };
}

/** Fields whose values are secrets: an error message must never quote them. */
export const secretFields = new Set([
  'primaryKey',
  'secondaryKey',
  'connectionString',
  'clientSecret',
  'certificatePem',
  'passphrase',
  'text',
  'body',
  'token',
]);

/** Fields that name a file the core reads or writes, where path tricks belong. */
export const pathFields = new Set(['path', 'fileName']);
