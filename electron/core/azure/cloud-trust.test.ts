import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, globalAgent, request, type Agent, type Server } from 'node:https';
import type { LookupFunction } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCertificateAuthority,
  createServerCertificate,
  type CertificateAuthority,
} from '../../../e2e/azure-emulator/certificates.ts';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import { builtInClouds, type CloudProfile } from '../../../shared/clouds.ts';
import { httpsAgentFor } from './cloud-trust.ts';
import { CloudsStore } from './clouds-store.ts';
import { EntraHttpClient } from '../entra/entra-http-client.ts';
import { azureFetch } from './azure-http.ts';

// Every name resolves to loopback here: the tests below never reach a real host.
const loopbackOnly: LookupFunction = (_hostname, options, callback) => {
  if ((options as { all?: boolean }).all)
    (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

let folder: string;
let privateCa: CertificateAuthority;
let emulator: RunningEmulator;
const servers: Server[] = [];
let profilePort: number;
let otherPort: number;

/** A loopback HTTPS server presenting a certificate for login.microsoftonline.com signed by `ca`. */
async function impostor(ca: CertificateAuthority): Promise<number> {
  const certificate = await createServerCertificate(ca, { dns: ['login.microsoftonline.com'], ip: [] });
  const server = createServer({ key: certificate.keyPem, cert: certificate.certPem }, (_req, res) => res.end('impostor'));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** The status of a GET to `url` through `agent`, on a connection of its own (a pooled one was trusted earlier) unless `pooled`. */
function statusOf(url: string, agent: Agent, pooled = false): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    request(url, { agent, lookup: loopbackOnly, headers: pooled ? {} : { connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => setImmediate(() => resolve(res.statusCode)));
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-cloud-trust-'));
  // A private cloud's CA: no name constraints, so only the app's scoping keeps it to its endpoints.
  privateCa = await createCertificateAuthority({ loopbackOnly: false });
  profilePort = await impostor(privateCa);
  otherPort = await impostor(privateCa);
  // An emulator with a CA of its own, which the test run's NODE_EXTRA_CA_CERTS does not hold.
  emulator = await startEmulator({ caFolder: path.join(folder, 'ca') });
});
afterAll(async () => {
  for (const server of servers) server.close();
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

const privateCloud = (): CloudProfile => ({
  ...(builtInClouds[0] as CloudProfile),
  name: 'PrivateCloud',
  displayName: 'A private cloud',
  authorityHost: `https://login.microsoftonline.com:${profilePort}`,
  armEndpoint: 'https://management.private.example',
  trustedCaPem: privateCa.certPem,
});

describe("a cloud profile's CA", () => {
  it("vouches for login.microsoftonline.com only on the profile's own endpoint, and never for another cloud", async () => {
    const store = new CloudsStore(path.join(folder, 'scoped'));
    const profile = await store.save(privateCloud());
    const ownEndpoint = `https://login.microsoftonline.com:${profilePort}/organizations/v2.0/.well-known/openid-configuration`;
    const elsewhere = `https://login.microsoftonline.com:${otherPort}/organizations/v2.0/.well-known/openid-configuration`;
    expect(await statusOf(ownEndpoint, httpsAgentFor(profile, ownEndpoint))).toBe(200);
    // The same host name on a port the profile does not name, from the same profile: the default list only.
    expect(httpsAgentFor(profile, elsewhere)).toBe(globalAgent);
    await expect(statusOf(elsewhere, httpsAgentFor(profile, elsewhere))).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO/),
    });
    // The very endpoint, asked for another cloud (Azure's own sign-in): the default list only.
    const azure = store.get('AzureCloud');
    expect(httpsAgentFor(azure, ownEndpoint)).toBe(globalAgent);
    await expect(statusOf(ownEndpoint, httpsAgentFor(azure, ownEndpoint))).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO/),
    });
    // Node's own list was never changed.
    expect(tls.getCACertificates('default').some((pem) => pem.replace(/\s/g, '') === privateCa.certPem.replace(/\s/g, ''))).toBe(false);
  });

  it('costs a request no more than a plain agent: the pool is named without the CA list, which https.Agent rebuilds per request', async () => {
    const store = new CloudsStore(path.join(folder, 'pool-name'));
    const profile = await store.save({ ...privateCloud(), name: 'PoolNameCloud' });
    const url = `https://login.microsoftonline.com:${profilePort}/`;
    const agent = httpsAgentFor(profile, url);
    expect(agent).not.toBe(globalAgent);
    expect(await statusOf(url, agent, true)).toBe(200);
    // As the agent names a request's pool (its own options under the request's). With the 140-odd
    // default PEMs in the agent's `ca` option this name was over 200,000 characters.
    const poolName = agent.getName({
      ...(agent as Agent & { options: object }).options,
      host: 'login.microsoftonline.com',
      port: profilePort,
    });
    expect(poolName.length).toBeLessThan(1000);
    // The pooled connection is reused by the next request.
    expect(await statusOf(url, agent, true)).toBe(200);
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);
  });

  it('stops being trusted in the same process once the profile is removed, even by a request still holding the profile', async () => {
    const store = new CloudsStore(path.join(folder, 'removed'));
    const profile = await store.save({ ...privateCloud(), name: 'RemovedCloud' });
    const url = `https://login.microsoftonline.com:${profilePort}/`;
    const trusted = httpsAgentFor(profile, url);
    expect(await statusOf(url, trusted, true)).toBe(200);
    expect(Object.keys(trusted.freeSockets)).toHaveLength(1);
    await store.remove(profile.name);
    expect(httpsAgentFor(profile, url)).toBe(globalAgent);
    await expect(statusOf(url, httpsAgentFor(profile, url))).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO/),
    });
    // Its agent was closed with the trust: the connection pooled under the old CA is gone.
    expect(Object.keys(trusted.freeSockets)).toHaveLength(0);
  });

  it("is trusted for the emulator's endpoints by the app's own HTTP and by MSAL's client, only while its profile is saved", async () => {
    const store = new CloudsStore(path.join(folder, 'emulator'));
    const discovery = `${emulator.urls.entra}/organizations/v2.0/.well-known/openid-configuration`;
    const fetchFor = (cloud: CloudProfile) => azureFetch(discovery, {}, new AbortController().signal, cloud);
    // Not saved yet: the profile alone vouches for nothing.
    await expect(fetchFor(emulator.cloudProfile)).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('is not trusted'),
    });
    const profile = await store.save(emulator.cloudProfile);
    expect((await fetchFor(profile)).status).toBe(200);
    const http = new EntraHttpClient(5000);
    expect(await http.forCloud(profile).sendGetRequestAsync(discovery)).toMatchObject({ status: 200 });
    // Another cloud asking the same address trusts Node's list only.
    await expect(fetchFor(store.get('AzureCloud'))).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('is not trusted'),
    });
    await expect(http.forCloud(store.get('AzureCloud')).sendGetRequestAsync(discovery)).rejects.toMatchObject({
      errorCode: 'network_error',
    });
    await store.remove(profile.name);
    await expect(fetchFor(profile)).rejects.toMatchObject({ code: 'network', message: expect.stringContaining('is not trusted') });
  });
});
