import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contosoTenantId, defaultScenario, secretServicePrincipal } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import { westeuropeAccountId } from './test-support/tokens-fixtures.ts';

// The emulator here makes its own CA, which NODE_EXTRA_CA_CERTS (set by the test setup) does not
// name: the child process can only trust it through the cloud profile's trustedCaPem.
const child = fileURLToPath(new URL('./test-support/tokens-child.ts', import.meta.url));
const run = promisify(execFile);
let emulator: RunningEmulator;
const folders: string[] = [];
const newFolder = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'azcred-ca-trust-'));
  folders.push(folder);
  return folder;
};

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario(), caFolder: newFolder() });
});
afterAll(async () => {
  await emulator.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("a custom cloud profile's CA", () => {
  it('is trusted by the hand-written STS and ARM calls, by MSAL and by the official ACS client, without NODE_EXTRA_CA_CERTS', async () => {
    const account = emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === westeuropeAccountId);
    const job = {
      dataFolder: newFolder(),
      calls: [
        { method: 'clouds.import', input: { text: JSON.stringify(emulator.cloudProfile) } },
        {
          method: 'accounts.add',
          input: {
            kind: 'arr',
            name: 'arr',
            accountId: westeuropeAccountId,
            accountDomain: 'westeurope',
            cloud: 'AzureEmulator',
            primaryKey: account?.primaryKey,
          },
        },
        {
          method: 'accounts.add',
          input: { kind: 'acs', name: 'acs', connectionString: emulator.acsConnectionString('contoso-acs-chat'), cloud: 'AzureEmulator' },
        },
        { method: 'tokens.mintArr', input: { accountId: '$1', via: 'primaryKey' } },
        { method: 'tokens.mintAcs', input: { accountId: '$2', newIdentity: { label: 'trust' }, scopes: ['chat'], minutes: 60 } },
        // MSAL's client-credential sign-in, then Resource Manager with its token.
        {
          method: 'identities.addServicePrincipal',
          input: {
            cloud: 'AzureEmulator',
            tenant: contosoTenantId,
            clientId: secretServicePrincipal.appId,
            clientSecret: secretServicePrincipal.secret,
          },
        },
        { method: 'discovery.resources', input: { identityId: '$5' } },
      ],
    };
    const env = { ...process.env };
    delete env['NODE_EXTRA_CA_CERTS'];
    const { results } = JSON.parse((await run(process.execPath, [child, JSON.stringify(job)], { env })).stdout) as { results: unknown[] };
    expect(results).toEqual([
      expect.objectContaining({ ok: true }),
      expect.objectContaining({ ok: true }),
      expect.objectContaining({ ok: true }),
      expect.objectContaining({ ok: true, value: expect.objectContaining({ kind: 'arr-sts' }) }),
      expect.objectContaining({ ok: true, value: expect.objectContaining({ token: expect.objectContaining({ kind: 'acs-user' }) }) }),
      expect.objectContaining({ ok: true, value: expect.objectContaining({ kind: 'service-principal' }) }),
      expect.objectContaining({ ok: true, value: expect.objectContaining({ subscriptions: expect.arrayContaining([expect.anything()]) }) }),
    ]);

    // The same calls from a profile without the CA fail, and say how to fix it.
    const { trustedCaPem: _ca, ...withoutCa } = emulator.cloudProfile;
    const untrusted = {
      dataFolder: newFolder(),
      calls: [{ method: 'clouds.import', input: { text: JSON.stringify(withoutCa) } }, ...job.calls.slice(1)],
    };
    const refused = JSON.parse((await run(process.execPath, [child, JSON.stringify(untrusted)], { env })).stdout) as { results: unknown[] };
    expect(refused.results.slice(3, 5)).toEqual([
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'network', message: expect.stringContaining('is not trusted') }),
      }),
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'network', message: expect.stringContaining('is not trusted') }),
      }),
    ]);
    expect(refused.results[5]).toMatchObject({ ok: false, error: { code: 'network' } });
  });
});
