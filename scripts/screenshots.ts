/**
 * `npm run screenshots`: renders the main screens of the built renderer in Chromium, light and dark,
 * into docs/screenshots/ for the README. Uses a throwaway data folder with sample accounts and a
 * service principal signed in at the project's emulator. The keychain is an in-memory stand-in
 * (createMemoryKeychain), so the pictures never touch the real one.
 */
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../e2e/azure-emulator/server.ts';
import { contosoTenantId, secretServicePrincipal } from '../e2e/azure-emulator/test/emulator-fixtures.ts';
import { dispatch } from '../electron/core/api.ts';
import { createCore } from '../electron/core/core.ts';
import { createMemoryKeychain } from '../electron/core/vault/keychain.ts';
import { startWebServer } from '../electron/web/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'docs/screenshots');
const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-shots-'));
const core = createCore({ mode: 'browser', dataFolder: { path: dataFolder, source: 'AZCRED_HOME' }, version: '0.1.0', vault: { keychain: createMemoryKeychain() } });
const emulator = await startEmulator({ caFolder: path.join(dataFolder, 'emulator-ca') });
await seed();
const server = await startWebServer({ core });
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, colorScheme: scheme });
    await page.goto(server.launchUrl);
    for (const section of ['accounts', 'identities', 'settings']) {
      await page.goto(`${server.url}#/${section}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const file = path.join(out, `${section}-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(root, file)}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await emulator.close();
  await rm(dataFolder, { recursive: true, force: true });
}

async function seed(): Promise<void> {
  const call = async (method: string, input?: unknown) => {
    const result = await dispatch(core, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  };
  await call('clouds.import', { text: JSON.stringify(emulator.cloudProfile) });
  const arr = emulator.scenario.remoteRenderingAccounts[0];
  if (arr) await call('accounts.add', { kind: 'arr', name: 'Showroom (West Europe)', accountId: arr.accountId, accountDomain: arr.accountDomain, cloud: 'AzureEmulator', primaryKey: arr.primaryKey, secondaryKey: arr.secondaryKey, tags: ['demo'] });
  await call('accounts.add', { kind: 'acs', name: 'Support chat', connectionString: emulator.acsConnectionString('contoso-acs-chat'), cloud: 'AzureEmulator', tags: ['demo', 'chat'] });
  await call('accounts.add', { kind: 'acs', name: 'Field calls (Entra ID)', endpoint: 'https://field-calls.unitedstates.communication.azure.com', tags: ['production'] });
  await call('identities.addServicePrincipal', { cloud: 'AzureEmulator', tenant: contosoTenantId, clientId: secretServicePrincipal.appId, name: 'Render pipeline', clientSecret: secretServicePrincipal.secret });
}
