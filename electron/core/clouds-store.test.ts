import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { get } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { CloudsStore, trustCloudCertificates } from './clouds-store.ts';

let folder: string;
let emulator: RunningEmulator;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-clouds-'));
  // A CA of its own, which the test run's NODE_EXTRA_CA_CERTS does not hold.
  emulator = await startEmulator({ caFolder: path.join(folder, 'ca') });
});
afterAll(async () => {
  trustCloudCertificates([]);
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

describe('cloud profiles', () => {
  it('lists the built-in clouds, then a saved custom profile beside them, across instances', () => {
    const store = new CloudsStore(path.join(folder, 'a'));
    expect(store.list().map((c) => c.name)).toEqual(['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment']);
    store.save(emulator.cloudProfile);
    const again = new CloudsStore(path.join(folder, 'a'));
    expect(again.get('azureemulator')).toMatchObject({ name: 'AzureEmulator', builtIn: false, authorityHost: emulator.urls.entra });
  });

  it('trusts the profile\'s CA for fetch only once the profile is saved', async () => {
    trustCloudCertificates([]);
    await expect(fetch(`${emulator.urls.entra}/organizations/v2.0/.well-known/openid-configuration`)).rejects.toThrow();
    new CloudsStore(path.join(folder, 'b')).save(emulator.cloudProfile);
    const response = await fetch(`${emulator.urls.entra}/organizations/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
  });

  it('stops trusting the CA of a profile once it is removed', async () => {
    const store = new CloudsStore(path.join(folder, 'e'));
    store.save(emulator.cloudProfile);
    await expect(newConnection(emulator.urls.entra)).resolves.toBe(404);
    store.remove('AzureEmulator');
    await expect(newConnection(emulator.urls.entra)).rejects.toThrow();
  });

  it('refuses a bad profile and a built-in name with field errors, and changes nothing', async () => {
    const store = new CloudsStore(path.join(folder, 'c'));
    expect(() => store.save({ ...emulator.cloudProfile, authorityHost: 'http://login.example' })).toThrow(expect.objectContaining({ code: 'invalid_input', issues: [expect.objectContaining({ path: 'authorityHost' })] }));
    expect(() => store.save({ ...emulator.cloudProfile, name: 'AzureCloud' })).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(store.list()).toHaveLength(3);
  });

  it('replaces the public client of a built-in cloud with the user\'s own registration, and removes custom profiles only', async () => {
    const store = new CloudsStore(path.join(folder, 'd'));
    store.setPublicClient('AzureCloud', { clientId: 'f6051c27-8092-43a4-bfe0-000000000001', tenant: 'contoso.onmicrosoft.com' });
    expect(store.get('AzureCloud').publicClient).toEqual({ clientId: 'f6051c27-8092-43a4-bfe0-000000000001', tenant: 'contoso.onmicrosoft.com' });
    expect(() => store.setPublicClient('AzureCloud', { clientId: 'not-a-guid', tenant: 'x' })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => store.remove('AzureCloud')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    store.save(emulator.cloudProfile);
    store.remove('AzureEmulator');
    expect(() => store.get('AzureEmulator')).toThrow(expect.objectContaining({ code: 'not_found' }));
    const file = await readFile(path.join(folder, 'd', 'clouds.json'), 'utf8');
    expect(JSON.parse(file)).toMatchObject({ custom: [] });
  });
});

/** The status of a GET over a TLS connection of its own (fetch would reuse a pooled one, trusted earlier). */
function newConnection(url: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', reject);
  });
}
