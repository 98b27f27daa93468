import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/emulator-fixture.ts';
import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { signInInteractively } from './support/identities-page.ts';
import {
  openWithChatResource,
  jwtClaims,
  listedTokens,
  listsOneAfter,
  openNewToken,
  shownTime,
  tokenList,
  tokenValue,
} from './support/tokens-page.ts';
import { userAccessToken } from './azure-emulator/test/emulator-fixtures.ts';
import { teamsScopes } from '../electron/core/tokens/acs-tokens.ts';

// The Teams user exchange end to end: a Teams user signed in here, or their Entra token pasted with its app ID and user ID, gets an ACS
// token as themselves.

const adele = 'adele.vance@contoso.onmicrosoft.com';

/** Exchange, then the dialog closes, says so, and the list holds one ACS user token: its row. */
const exchangeOne = (page: Page, dialog: Locator) =>
  listsOneAfter(page, dialog, 'Exchange', 'Exchanged a Teams user token on contoso-acs-chat.', 'ACS user token');

test('a user exchanges a signed-in Teams user’s Entra token for an ACS token, listed with its kind and the expiry of its exp', async ({
  app,
  page,
  context,
  emulator,
}) => {
  await openWithChatResource(app, page, emulator);
  await app.open(page, 'identities');
  await signInInteractively(page, context, adele);
  await app.open(page, 'tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();

  const dialog = await openNewToken(page, 'Teams user');
  await expect(dialog.getByRole('combobox', { name: 'Communication Services resource' })).toHaveText(/contoso-acs-chat/);
  await dialog.getByRole('combobox', { name: 'Teams user' }).click();
  await page.getByRole('option', { name: new RegExp(adele.replace('.', '\\.')) }).click();

  const row = await exchangeOne(page, dialog);
  await expect(row).toContainText(/contoso-acs-chat · Teams user .*Adele/i);
  await expect(row.locator('[data-status]')).toHaveText('Valid');
  const [token] = await listedTokens(page);
  if (!token) throw new Error('no token listed');
  const claims = jwtClaims(await tokenValue(page, token.id));
  const user = emulator.scenario.users.find((u) => u.userName === adele);
  expect(claims['skypeid']).toBe(`orgid:${user?.id ?? ''}`);
  expect(Date.parse(token.expiresAt)).toBe(Number(claims['exp']) * 1000);
  const detail = page.getByRole('region', { name: 'ACS user token' });
  await expect(detail.getByRole('definition').filter({ hasText: shownTime(token.expiresAt) }), 'expires, as exp says').toBeVisible();

  // Adele signed in with the default app (the Azure CLI's), which Entra refuses ACS tokens (AADSTS65002): the form says what to do,
  // and nothing is listed.
  const entra = await openNewToken(page, 'Entra token');
  await entra.getByRole('radio', { name: /^Communication Services/ }).check();
  await entra.getByRole('button', { name: 'Get token' }).click();
  const refused = entra.locator('[data-code="client_not_preauthorized"]');
  await expect(refused).toContainText('The sign-in app cannot get tokens for this service');
  await expect(refused).toContainText('Register my app');
  await page.keyboard.press('Escape');
  await expect(entra).toBeHidden();
  expect(await listedTokens(page)).toHaveLength(1);
});

test(
  'a user pastes a Teams user’s Entra token: a mismatched app ID is shown under App ID with nothing listed, and the right one ' +
    'lists the ACS token as a pasted Teams token',
  async ({ app, page, emulator }) => {
    await openWithChatResource(app, page, emulator);
    // The token the Teams user's own app got (here the Azure CLI's client ID, through the emulator's device-code page).
    const teamsToken = await userAccessToken(emulator, 'adele.vance', teamsScopes.join(' '));
    const { appid, oid } = jwtClaims(teamsToken) as { appid: string; oid: string };
    await app.open(page, 'tokens');
    await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();

    const dialog = await openNewToken(page, 'Teams user');
    await dialog.getByRole('radio', { name: 'Signed-in Teams user' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('radio', { name: 'Paste a token' })).toBeChecked();
    const token = dialog.getByRole('textbox', { name: 'Token', exact: true });
    await expect(token).toHaveAttribute('type', 'password');
    await expect(token).toHaveAttribute('autocomplete', 'off');
    await expect(dialog.getByRole('checkbox', { name: /Auto-refresh/ }), 'a pasted token cannot be re-minted').toHaveCount(0);
    await token.fill(teamsToken);
    const appId = dialog.getByRole('textbox', { name: 'App ID' });
    const userId = dialog.getByRole('textbox', { name: 'User ID' });
    await appId.fill('3f0c2a9e-6b1d-4c8e-9a7f-5d2e1b0c4a96');
    await userId.fill(oid);
    await dialog.getByRole('button', { name: 'Exchange' }).click();

    await expect(appId).toHaveAttribute('aria-invalid', 'true');
    await expect(appId).toHaveAccessibleDescription(new RegExp(`Does not match the token’s appid claim \\(${appid}\\)`));
    await expect(userId).not.toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toBeVisible();
    expect(await listedTokens(page), 'nothing added').toEqual([]);
    await expect(tokenList(page).getByRole('option')).toHaveCount(0);
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('[data-theme]').first()).toHaveAttribute('data-theme', scheme);
      expect(await seriousAccessibilityProblems(page, '[role="dialog"]'), `the paste form with its error (${scheme})`).toEqual([]);
    }
    // Only the masked Token field holds it (React mirrors an input's value into its attribute): no message or text shows it.
    expect(await page.locator('body').innerText(), 'the token is never echoed into the page').not.toContain(teamsToken);

    await appId.fill(appid);
    const row = await exchangeOne(page, dialog);
    await expect(row).toContainText(`contoso-acs-chat · pasted Teams token (app ${appid}, user ${oid})`);
    const [listed] = await listedTokens(page);
    expect(listed).toMatchObject({ refreshable: false, source: { subject: { kind: 'pasted-teams-token', appId: appid, userId: oid } } });
    expect(jwtClaims(await tokenValue(page, listed?.id ?? ''))['skypeid']).toBe(`orgid:${oid}`);
    expect(await page.content(), 'the dialog is gone, and the token with it').not.toContain(teamsToken);
  },
);
