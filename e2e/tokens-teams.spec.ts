import { expect, test } from './support/emulator-fixture.ts';
import { signInInteractively } from './support/identities-page.ts';
import { addChatResource, jwtClaims, listedTokens, openNewToken, tokenList, tokenValue } from './support/tokens-page.ts';

// The Teams user exchange end to end: a Teams user signed in here gets an ACS token as themselves.

const adele = 'adele.vance@contoso.onmicrosoft.com';

test('a user exchanges a signed-in Teams user’s Entra token for an ACS token, listed with its kind and the expiry of its exp', async ({ app, page, context, emulator }) => {
  test.setTimeout(90_000);
  await app.open(page);
  await addChatResource(page, emulator);
  await app.open(page, 'identities');
  await signInInteractively(page, context, adele);
  await app.open(page, 'tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();

  const dialog = await openNewToken(page, 'Teams user');
  await expect(dialog.getByRole('combobox', { name: 'Communication Services resource' })).toHaveText(/contoso-acs-chat/);
  await dialog.getByRole('combobox', { name: 'Teams user' }).click();
  await page.getByRole('option', { name: new RegExp(adele.replace('.', '\\.')) }).click();
  await dialog.getByRole('button', { name: 'Exchange' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Exchanged a Teams user token on contoso-acs-chat.' })).toBeVisible();

  const row = tokenList(page).getByRole('option');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('ACS user token');
  await expect(row).toContainText(/contoso-acs-chat · Teams user .*Adele/i);
  await expect(row.locator('[data-status]')).toHaveText('Valid');
  const [token] = await listedTokens(page);
  if (!token) throw new Error('no token listed');
  const claims = jwtClaims(await tokenValue(page, token.id));
  const user = emulator.scenario.users.find((u) => u.userName === adele);
  expect(claims['skypeid']).toBe(`orgid:${user?.id ?? ''}`);
  expect(Date.parse(token.expiresAt)).toBe(Number(claims['exp']) * 1000);
  const detail = page.getByRole('region', { name: 'ACS user token' });
  await expect(detail.getByRole('definition').filter({ hasText: new Date(token.expiresAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'medium' }) }), 'expires, as exp says').toBeVisible();
});
