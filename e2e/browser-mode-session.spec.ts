import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeLauncherFile } from '../electron/web/launcher-file.ts';
import { sessionSecretHeader, sessionSecretKey } from '../shared/browser-session.ts';
import { tokenOf } from '../electron/web/test-support/browser-session.ts';
import { expect, test } from './support/app-fixture.ts';

/** A call to the API outside the browser, with the headers given: a cookie replayed by another program. */
function replay(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const origin = `http://127.0.0.1:${port}`;
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/settings.get',
        headers: { Origin: origin, 'Content-Type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

test('after the launch link the address bar and the tab’s history hold no token, and the session secret is only in sessionStorage', async ({
  app,
  page,
  context,
}) => {
  const link = app.server.newLaunchLink().url;
  const token = tokenOf(link);
  await page.goto(link);
  await page.waitForURL((url) => url.pathname === '/');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();

  expect(page.url()).toBe(app.server.url);
  const cdp = await context.newCDPSession(page);
  const { entries } = (await cdp.send('Page.getNavigationHistory')) as { entries: { url: string; userTypedURL: string }[] };
  // The tab's blank start page, then the app: the /auth#token=… entry was replaced, not added to.
  expect(entries.map((e) => e.url)).toEqual(['about:blank', app.server.url]);
  expect(await page.evaluate(() => history.length)).toBe(2);
  for (const entry of entries) expect(`${entry.url} ${entry.userTypedURL}`).not.toContain(token);

  const secret = (await page.evaluate((key) => sessionStorage.getItem(key), sessionSecretKey)) ?? '';
  expect(secret).toMatch(/^[\w-]{43}$/);
  const cookies = await context.cookies();
  expect(cookies.map((c) => c.value).join(' ')).not.toContain(secret);
  expect(cookies.every((c) => c.httpOnly && c.sameSite === 'Strict')).toBe(true);
  expect(page.url()).not.toContain(secret);
  // The cookie alone, replayed by another program with our own Origin, is refused; with the secret it works.
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  expect(await replay(app.server.port, { Cookie: cookie })).toBe(401);
  expect(await replay(app.server.port, { Cookie: cookie, [sessionSecretHeader]: secret })).toBe(200);
});

test('the launcher file the terminal opens by path signs the browser in, and is gone once the link is used', async ({
  app,
  page,
  context,
}) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-e2e-launcher-'));
  try {
    const link = app.server.newLaunchLink();
    const file = await writeLauncherFile(link, folder);
    await page.goto(pathToFileURL(file).href);
    await page.waitForURL(app.server.url);
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await expect.poll(() => existsSync(file)).toBe(false);
    const { entries } = (await (await context.newCDPSession(page)).send('Page.getNavigationHistory')) as {
      entries: { url: string; userTypedURL: string }[];
    };
    for (const entry of entries) expect(`${entry.url} ${entry.userTypedURL}`).not.toContain(tokenOf(link.url));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('a launch link opened a second time says it has been used and how to get a fresh one', async ({ app, page, browser }) => {
  const link = app.server.newLaunchLink().url;
  await page.goto(link);
  await page.waitForURL((url) => url.pathname === '/');
  const other = await browser.newPage();
  try {
    await other.goto(link);
    await expect(other.getByRole('status')).toHaveText(/This link has been used already or has expired.*press Enter for a fresh link/);
    expect(other.url()).not.toContain(tokenOf(link));
    await other.goto(app.server.url);
    await expect(other.getByText(/Refused: not signed in/)).toBeVisible();
  } finally {
    await other.close();
  }
});

test('Sign out of this browser ends the session: the page says so and its cookie and secret no longer work', async ({
  app,
  page,
  context,
}) => {
  await app.open(page);
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const secret = (await page.evaluate((key) => sessionStorage.getItem(key), sessionSecretKey)) ?? '';
  expect(await replay(app.server.port, { Cookie: cookie, [sessionSecretHeader]: secret })).toBe(200);

  await page.getByRole('button', { name: 'Sign out of this browser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signed out of this browser' })).toBeVisible();
  await expect(page.getByText(/press Enter for a fresh link/)).toBeVisible();
  expect(await page.evaluate((key) => sessionStorage.getItem(key), sessionSecretKey)).toBeNull();
  expect(await replay(app.server.port, { Cookie: cookie, [sessionSecretHeader]: secret })).toBe(401);
  await page.goto(app.server.url);
  await expect(page.getByText(/Refused: not signed in/)).toBeVisible();
});

test('every page browser mode serves denies camera, microphone and geolocation to itself', async ({ app, page }) => {
  const policies: string[] = [];
  page.on('response', (response) => policies.push(response.headers()['permissions-policy'] ?? 'none'));
  await app.open(page);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  expect(policies.length).toBeGreaterThan(2);
  for (const policy of policies) expect(policy).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  const allowed = await page.evaluate(() => {
    const policy = (document as Document & { featurePolicy?: { allowsFeature(f: string): boolean } }).featurePolicy;
    return policy ? ['camera', 'microphone', 'geolocation'].filter((f) => policy.allowsFeature(f)) : 'no featurePolicy';
  });
  expect(allowed).toEqual([]);
});
