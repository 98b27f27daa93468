import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtClaims, scenarioUser } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { signInOnPage } from '../../../e2e/azure-emulator/test/sign-in-page.ts';
import type { RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import { startEmulatorAndChromium } from '../../../e2e/azure-emulator/test/emulator-and-chromium.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';
import { openVault, type Vault } from '../vault/vault.ts';
import { startInteractiveSignIn } from './interactive-sign-in.ts';
import { MsalApps } from './msal-apps.ts';
import { portIsOpen } from '../test-support/port-is-open.ts';

let emulator: RunningEmulator;
let browser: Browser;
let folder: string;
const keychain = createMemoryKeychain();
const armScope = 'https://management.azure.com/.default';

beforeAll(async () => {
  ({ emulator, browser } = await startEmulatorAndChromium({ accessTokenSeconds: 2 }));
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-entra-'));
});
afterAll(async () => {
  await browser.close();
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

const openTestVault = (): Promise<Vault> => openVault({ dataFolder: folder, keychain });

const signInInBrowser = (url: string, userName: string) => signInOnPage(browser, url, userName);

describe('interactive sign-in with our loopback listener', () => {
  it(
    'signs a user in through the browser, keeps the cache only in the vault, and gets a token silently after a restart and after ' +
      'expiry',
    async () => {
      const vault = await openTestVault();
      const apps = new MsalApps(async () => vault);
      const adele = scenarioUser(emulator, 'adele.vance');
      const signIn = await startInteractiveSignIn(await apps.publicClient(emulator.cloudProfile), { scopes: [armScope] });
      const url = new URL(signIn.authUrl);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('redirect_uri')).toBe(`http://localhost:${signIn.port}/`);
      await signInInBrowser(signIn.authUrl, adele.userName);
      const result = await signIn.result;
      expect(result.account?.username).toBe(adele.userName);
      await signIn.closed;
      expect(await portIsOpen(signIn.port)).toBe(false);

      // The refresh token is in the vault, and in no other file of the data folder.
      const refreshToken = [...emulator.context.entra.refreshTokens].find(([, grant]) => grant.userId === adele.id)?.[0] ?? '';
      expect(refreshToken).not.toBe('');
      for (const name of await readdir(folder)) {
        if (name.startsWith('vault.bin')) continue;
        const text = await readFile(path.join(folder, name), 'utf8').catch(() => '');
        expect(text).not.toContain(refreshToken);
        expect(text).not.toContain(result.accessToken);
      }
      vault.close();

      // A new process: a new vault handle and new MSAL applications over the same data folder.
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const reopened = await openTestVault();
      const app = await new MsalApps(async () => reopened).publicClient(emulator.cloudProfile);
      const [account] = await app.getTokenCache().getAllAccounts();
      expect(account?.username).toBe(adele.userName);
      const refreshes = emulator.context.grantCounts.get('refresh_token') ?? 0;
      const silent = await app.acquireTokenSilent({ account: account!, scopes: [armScope] });
      expect(emulator.context.grantCounts.get('refresh_token')).toBe(refreshes + 1);
      expect(Number(jwtClaims(silent.accessToken)['exp']) * 1000).toBeGreaterThan(Date.now());
      reopened.close();
    },
  );

  it('leaves no listener open when cancelled', async () => {
    const vault = await openTestVault();
    const signIn = await startInteractiveSignIn(await new MsalApps(async () => vault).publicClient(emulator.cloudProfile), {
      scopes: [armScope],
    });
    expect(await portIsOpen(signIn.port)).toBe(true);
    signIn.cancel();
    await expect(signIn.result).rejects.toMatchObject({ code: 'cancelled' });
    await signIn.closed;
    expect(await portIsOpen(signIn.port)).toBe(false);
    vault.close();
  });

  it('leaves no listener open when the user never finishes', async () => {
    const vault = await openTestVault();
    const signIn = await startInteractiveSignIn(await new MsalApps(async () => vault).publicClient(emulator.cloudProfile), {
      scopes: [armScope],
      timeoutMs: 500,
    });
    const page = await browser.newPage();
    await page.goto(signIn.authUrl); // opened, then abandoned on the sign-in page
    await expect(signIn.result).rejects.toMatchObject({ code: 'cancelled', message: expect.stringContaining('timed out') });
    await signIn.closed;
    expect(await portIsOpen(signIn.port)).toBe(false);
    await page.close();
    vault.close();
  });
});
