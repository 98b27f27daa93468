import type { ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioUser } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { signInOnPage } from '../../e2e/azure-emulator/test/sign-in-page.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { closeEmulatorDataFolder, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { azcredIn, type AzcredRun, keyringSession, runAzcred } from './test-support/run-azcred.ts';
import { portIsOpen } from '../core/test-support/port-is-open.ts';

let emulator: RunningEmulator;
let browser: Browser;
let home: string;
const azcred = azcredIn(() => home);

const signInInBrowser = (url: string, userName: string) => signInOnPage(browser, url, userName);

/**
 * `azcred login` with no browser to open (AZCRED_NO_BROWSER, as on a headless machine): it prints
 * the sign-in link on stderr. `then` gets the link, the port of azcred's loopback listener (the
 * link's redirect_uri) and the process, once.
 */
function loginPrintingLink(then: (link: { url: string; port: number; child: ChildProcess }) => void): Promise<AzcredRun> {
  let seen = false;
  return runAzcred(['login', '--cloud', 'AzureEmulator'], {
    home,
    onStderr: (text, child) => {
      const url = /^(https:\/\/\S+)$/m.exec(text)?.[1];
      if (!url || seen) return;
      seen = true;
      then({ url, port: Number(new URL(new URL(url).searchParams.get('redirect_uri') ?? '').port), child });
    },
  });
}

describe.runIf(keyringSession)('azcred login in the browser', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-login-'));
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', `--ignore-certificate-errors-spki-list=${emulator.serverSpkiSha256}`],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await closeEmulatorDataFolder(emulator, home);
  });

  it('prints the sign-in link when no browser can open, signs the user in there, lists the identity and closes its loopback port', async () => {
    const adele = scenarioUser(emulator, 'adele.vance');
    let port = 0;
    let signedIn: Promise<void> | undefined;
    const login = await loginPrintingLink((link) => {
      port = link.port;
      signedIn = signInInBrowser(link.url, adele.userName);
    });
    await signedIn;
    expect(login.code, login.stderr).toBe(0);
    expect(login.stderr).toMatch(/Open this link in a browser to sign in \(Ctrl\+C cancels\)/);
    expect(login.stdout).toContain(`Signed in as ${adele.displayName} <${adele.userName}>`);
    const listed = JSON.parse((await azcred(['identity', 'list', '--json'])).stdout) as { username?: string }[];
    expect(listed.map((i) => i.username)).toContain(adele.userName);
    expect(port).toBeGreaterThan(0);
    expect(await portIsOpen(port)).toBe(false);
  });

  it('stops waiting on Ctrl+C: exit 130, its loopback port closed, no identity added', async () => {
    const before = (await azcred(['identity', 'list', '--json'])).stdout;
    let port = 0;
    let listening: Promise<boolean> | undefined;
    const login = await loginPrintingLink((link) => {
      port = link.port;
      listening = portIsOpen(port).then((open) => (link.child.kill('SIGINT'), open));
    });
    expect(await listening).toBe(true);
    expect(login.code, login.stderr).toBe(130);
    expect(login.stderr.trim().split('\n').at(-1)).toMatch(/cancel/i);
    expect(await portIsOpen(port)).toBe(false);
    expect((await azcred(['identity', 'list', '--json'])).stdout).toBe(before);
  });
});
