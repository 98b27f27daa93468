import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInStarted } from '../../../shared/identities.ts';
import { contosoTenantId, defaultScenario, secretServicePrincipal } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import type { Core } from '../core.ts';
import { coreApi, coreValues, testCore } from '../test-support/test-core.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';

let emulator: RunningEmulator;
let folder: string;
let core: Core;

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario() });
  folder = mkdtempSync(path.join(tmpdir(), 'azcred-identities-api-'));
  core = testCore(folder, { keychain: createMemoryKeychain() });
});
afterAll(async () => {
  await core.close();
  await emulator.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('clouds and identities through the contract', () => {
  it("imports the emulator's cloud profile file, and refuses a file that is not one", async () => {
    const imported = await coreValues(core).clouds.import({ text: JSON.stringify(emulator.cloudProfile) });
    expect(imported).toMatchObject({ name: 'AzureEmulator', builtIn: false });
    expect((await coreValues(core).clouds.list()).map((c) => c.name)).toContain('AzureEmulator');
    expect(await coreApi(core).clouds.import({ text: 'endpoint=https://x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'text' }] },
    });
    await coreValues(core).settings.update({ defaultCloud: 'AzureEmulator' });
    await coreValues(core).clouds.import({ text: JSON.stringify({ ...emulator.cloudProfile, name: 'Spare' }) });
    await coreValues(core).settings.update({ defaultCloud: 'Spare' });
    expect(await coreValues(core).clouds.remove({ name: 'spare' })).toEqual({ name: 'Spare' });
    expect(await coreValues(core).settings.get()).toMatchObject({ defaultCloud: 'AzureCloud' });
    expect(await coreApi(core).clouds.import({ text: '{"name":"Half"}' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: expect.arrayContaining([expect.objectContaining({ path: 'authorityHost' })]) },
    });
  });

  it('starts a device-code sign-in in the chosen cloud and can cancel it', async () => {
    const started = await coreValues(core).identities.signIn({ method: 'device-code', cloud: 'AzureEmulator' });
    expect(started).toMatchObject({
      method: 'device-code',
      userCode: expect.any(String),
      verificationUri: expect.stringContaining(emulator.urls.entra),
    });
    expect(await coreApi(core).identities.waitSignIn({ operationId: started.operationId, waitSeconds: 0 })).toEqual({
      ok: true,
      value: { state: 'pending' },
    });
    await coreValues(core).calls.cancel({ operationId: started.operationId });
    expect(await coreApi(core).identities.waitSignIn({ operationId: started.operationId, waitSeconds: 5 })).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
  });

  it("signs users in with the cloud's client ID from Settings, and names one the tenant does not know", async () => {
    const unknown = { clientId: '0badc0de-1111-4222-8333-444444444444', tenant: 'organizations' };
    await coreValues(core).clouds.setPublicClient({ name: 'AzureEmulator', publicClient: unknown });
    try {
      expect(await coreApi(core).identities.signIn({ method: 'device-code', cloud: 'AzureEmulator' })).toMatchObject({
        ok: false,
        error: {
          code: 'sign_in_required',
          message: expect.stringMatching(/client ID 0badc0de-1111-4222-8333-444444444444 is not known.*AADSTS700016/),
        },
      });
      const started = await coreApi(core).identities.signIn({ method: 'interactive', cloud: 'AzureEmulator' });
      const authUrl = started.ok ? (started.value as SignInStarted).authUrl : '';
      expect(new URL(authUrl ?? '').searchParams.get('client_id')).toBe(unknown.clientId);
      if (started.ok) await coreValues(core).calls.cancel({ operationId: (started.value as SignInStarted).operationId });
    } finally {
      await coreValues(core).clouds.setPublicClient({ name: 'AzureEmulator', publicClient: emulator.cloudProfile.publicClient });
    }
    const again = await coreValues(core).identities.signIn({ method: 'device-code', cloud: 'AzureEmulator' });
    expect(again.userCode).toEqual(expect.any(String));
    await coreValues(core).calls.cancel({ operationId: again.operationId });
  });

  it('adds a service principal and signs it out, and words bad input by field', async () => {
    const added = await coreValues(core).identities.addServicePrincipal({
      cloud: 'AzureEmulator',
      tenant: contosoTenantId,
      clientId: secretServicePrincipal.appId,
      clientSecret: secretServicePrincipal.secret,
    });
    expect(await coreValues(core).identities.list()).toEqual([added]);
    expect(JSON.stringify(added)).not.toContain(secretServicePrincipal.secret);

    const bad = await coreApi(core).identities.addServicePrincipal({
      cloud: 'AzureEmulator',
      tenant: 'not a tenant',
      clientId: 'abc',
      clientSecret: 's',
      certificatePem: 'p',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const paths = bad.ok ? [] : (bad.error.issues ?? []).map((i) => i.path).sort();
    expect(paths).toEqual(['clientId', 'clientSecret', 'tenant']);
    expect(await coreApi(core).identities.signIn({ method: 'interactive', cloud: 'Nowhere' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('Nowhere') },
    });

    await coreValues(core).identities.signOut({ id: added.id });
    expect(await coreValues(core).identities.list()).toEqual([]);
    expect(await coreApi(core).identities.signOut({ id: added.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const vault = await core.vault.require();
    expect(vault.names('identity/')).toEqual([]);
  });
});
