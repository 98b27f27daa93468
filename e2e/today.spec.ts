import type { Page } from '@playwright/test';
import { contractCall } from '../scripts/contract-call.ts';
import { seedDemo } from '../scripts/demo-seed.ts';
import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { applyLook, lookName, looks, whollyInWindow } from './support/looks.ts';

/** Today with the demo's data, plus an ACS token that lives an hour, in the four looks (1024×700 and 1400×900, light and dark). */

const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test(
  'Today lists what expires first with the time left, Refresh now mints it again, and a pinned recipe copies a token or its ' +
    '.env lines in one action, after a reload too; in the four looks, axe clean',
  async ({ app, emulator, page, context }) => {
    test.setTimeout(90_000);
    const call = contractCall(app.core);
    const demo = await seedDemo(call, emulator);
    const chat = demo.accounts.find((a) => a.name === 'Support chat');
    const agent = (await call('acsIdentities.list', { accountId: chat?.id ?? '' })).find((i) => i.label === 'Support agent');
    if (!chat || !agent) throw new Error('the demo has no Support chat resource or Support agent identity');
    // An hour-long token inside a 70-minute warning time; the demo's Entra token (an hour too) was minted first, so it comes first.
    const hour = await call('tokens.mintAcs', { accountId: chat.id, acsIdentityId: agent.id, scopes: ['voip'], minutes: 60 });
    await call('settings.update', { expiryWarningMinutes: 70 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
    await app.open(page, 'today');

    const expiring = page.getByRole('list', { name: 'Tokens expiring soonest first' });
    const rows = expiring.getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Entra token');
    const hourRow = rows.filter({ hasText: hour.token.title });
    await expect(hourRow.locator('time')).toHaveText(/^Expires in (59 min|1 h)$/);

    // Refresh now: the core mints it again, and the row's expiry moves on.
    const before = await hourRow.locator('time').getAttribute('datetime');
    await hourRow.getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Refreshed' })).toContainText(hour.token.title);
    await expect(hourRow.locator('time')).not.toHaveAttribute('datetime', before ?? '');
    const after = (await call('tokens.list')).find((t) => t.id === hour.token.id);
    expect(Date.parse(after?.expiresAt ?? '')).toBeGreaterThan(Date.parse(before ?? ''));

    // Pin "Support chat · Support agent · chat" from Today itself.
    const recipes = page.getByRole('region', { name: 'Pinned recipes' });
    await expect(recipes).toContainText('No recipe pinned yet');
    await recipes.getByRole('button', { name: 'Pin a recipe' }).click();
    const form = page.getByRole('form', { name: 'Pin a recipe' });
    await form.getByRole('button', { name: 'Pin' }).click();
    await expect(form).toContainText('Choose an ACS resource');
    await form.getByRole('combobox', { name: 'ACS resource' }).click();
    await page.getByRole('option', { name: 'Support chat' }).click();
    await form.getByRole('combobox', { name: 'ACS identity' }).click();
    await page.getByRole('option', { name: 'Support agent' }).click();
    await form.getByRole('button', { name: 'Pin' }).click();
    await expect(form).toBeHidden();
    const label = 'Support chat · Support agent · chat';
    const recipe = recipes.getByRole('listitem').filter({ hasText: label });

    // One action: a new chat token for Support agent, on the clipboard and never on the page.
    await recipe.getByRole('button', { name: 'Copy token' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied the token' })).toContainText(`${label} (a new token)`);
    const chatToken = (await call('tokens.list')).find((t) => t.kind === 'acs-user' && t.scopes.join() === 'chat');
    const value = (await call('tokens.reveal', { id: chatToken?.id ?? '' })).value;
    expect(await clipboardText(page)).toBe(value);
    expect(await page.content()).not.toContain(value);

    // The pin survives a reload; Copy as .env, by keyboard, reuses the token still valid.
    await page.reload();
    await expect(recipe).toBeVisible();
    await recipe.getByRole('button', { name: 'Copy as .env' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Copied the .env lines' })).toContainText('(the token still valid)');
    const env = await clipboardText(page);
    expect(env).toContain(`ACS_USER_TOKEN=${value}`);
    expect(env).toContain(`ACS_USER_ID=${agent.communicationUserId}`);
    expect(await page.content()).not.toContain(value);

    for (const look of looks) {
      await applyLook(page, look);
      expect(await whollyInWindow(page, rows.first().getByRole('button', { name: 'Refresh now' })), lookName(look)).toBe(true);
      expect(await whollyInWindow(page, recipe.getByRole('button', { name: 'Copy token' })), lookName(look)).toBe(true);
      if (look.width === 1400) expect(await seriousAccessibilityProblems(page, 'main'), lookName(look)).toEqual([]);
    }
  },
);
