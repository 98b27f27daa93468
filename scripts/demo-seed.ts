/**
 * The demo's sample data, written through the core's own `dispatch` (the path the UI takes) against
 * the project's Azure emulator: the emulator's cloud profile as the default cloud, ARR accounts and
 * ACS resources with the scenario's keys, a service principal and a user signed in, a few tokens,
 * and a role audit. `npm run demo` and `npm run screenshots` both use it.
 *
 * Running it again on the same data folder (the next `npm run demo`, whose emulator has new ports
 * and new signing keys, and has forgotten every sign-in and ACS identity) repairs instead of
 * adding: the cloud profile, the ACS endpoints and the keys are set to the running emulator's, and
 * what the last emulator issued (tokens, sign-ins, ACS identities) is replaced by fresh ones.
 */
import type { AccountView } from '../shared/accounts.ts';
import type { IdentityView } from '../shared/identities.ts';
import type { RoleAuditReport } from '../shared/roles.ts';
import type { TokenView } from '../shared/tokens.ts';
import { startEmulator, type RunningEmulator } from '../e2e/azure-emulator/server.ts';
import { contosoTenantId, defaultScenario, enterDeviceCode, secretServicePrincipal } from '../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { ContractCall } from './contract-call.ts';

/** The emulator the demo talks to: the default scenario, polled for device codes every second instead of five. */
export function startDemoEmulator(caFolder?: string): Promise<RunningEmulator> {
  return startEmulator({ scenario: defaultScenario({ deviceCodeIntervalSeconds: 1 }), ...(caFolder && { caFolder, stateDir: caFolder }) });
}

const cloud = 'AzureEmulator';
/** The users the demo signs in with a device code, as a user would on the emulator's page: one in each tenant. */
export const demoUserNames = ['adele.vance@contoso.onmicrosoft.com', 'nestor.wilke@fabrikam.onmicrosoft.com'] as const;
const servicePrincipalName = 'Render pipeline';

/** The demo's accounts by name, each from one resource of the emulator's scenario. */
const arrAccounts = [
  {
    name: 'Showroom',
    resource: 'contoso-arr-westeurope',
    tags: ['demo', 'showroom'],
    notes: 'Adele renders here (Remote Rendering Administrator).',
  },
  {
    name: 'Design review',
    resource: 'contoso-arr-eastus',
    tags: ['demo', 'review'],
    notes: 'The render pipeline service principal is a Remote Rendering Client here.',
  },
  {
    name: 'Fabrikam prototypes',
    resource: 'fabrikam-arr',
    tags: ['partner'],
    notes: "In Fabrikam's tenant: Nestor administers it, Contoso's identities hold no role on it.",
  },
] as const;
const acsWithKey = { name: 'Support chat', resource: 'contoso-acs-chat', tags: ['demo', 'chat'] } as const;
const acsEntraOnly = { name: 'Field calls', resource: 'contoso-acs-calls', tags: ['demo', 'calls', 'entra-only'] } as const;

/** What the seed left in the data folder, for the printout and the tests. */
export interface DemoSeed {
  accounts: AccountView[];
  identities: IdentityView[];
  /** The tokens this run minted (kept in the vault, so the app and the CLI see them). */
  tokens: TokenView[];
  audit: RoleAuditReport;
  /** Identities the user had signed in at the last run's emulator, signed out since it forgot them. */
  forgotten: number;
}

export async function seedDemo(call: ContractCall, emulator: RunningEmulator): Promise<DemoSeed> {
  await call('clouds.import', { text: JSON.stringify(emulator.cloudProfile) });
  await call('settings.update', { defaultCloud: cloud });
  const accounts = await seedAccounts(call, emulator);
  const forgotten = await forgetLastEmulator(call, accounts);
  const servicePrincipal = await call('identities.addServicePrincipal', {
    cloud,
    tenant: contosoTenantId,
    clientId: secretServicePrincipal.appId,
    name: servicePrincipalName,
    clientSecret: secretServicePrincipal.secret,
  });
  const user = await signInUser(call, emulator, demoUserNames[0]);
  await signInUser(call, emulator, demoUserNames[1]);
  await deleteAcsIdentities(call, accounts, servicePrincipal.id);

  const id = (name: string) => accounts.find((a) => a.name === name)?.id ?? '';
  const tokens = [
    await call('tokens.mintArr', { accountId: id('Showroom'), via: 'primaryKey', keep: true, autoRefresh: true }),
    await call('tokens.mintArr', { accountId: id('Showroom'), via: { identityId: user.id }, keep: true }),
    (
      await call('tokens.mintAcs', {
        accountId: id(acsWithKey.name),
        newIdentity: { label: 'Support agent' },
        scopes: ['chat', 'voip'],
        keep: true,
      })
    ).token,
    (
      await call('tokens.mintAcs', {
        accountId: id(acsEntraOnly.name),
        newIdentity: { label: 'Field technician' },
        scopes: ['voip'],
        via: { identityId: servicePrincipal.id },
        keep: true,
      })
    ).token,
    await call('tokens.mintEntra', { identityId: servicePrincipal.id, scope: 'https://management.azure.com/.default', keep: true }),
  ];
  const audit = await call('roles.audit', {});
  return { accounts: await call('accounts.list'), identities: await call('identities.list'), tokens, audit, forgotten };
}

/**
 * The emulator starts afresh on every run: sign-ins, ACS identities and tokens from the last one
 * are dead (their signing keys and refresh tokens are gone). Removes the tokens and signs out the
 * identities of the emulator's cloud; returns how many identities the user had added.
 */
async function forgetLastEmulator(call: ContractCall, accounts: AccountView[]): Promise<number> {
  const identities = (await call('identities.list')).filter((i) => i.cloud === cloud);
  const emulatorAccounts = new Set(accounts.filter((a) => a.cloud === cloud).map((a) => a.id));
  const emulatorIdentities = new Set(identities.map((i) => i.id));
  for (const token of await call('tokens.list')) {
    const { account, via } = token.source;
    if ((account && emulatorAccounts.has(account.id)) || (via.credential === 'entra' && emulatorIdentities.has(via.identityId)))
      await call('tokens.remove', { id: token.id });
  }
  for (const identity of identities) await call('identities.signOut', { id: identity.id });
  return identities.filter(
    (i) =>
      !(i.kind === 'service-principal' && i.clientId === secretServicePrincipal.appId) &&
      !demoUserNames.some((name) => name === i.username),
  ).length;
}

/** Deletes the ACS identities remembered on the emulator's resources: the restarted emulator does not know them, so each is only
 * forgotten. */
async function deleteAcsIdentities(call: ContractCall, accounts: AccountView[], servicePrincipalId: string): Promise<void> {
  for (const identity of await call('acsIdentities.list', {})) {
    const account = accounts.find((a) => a.id === identity.accountId);
    if (account?.kind !== 'acs' || account.cloud !== cloud) continue;
    await call('acsIdentities.delete', { id: identity.id, via: account.hasAccessKey ? 'accessKey' : { identityId: servicePrincipalId } });
  }
}

/** Adds the demo accounts that are missing and points the ones present at the running emulator. */
async function seedAccounts(call: ContractCall, emulator: RunningEmulator): Promise<AccountView[]> {
  const existing = await call('accounts.list');
  const find = (name: string) => existing.find((a) => a.name === name);
  for (const { name, resource, tags, notes } of arrAccounts) {
    const arr = emulator.scenario.remoteRenderingAccounts.find((a) => a.name === resource);
    if (!arr) throw new Error(`The emulator's scenario has no Remote Rendering account ${resource}`);
    const keys = { primaryKey: arr.primaryKey, secondaryKey: arr.secondaryKey };
    const account = find(name);
    if (!account) {
      await call('accounts.add', {
        kind: 'arr',
        name,
        accountId: arr.accountId,
        accountDomain: arr.accountDomain,
        cloud,
        ...keys,
        tags: [...tags],
        notes,
      });
    } else if (
      account.kind !== 'arr' ||
      !account.hasPrimaryKey ||
      (await call('accounts.reveal', { id: account.id, secret: 'primaryKey' })).value !== arr.primaryKey
    ) {
      // A key rotated in the last demo: this emulator started again from the scenario's keys.
      await call('accounts.update', { id: account.id, changes: { kind: 'arr', ...keys } });
    }
  }
  const chat = find(acsWithKey.name);
  const connectionString = emulator.acsConnectionString(acsWithKey.resource);
  const chatEndpoint = `${emulator.urls.acs[acsWithKey.resource] ?? ''}/`;
  const chatKey = emulator.scenario.communicationServices.find((r) => r.name === acsWithKey.resource)?.primaryKey;
  if (!chat) await call('accounts.add', { kind: 'acs', name: acsWithKey.name, connectionString, cloud, tags: [...acsWithKey.tags] });
  else if (
    chat.kind !== 'acs' ||
    chat.endpoint !== chatEndpoint ||
    !chat.hasAccessKey ||
    (await call('accounts.reveal', { id: chat.id, secret: 'accessKey' })).value !== chatKey
  ) {
    await call('accounts.update', { id: chat.id, changes: { kind: 'acs', connectionString } });
  }
  const calls = find(acsEntraOnly.name);
  const callsEndpoint = `${emulator.urls.acs[acsEntraOnly.resource] ?? ''}/`;
  if (!calls)
    await call('accounts.add', { kind: 'acs', name: acsEntraOnly.name, endpoint: callsEndpoint, cloud, tags: [...acsEntraOnly.tags] });
  else if (calls.kind !== 'acs' || calls.endpoint !== callsEndpoint)
    await call('accounts.update', { id: calls.id, changes: { kind: 'acs', endpoint: callsEndpoint } });
  return call('accounts.list');
}

/** Signs the demo user in with a device code, entering it on the emulator's page as the user would; the core keeps one identity per
 * user. */
async function signInUser(call: ContractCall, emulator: RunningEmulator, userName: string): Promise<IdentityView> {
  const tenant = userName.split('@')[1] ?? 'organizations';
  const started = await call('identities.signIn', { method: 'device-code', cloud, tenant, loginHint: userName });
  await enterDeviceCode(emulator, started.verificationUri ?? '', started.userCode ?? '', userName);
  for (let attempt = 0; attempt < 6; attempt++) {
    const progress = await call('identities.waitSignIn', { operationId: started.operationId, waitSeconds: 10 });
    if (progress.state === 'done') return progress.identity;
  }
  throw new Error(`${userName} was not signed in within a minute`);
}
