import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '../electron/core/core.ts';
import { coreValues } from '../electron/core/test-support/test-core.ts';
import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, test } from './support/emulator-fixture.ts';
import {
  addChatResourceToCore,
  arrKey,
  grantClipboard,
  jwtClaims,
  listedTokens,
  listsOneAfter,
  mintArrToken,
  mintChatToken,
  openNewToken,
  openWithChatResource,
  openWithWestEurope,
  runTrustingEmulator,
  shownTime,
  tokenList,
  tokenValue,
  westEurope,
} from './support/tokens-page.ts';
import { pageErrors } from './support/page-errors.ts';

// Browser mode copies in the page: the tests grant the clipboard and read it back.
test.beforeEach(({ context, app }) => grantClipboard(context, app));

test('a user adds an ARR account, mints a token with its key, watches it count down, inspects, copies and exports it as .env', async ({
  app,
  page,
  emulator,
  scratch,
}) => {
  const errors = pageErrors(page);
  await openWithWestEurope(app, page, emulator);
  await app.open(page, 'tokens');
  await expect(page.getByRole('heading', { level: 2, name: 'No tokens yet' })).toBeVisible();

  const dialog = await openNewToken(page);
  await expect(dialog.getByRole('combobox', { name: 'ARR account' })).toHaveText(/contoso-arr-westeurope/);
  await expect(dialog.getByRole('radio', { name: 'Primary key' })).toBeChecked();
  const minted = 'Got an ARR access token for contoso-arr-westeurope.';
  const row = await listsOneAfter(page, dialog, 'Get token', minted, 'ARR access token');
  // Listed, with its source, a status in words and the time left in words.
  await expect(row).toContainText('contoso-arr-westeurope (primary key)');
  await expect(row.locator('[data-status]')).toHaveText('Valid');
  const countdown = row.getByTestId('token-countdown');
  await expect(countdown).toHaveText(/^in (24 h|23 h 59 min)$/);

  // The expiry shown is the token's own exp; the value is nowhere on the page until revealed.
  const [token] = await listedTokens(page);
  if (!token) throw new Error('no token listed');
  const value = await tokenValue(page, token.id);
  const claims = jwtClaims(value);
  expect(Date.parse(token.expiresAt)).toBe(Number(claims['exp']) * 1000);
  expect(Date.parse(token.issuedAt)).toBe(Number(claims['iat']) * 1000);
  const detail = page.getByRole('region', { name: 'ARR access token' });
  await expect(detail.getByRole('definition').filter({ hasText: shownTime(token.issuedAt) }), 'issued, as iat says').toBeVisible();
  await expect(detail.getByRole('definition').filter({ hasText: shownTime(token.expiresAt) }), 'expires, as exp says').toBeVisible();
  expect(await page.content()).not.toContain(value);

  // The claims inspector: aid and exp, what the audience is for, and a warning when it is checked against the wrong use.
  await detail.getByRole('button', { name: 'Claims' }).click();
  const inspector = page.getByRole('dialog', { name: /Claims of the ARR access token/ });
  await expect(inspector.getByRole('row', { name: /^aid/ })).toContainText(westEurope.accountId);
  await expect(inspector.getByRole('region', { name: 'Times' })).toContainText(/Expires \(exp\): .+, in 1 day|in 24 hours/);
  await expect(inspector).toContainText('For Remote Rendering session API');
  await expect(inspector.getByTestId('audience-warning')).toHaveCount(0);
  await inspector.getByRole('combobox', { name: 'Check it for' }).click();
  await page.getByRole('option', { name: 'Azure Resource Manager (ARM)' }).click();
  await expect(inspector.getByTestId('audience-warning')).toContainText('Azure Resource Manager (ARM) accepts only an Entra token');
  await inspector.getByRole('button', { name: 'Close' }).click();

  // Copy puts it on the clipboard without showing it; Reveal shows it and Hide masks it again.
  await detail.getByRole('button', { name: 'Copy token' }).click();
  await expect(detail.getByText('Copied; clipboard clears in 30 s')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  expect(await page.content()).not.toContain(value);
  await detail.getByRole('button', { name: 'Reveal token' }).click();
  await expect(detail.getByTestId('token-value')).toHaveText(value);
  await detail.getByRole('button', { name: 'Hide token' }).click();
  expect(await page.content()).not.toContain(value);

  // Auto-refresh: the re-mint is due Settings' warning time (10 minutes) before the token expires, and the pane says when.
  const nextRefresh = new Date(Date.parse(token.expiresAt) - 10 * 60_000).toISOString();
  const autoRefresh = detail.getByRole('switch', { name: 'Auto-refresh before it expires' });
  await autoRefresh.click(); // a controlled switch: it turns on when the core answers
  await expect(autoRefresh).toBeChecked();
  await expect(detail.getByRole('definition').filter({ hasText: shownTime(nextRefresh) }), 'next refresh').toBeVisible();
  expect((await listedTokens(page))[0]).toMatchObject({ autoRefresh: true, nextRefreshAt: nextRefresh });

  // Export as .env to a file only the user can read; a second export to the same name asks first.
  const file = path.join(scratch, 'arr.env');
  await detail.getByRole('button', { name: 'Export token' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export token' });
  // Text to copy is the default; a file is one choice away.
  await expect(exporter.getByRole('radio', { name: 'Text to copy' })).toBeChecked();
  await exporter.getByRole('radio', { name: 'A file' }).check();
  await exporter.getByRole('textbox', { name: 'Save to' }).fill(file);
  await exporter.getByRole('button', { name: 'Export' }).click();
  await expect(exporter.getByRole('status')).toContainText(`Written to ${file}`);
  await expect(exporter.getByRole('button', { name: 'Close' }), 'the focus moves to Close with the result').toBeFocused();
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const env = await readFile(file, 'utf8');
  expect(env).toContain(`ARR_ACCOUNT_ID=${westEurope.accountId}`);
  expect(env).toContain(`ARR_ACCOUNT_DOMAIN=${westEurope.domain}`);
  expect(env).toContain(`ARR_ACCESS_TOKEN=${value}\n`);
  await exporter.getByRole('button', { name: 'Close' }).click();
  await detail.getByRole('button', { name: 'Export token' }).click();
  await exporter.getByRole('radio', { name: 'A file' }).check();
  await exporter.getByRole('textbox', { name: 'Save to' }).fill(file);
  await exporter.getByRole('button', { name: 'Export' }).click();
  await expect(exporter.getByText('The file exists')).toBeVisible();
  await exporter.getByRole('button', { name: 'Replace it' }).click();
  await expect(exporter.getByRole('status')).toContainText(`Written to ${file}`);
  await exporter.getByRole('button', { name: 'Close' }).click();
  expect(errors).toEqual([]);
});

test('a user creates an ACS identity with a chat and voip token for 60 minutes, sees its expiry, revokes it and sees it revoked', async ({
  app,
  page,
  emulator,
}) => {
  await openWithChatResource(app, page, emulator);

  // From the resource's detail pane: New token opens on the Tokens page, on the ACS tab, for that resource.
  await page
    .getByRole('listbox', { name: 'Accounts' })
    .getByRole('option', { name: /contoso-acs-chat/ })
    .click();
  await page.getByRole('region', { name: 'contoso-acs-chat' }).getByRole('button', { name: 'New token' }).click();
  // The dialog is modal: the page behind it (its heading included) is hidden from the accessibility tree.
  await expect(page).toHaveURL(/#\/tokens$/);
  const dialog = page.getByRole('dialog', { name: 'New token' });
  await expect(dialog.getByRole('tab', { name: 'ACS user token' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('combobox', { name: 'Communication Services resource' })).toHaveText(/contoso-acs-chat/);
  await dialog.getByRole('textbox', { name: 'Label' }).fill('Alice (test user)');
  await expect(dialog.getByRole('checkbox', { name: /^chat Chat: create threads/ })).toBeChecked();
  await dialog.getByRole('checkbox', { name: /^voip Calling/ }).check();
  await dialog.getByRole('spinbutton', { name: 'Lifetime (minutes)' }).fill('60');
  await dialog.getByRole('button', { name: 'Get token' }).click();
  await expect(dialog.getByRole('heading', { name: 'ACS user token for Alice (test user)' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  const row = tokenList(page).getByRole('option');
  await expect(row).toContainText('contoso-acs-chat · Alice (test user) (access key)');
  await expect(row).toContainText('chat, voip');
  await expect(row.getByTestId('token-countdown')).toHaveText(/^in (59 min|1 h)$/);
  const [token] = await listedTokens(page);
  if (!token) throw new Error('no token listed');
  expect(Date.parse(token.expiresAt)).toBe(Number(jwtClaims(await tokenValue(page, token.id))['exp']) * 1000);

  const detail = page.getByRole('region', { name: 'ACS user token' });
  await expect(detail.getByRole('definition').filter({ hasText: shownTime(token.expiresAt) }), 'expires, as exp says').toBeVisible();
  await detail.getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Revoke every token of Alice (test user)?' });
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(confirm).toBeHidden();
  await expect(row.locator('[data-status]')).toHaveText('Revoked');
  await expect(detail.locator('[data-status]')).toHaveText('Revoked');
  await expect(detail.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  expect((await listedTokens(page))[0]).toMatchObject({ revoked: true, status: 'revoked' });
});

test('a refused key shows the STS’s 401 in words, and nothing is listed', async ({ app, page, emulator }) => {
  await openWithWestEurope(app, page, emulator, { key: arrKey(emulator, 'secondaryKey').replace(/^./, 'A') });
  await app.open(page, 'tokens');
  const dialog = await openNewToken(page);
  await dialog.getByRole('button', { name: 'Get token' }).click();
  const error = dialog.locator('[data-code="azure_unauthorized"]');
  await expect(error).toContainText('Azure refused the credentials');
  await expect(error).toContainText('The primary key of "contoso-arr-westeurope" was refused');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await listedTokens(page)).toEqual([]);
});

test('a long throttle, a failing service and a cancelled call each end in their own message', async ({ app, page, emulator }) => {
  await openWithWestEurope(app, page, emulator);
  await app.open(page, 'tokens');
  const dialog = await openNewToken(page);
  const mint = dialog.getByRole('button', { name: 'Get token' });
  try {
    emulator.faults.add({ service: 'sts', kind: 'throttle', retryAfterSeconds: 120, times: 1 });
    await mint.click();
    await expect(dialog.locator('[data-code="azure_throttled"]')).toContainText('Azure asked to slow down');

    emulator.faults.add({ service: 'sts', kind: 'error', status: 503, times: 3 });
    await mint.click();
    await expect(dialog.locator('[data-code="azure_unavailable"]')).toContainText('503', { timeout: 20_000 });

    // A slow STS: the dialog says what it waits for, and Cancel reaches the core.
    emulator.faults.add({ service: 'sts', kind: 'slow', delayMs: 20_000, times: 1 });
    await mint.click();
    const progress = dialog.getByRole('status').filter({ hasText: 'Asking the Mixed Reality STS for an access token…' });
    await expect(progress).toBeVisible();
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.locator('[data-code="cancelled"]')).toContainText('Cancelled');
    await expect(progress).toBeHidden();
  } finally {
    emulator.faults.clear();
  }
  expect(await listedTokens(page)).toEqual([]);
});

test('the request signer gives a curl command that ACS accepts', async ({ app, page, emulator }) => {
  await openWithChatResource(app, page, emulator);
  await app.open(page, 'tokens');
  await page.getByRole('button', { name: 'Sign an ACS request' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign an ACS request' });
  await expect(dialog.getByRole('textbox', { name: 'URL' })).toHaveValue(
    `${emulator.urls.acs['contoso-acs-chat'] ?? ''}/identities?api-version=2023-10-01`,
  );
  await dialog.getByRole('button', { name: 'Sign' }).click();
  const curl = (await dialog.getByTestId('signed-curl').textContent()) ?? '';
  expect(curl).toMatch(/^curl -X POST '/);
  await expect(dialog.getByTestId('signed-headers')).toContainText(
    'Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=',
  );
  const stdout = await runTrustingEmulator(emulator, 'sh', ['-c', `${curl} -s -w '\\n%{http_code}'`]);
  expect(stdout.trim().split('\n').at(-1)).toBe('201');
});

test('the Tokens page and the New token dialog have no serious accessibility problems, in light and dark', async ({
  app,
  page,
  emulator,
}) => {
  await openWithWestEurope(app, page, emulator);
  await mintArrToken(app.core);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open(page, 'tokens');
    await tokenList(page).getByRole('option').first().click();
    await expect(page.getByRole('region', { name: 'ARR access token' })).toBeVisible();
    expect(await seriousAccessibilityProblems(page), `Tokens page (${scheme})`).toEqual([]);
    for (const tab of ['ARR access token', 'ACS user token', 'Entra token'] as const) {
      const dialog = await openNewToken(page, tab);
      expect(await seriousAccessibilityProblems(page), `New token, ${tab} (${scheme})`).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    await page.getByRole('button', { name: 'Claims' }).click();
    const claims = page.getByRole('dialog', { name: /Claims of the/ });
    await expect(claims.getByRole('row', { name: /^aid/ })).toBeVisible();
    expect(await seriousAccessibilityProblems(page), `Claims inspector (${scheme})`).toEqual([]);
    await claims.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Export token' }).click();
    await page.getByRole('radio', { name: /arrconfig/ }).check();
    // The account key goes into arrconfig.json only after the user reads the warning and ticks it.
    await expect(page.getByText('arrconfig.json takes the account key, not a token')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'I understand: put the account key in the file' })).not.toBeChecked();
    expect(await seriousAccessibilityProblems(page), `Export dialog (${scheme})`).toEqual([]);
    await page.getByRole('dialog', { name: 'Export token' }).getByRole('button', { name: 'Close' }).click();
  }
});

test('in browser mode the page announces a token entering its warning time with a toast', async ({ app, page, emulator }) => {
  const chat = await addChatResourceToCore(app.core, emulator);
  await coreValues(app.core).settings.update({ expiryWarningMinutes: 59 });
  await mintChatToken(app.core, chat.id, 'Carol');
  await page.clock.install();
  await app.open(page, 'tokens');
  const row = tokenList(page).getByRole('option');
  await expect(row.locator('[data-status]')).toHaveText('Valid');
  await page.clock.fastForward('01:30');
  await expect(page.getByText(/^ACS user token expires in 5[89] minutes$/)).toBeVisible();
  await expect(row.locator('[data-status]')).toHaveText('Expiring soon');
});

test('a thousand live tokens render at once, with only the rows in view in the page', async ({ app, page }) => {
  await seedTokens(app.core, 1000);
  await app.open(page, 'tokens');
  const started = Date.now();
  await expect(page.getByTestId('token-count')).toHaveText('1,000 tokens');
  const rendered = await tokenList(page).getByRole('option').count();
  expect(Date.now() - started, 'a thousand tokens render at once, even on a busy machine').toBeLessThan(10_000);
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(60);
  // Statuses computed live: expired, expiring and valid ones are all there, in words.
  await tokenList(page).focus();
  await page.keyboard.press('End');
  // Newest first: the oldest, seed-0000, is the last row.
  await expect(tokenList(page).getByRole('option', { name: /seed-0000/ })).toHaveAttribute('data-active', 'true');
  expect(await tokenList(page).getByRole('option').count()).toBeLessThan(60);
  await expect(tokenList(page).locator('[data-status="expired"]').first()).toHaveText('Expired');
});

/** A thousand STS tokens in the core's registry (as if minted over the last quarter hour): valid, expiring and expired, named by
 * number, seed-0000 the oldest. */
async function seedTokens(core: Core, count: number): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const expiresAt = new Date(now + (i % 10 === 0 ? -60_000 : i % 10 === 1 ? 5 * 60_000 : 3_600_000 + i * 1000));
    const name = `seed-${String(i).padStart(4, '0')}`;
    await core.tokens.registry.add(
      {
        // Paid by an account key: a token minted through an identity that is not signed in is let go.
        kind: 'arr-sts',
        title: `STS token · ${name}`,
        source: { account: { id: '00000000-0000-4000-8000-000000000001', name, kind: 'arr' }, via: { credential: 'primaryKey' } },
        recipe: null,
        minted: {
          value: `not-a-jwt-${i}`,
          issuedAt: new Date(now - (count - i) * 1000),
          expiresAt,
          audience: 'https://sts.mixedreality.azure.com/',
          scopes: [],
        },
      },
      { keep: false, autoRefresh: false },
    );
  }
}
