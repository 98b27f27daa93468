import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import { CloudsStore } from './clouds-store.ts';

let folder: string;
let emulator: RunningEmulator;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-clouds-'));
  // A CA of its own, which the test run's NODE_EXTRA_CA_CERTS does not hold.
  emulator = await startEmulator({ caFolder: path.join(folder, 'ca') });
});
afterAll(async () => {
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

describe('cloud profiles', () => {
  it('lists the built-in clouds, then a saved custom profile beside them, across instances, in a file only its owner can read', async () => {
    const previous = process.umask(0);
    try {
      const store = new CloudsStore(path.join(folder, 'a'));
      expect(store.list().map((c) => c.name)).toEqual(['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment']);
      await store.save(emulator.cloudProfile);
    } finally {
      process.umask(previous);
    }
    const again = new CloudsStore(path.join(folder, 'a'));
    expect(again.get('azureemulator')).toMatchObject({ name: 'AzureEmulator', builtIn: false, authorityHost: emulator.urls.entra });
    expect((await stat(path.join(folder, 'a', 'clouds.json'))).mode & 0o777).toBe(0o600);
  });

  it('refuses a bad profile and a built-in name with field errors, and changes nothing', async () => {
    const store = new CloudsStore(path.join(folder, 'c'));
    await expect(store.save({ ...emulator.cloudProfile, authorityHost: 'http://login.example' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'authorityHost' })],
    });
    await expect(store.save({ ...emulator.cloudProfile, name: 'AzureCloud' })).rejects.toMatchObject({ code: 'conflict' });
    expect(store.list()).toHaveLength(3);
  });

  it("replaces the public client of a built-in cloud with the user's own registration, and removes custom profiles only", async () => {
    const store = new CloudsStore(path.join(folder, 'd'));
    await store.setPublicClient('AzureCloud', { clientId: 'f6051c27-8092-43a4-bfe0-000000000001', tenant: 'contoso.onmicrosoft.com' });
    expect(store.get('AzureCloud').publicClient).toEqual({
      clientId: 'f6051c27-8092-43a4-bfe0-000000000001',
      tenant: 'contoso.onmicrosoft.com',
    });
    await expect(store.setPublicClient('AzureCloud', { clientId: 'not-a-guid', tenant: 'x' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(store.remove('AzureCloud')).rejects.toMatchObject({ code: 'invalid_input' });
    await store.save(emulator.cloudProfile);
    await store.remove('AzureEmulator');
    expect(() => store.get('AzureEmulator')).toThrow(expect.objectContaining({ code: 'not_found' }));
    const file = await readFile(path.join(folder, 'd', 'clouds.json'), 'utf8');
    expect(JSON.parse(file)).toMatchObject({ custom: [] });
  });

  it('refuses to change a clouds.json that is not JSON, and leaves it as it is', async () => {
    const store = new CloudsStore(path.join(folder, 'f'));
    await store.save(emulator.cloudProfile);
    const file = path.join(folder, 'f', 'clouds.json');
    await writeFile(file, '{"custom": [');
    await expect(store.save({ ...emulator.cloudProfile, name: 'Other' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('clouds.json in the data folder is damaged'),
    });
    expect(await readFile(file, 'utf8')).toBe('{"custom": [');
  });
});
