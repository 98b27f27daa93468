import type { Page } from '@playwright/test';
import { contractCall } from '../scripts/contract-call.ts';
import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { applyLook, lookName, looks } from './support/looks.ts';

/** The navigation's width on screen, in pixels. */
async function navWidth(page: Page): Promise<number> {
  const box = await page.getByRole('navigation', { name: 'Sections' }).boundingBox();
  return box?.width ?? 0;
}

test(
  'the navigation is an icon rail under 1200 px and full at 1400, light and dark; Tokens’ badge counts what expires soon, ' +
    'live; the page header is one row',
  async ({ app, emulator, page }) => {
    const call = contractCall(app.core);
    const chat = await call('accounts.add', {
      kind: 'acs',
      name: 'Support chat',
      connectionString: emulator.acsConnectionString('contoso-acs-chat'),
      cloud: emulator.cloudProfile.name,
    });
    // A one-hour token is expiring soon once the warning time is longer than that.
    await call('settings.update', { expiryWarningMinutes: 90 });
    const mint = () => call('tokens.mintAcs', { accountId: chat.id, newIdentity: { label: 'tester' }, scopes: ['chat'], minutes: 60 });
    const first = await mint();
    await app.open(page, 'accounts');

    const nav = page.getByRole('navigation', { name: 'Sections' });
    const tokensItem = nav.getByRole('button', { name: 'Tokens, 1 expiring soon' });
    for (const look of looks) {
      await applyLook(page, look);
      const name = lookName(look);
      if (look.width < 1200) expect(await navWidth(page), `${name}: a rail`).toBeLessThan(100);
      else expect(await navWidth(page), `${name}: full width`).toBeGreaterThan(200);
      // Every section keeps its name, the page on screen is marked, and the badge says what it counts.
      for (const section of ['Today', 'Accounts', 'Identities', 'Roles', 'Activity', 'Settings'])
        await expect(nav.getByRole('button', { name: section, exact: true }), name).toBeVisible();
      await expect(nav.getByRole('button', { name: 'Accounts', exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(tokensItem, name).toBeVisible();
      await expect(page.getByTestId('tokens-expiry-badge')).toHaveText('1');
      await expect(nav.getByRole('button', { name: /^Find and do/ })).toBeVisible();

      // One-row header: the lead sits beside the title, and the first action on the same row.
      const header = page.getByRole('main').locator('header');
      const title = await header.getByRole('heading', { level: 1, name: 'Accounts' }).boundingBox();
      const lead = await header.locator('h1 + *').boundingBox();
      const action = await header.getByRole('button').first().boundingBox();
      expect(title && lead && action, name).toBeTruthy();
      expect(Math.abs(lead!.y + lead!.height / 2 - (title!.y + title!.height / 2)), `${name}: lead beside the title`).toBeLessThan(12);
      expect(action!.y, `${name}: actions on the title’s row`).toBeLessThan(title!.y + title!.height);

      // The shell's part: the navigation and the page's header (each page's own spec checks the rest of it).
      expect(await seriousAccessibilityProblems(page, '[aria-label="Sections"], main header'), name).toEqual([]);
    }

    // The arrow keys still move along the rail, and the button beneath it widens it.
    await applyLook(page, looks[0]);
    await nav.getByRole('button', { name: 'Accounts', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(nav.getByRole('button', { name: 'Identities', exact: true })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(tokensItem).toBeFocused();
    await nav.getByRole('button', { name: 'Widen the navigation' }).click();
    expect(await navWidth(page)).toBeGreaterThan(200);
    await nav.getByRole('button', { name: 'Narrow the navigation' }).click();
    expect(await navWidth(page)).toBeLessThan(100);

    // Live: a second one minted elsewhere (the CLI, another window) counts without a reload; removing both clears the badge.
    const second = await mint();
    await expect(nav.getByRole('button', { name: 'Tokens, 2 expiring soon' })).toBeVisible();
    await expect(page.getByTestId('tokens-expiry-badge')).toHaveText('2');
    await call('tokens.remove', { id: first.token.id });
    await call('tokens.remove', { id: second.token.id });
    await expect(nav.getByRole('button', { name: 'Tokens', exact: true })).toBeVisible();
    await expect(page.getByTestId('tokens-expiry-badge')).toHaveCount(0);
  },
);
