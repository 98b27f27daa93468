import { createHash, createHmac, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Agent } from 'node:https';
import { performance } from 'node:perf_hooks';
import type { RunningEmulator } from '../e2e/azure-emulator/server.ts';
import { httpsFetch } from '../electron/core/azure/https-fetch.ts';
import { contractCall } from '../scripts/contract-call.ts';
import { addEmulatorAccounts, benchCore, newDataFolder, type EmulatorAccounts } from './fixtures.ts';
import { pairedCase, type CaseResult } from './report.ts';
import { paired } from './stats.ts';

const acsApiVersion = '2023-10-01';

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function expectOk(response: Response, what: string): Promise<unknown> {
  if (!response.ok) throw new Error(`${what}: the emulator answered ${response.status}.`);
  return response.json();
}

/** The STS exchange by hand: one GET with the account key, as the protocol asks and nothing more. */
async function bareSts(arr: EmulatorAccounts['arr'], agent: Agent): Promise<void> {
  const url = `${arr.stsEndpoint}/Accounts/${arr.accountId}/token?api-version=2019-02-28-preview`;
  const body = (await expectOk(
    await httpsFetch(url, {
      agent,
      headers: {
        Authorization: `Bearer ${arr.accountId}:${arr.primaryKey}`,
        Accept: 'application/json',
        'X-MRC-CV': randomBytes(16).toString('base64').slice(0, 22),
      },
    }),
    'bare STS request',
  )) as { AccessToken?: string };
  if (!body.AccessToken) throw new Error('bare STS request: no AccessToken in the answer.');
}

/** An ACS user token by hand: one HMAC-signed POST to `:issueAccessToken`, as the protocol asks and nothing more. */
async function bareAcs(acs: EmulatorAccounts['acs'], communicationUserId: string, agent: Agent): Promise<void> {
  const url = new URL(`identities/${encodeURIComponent(communicationUserId)}/:issueAccessToken?api-version=${acsApiVersion}`, acs.endpoint);
  const body = JSON.stringify({ scopes: ['chat'], expiresInMinutes: 1440 });
  const date = new Date().toUTCString();
  const hash = createHash('sha256').update(body).digest('base64');
  const signature = createHmac('sha256', Buffer.from(acs.accessKey, 'base64'))
    .update(`POST\n${url.pathname}${url.search}\n${date};${url.host};${hash}`)
    .digest('base64');
  const response = await httpsFetch(url, {
    agent,
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'x-ms-date': date,
      'x-ms-content-sha256': hash,
      Authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
    },
    body,
  });
  const answer = (await expectOk(response, 'bare ACS request')) as { token?: string };
  if (!answer.token) throw new Error('bare ACS request: no token in the answer.');
}

/**
 * The app's STS and ACS token calls against a bare HTTPS request to the same emulator endpoint, in
 * this one process: what the app adds on top of the wire. Two pairs for each service:
 *
 * - the token call as every front door makes it (`tokens.mintArr` / `tokens.mintAcs` through
 *   dispatch: input validation, account, cloud and vault look-ups, the request built, sent under
 *   the retry policy, the answer parsed and checked, the token registered in memory), without
 *   keeping it: held to 1.3x the bare request;
 * - the same call with `keep: true`, as the UI's "Keep across restarts" does it: the token is also
 *   written to the vault and tokens.json (atomically, with fsync, under the lock). That write is a
 *   cost the user asks for, so it is reported with its ratio but held to no target.
 */
export async function measureMinting(emulator: RunningEmulator, runs: number): Promise<CaseResult[]> {
  const home = await newDataFolder('mint');
  const core = benchCore(home);
  // The bare requests trust the emulator's CA through a kept-alive agent of their own, as the app's
  // calls trust a cloud profile's CA through that profile's agent (electron/core/azure/cloud-trust.ts).
  const agent = new Agent({ keepAlive: true, ca: emulator.caPem });
  try {
    const { arr, acs } = await addEmulatorAccounts(core, emulator, 'Showroom');
    const call = contractCall(core);
    const first = await call('tokens.mintAcs', { accountId: acs.id, newIdentity: { label: 'bench' }, scopes: ['chat'] });
    const mintArr = (keep: boolean) => () => timed(() => call('tokens.mintArr', { accountId: arr.id, via: 'primaryKey', keep }));
    const mintAcs = (keep: boolean) => () =>
      timed(() => call('tokens.mintAcs', { accountId: acs.id, acsIdentityId: first.acsIdentity.id, scopes: ['chat'], keep }));
    const sts = () => timed(() => bareSts(arr, agent));
    const acsBare = () => timed(() => bareAcs(acs, first.acsIdentity.communicationUserId, agent));
    const options = { warmup: 5, runs };
    const stsCall = await paired(sts, mintArr(false), options);
    const acsCall = await paired(acsBare, mintAcs(false), options);
    const stsKept = await paired(sts, mintArr(true), options);
    const acsKept = await paired(acsBare, mintAcs(true), options);
    const stsBaseline = 'bare HTTPS GET, same endpoint';
    const acsBaseline = 'bare signed HTTPS POST, same endpoint';
    const kept =
      'The token is also written to the vault and tokens.json (atomic, fsync, under the lock), as "Keep across restarts" asks: ' +
      'a wanted cost, so no target.';
    return [
      pairedCase('mint-sts', 'STS token (`tokens.mintArr`, account key)', stsCall, stsBaseline, { kind: 'ratio', max: 1.3 }),
      pairedCase('mint-acs', 'ACS user token (`tokens.mintAcs`, access key)', acsCall, acsBaseline, { kind: 'ratio', max: 1.3 }),
      pairedCase('mint-sts-kept', 'STS token, kept (`keep: true`)', stsKept, stsBaseline, { kind: 'reported' }, { note: kept }),
      pairedCase('mint-acs-kept', 'ACS user token, kept (`keep: true`)', acsKept, acsBaseline, { kind: 'reported' }, { note: kept }),
    ];
  } finally {
    agent.destroy();
    await core.close();
    await rm(home, { recursive: true, force: true });
  }
}
