import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { coreValues } from '../electron/core/test-support/test-core.ts';
import { isEventStream, runAzcred } from './support/azcred-cli.ts';
import { customCloudProfile } from './support/cloud-profiles.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { addChatResourceToCore, addWestEuropeToCore, mintChatToken, tokenList, westEurope } from './support/tokens-page.ts';

/**
 * The renderer hears what changed instead of asking on a timer (issue 16): browser mode's page
 * holds one Server-Sent Events stream, and a change made by another process (the CLI on the same
 * data folder) reaches it through the core's watch on the data folder.
 */

test('a token minted by the CLI appears in the open Tokens page soon after the CLI exits, without a reload or a timer', async ({
  app,
  page,
  emulator,
}) => {
  await addWestEuropeToCore(app.core, emulator);
  const streamOpen = page.waitForResponse((response) => isEventStream(response.url()) && response.status() === 200);
  await app.open(page, 'tokens');
  await expect(page.getByRole('heading', { level: 2, name: 'No tokens yet' })).toBeVisible();
  await streamOpen;

  const cli = await runAzcred(['token', 'arr', westEurope.name], app.dataFolder);
  const exited = Date.now();
  expect(cli, cli.stderr).toMatchObject({ code: 0 });
  const row = tokenList(page).getByRole('option');
  // Shown without any reload or timer; how soon is a figure (about 0.2 s on a quiet machine), with room for a loaded one.
  await expect(row).toHaveCount(1, { timeout: 5_000 });
  await expect(row).toContainText('ARR access token');
  const shownAfterMs = Date.now() - exited;
  test.info().annotations.push({ type: 'figure', description: `the CLI's token showed ${shownAfterMs} ms after the CLI exited` });
  expect(shownAfterMs).toBeLessThan(5_000);
});

test('a cloud profile the CLI imports and a setting saved elsewhere show on the open Settings page without a reload', async ({
  app,
  page,
}) => {
  const home = await mkdtemp(path.join(os.tmpdir(), 'azcred-e2e-cloud-'));
  try {
    const streamOpen = page.waitForResponse((response) => isEventStream(response.url()) && response.status() === 200);
    await app.open(page, 'settings');
    const table = page.getByRole('table', { name: 'Cloud profiles' });
    await expect(table.getByRole('row', { name: /Azure \(global\)/ })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Dark' })).not.toBeChecked();
    await streamOpen;
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const file = path.join(home, 'lab.json');
    await writeFile(file, JSON.stringify(labCloud));
    const cli = await runAzcred(['cloud', 'import', file], app.dataFolder);
    expect(cli, cli.stderr).toMatchObject({ code: 0 });
    await expect(table.getByRole('row', { name: /Events lab/ })).toContainText('EventsLab · custom');

    // Another window of the app (here the same core the page talks to) saves a theme.
    await app.core.settings.update({ theme: 'dark' });
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
});

/** A custom cloud with made-up hosts: only its row in the table matters here. */
const labCloud = customCloudProfile('EventsLab', 'Events lab', 'lab.contoso.test');

test('an open Tokens page makes no calls for data while nothing changes', async ({ app, page }) => {
  test.setTimeout(60_000);
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') && !isEventStream(request.url())) calls.push(url.pathname);
  });
  const streamOpen = page.waitForResponse((response) => isEventStream(response.url()) && response.status() === 200);
  await app.open(page, 'tokens');
  await expect(page.getByRole('heading', { level: 2, name: 'No tokens yet' })).toBeVisible();
  await streamOpen;
  await page.waitForTimeout(1_000); // the first calls of the page settle
  // The page's read and the navigation badge's (every page shows it), and on a busy machine one more when the vault's opening
  // (vault.changed, which the badge reloads on) is announced after them; then none while idle, below.
  const startReads = calls.filter((call) => call === '/api/tokens.list').length;
  expect(startReads).toBeGreaterThanOrEqual(2);
  expect(startReads).toBeLessThanOrEqual(3);
  const before = calls.length;

  // Longer than the 15 s the page used to ask again at, with the window losing and regaining focus.
  await page.waitForTimeout(10_000);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.waitForTimeout(10_000);
  expect(calls.slice(before), 'calls made while idle').toEqual([]);
});

test("the page's expiry toast comes from the core's token.expiring, worded as the desktop notification is", async ({
  app,
  page,
  emulator,
}) => {
  const core = coreValues(app.core);
  const account = await addChatResourceToCore(app.core, emulator);
  // Two hours' warning: a day-long token is far from it, and the list (with its announcer) is on the page.
  await core.settings.update({ expiryWarningMinutes: 120 });
  await core.tokens.mintAcs({ accountId: account.id, newIdentity: { label: 'Alice' }, scopes: ['chat'], minutes: 1440 });
  const streamOpen = page.waitForResponse((response) => isEventStream(response.url()) && response.status() === 200);
  await app.open(page, 'tokens');
  await expect(tokenList(page).getByRole('option')).toHaveCount(1);
  await streamOpen;
  // A one-hour token is inside its warning time from the start, which the page's own clock never sees crossed: only the core's
  // warning can bring the toast.
  await mintChatToken(app.core, account.id, 'Carol');
  const toast = page.getByRole('listitem', { name: /^ACS user token expires in (59|60) minutes$/ });
  await expect(toast).toBeVisible({ timeout: 5_000 });
  // The token's name, then what to do: the words of the desktop app's OS notification (shared/events.ts expiryWarning).
  await expect(toast).toContainText(
    / · Carol on contoso-acs-chat \(chat\)\. Mint a new one on the Tokens page, or turn on its auto-refresh\.$/,
  );
  await expect(page.getByRole('listitem', { name: /expires in/ }), 'warned once, not again by the page clock').toHaveCount(1);
});
