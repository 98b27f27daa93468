import type { Locator, Page } from '@playwright/test';
import type { Core } from '../electron/core/core.ts';
import { coreValues } from '../electron/core/test-support/test-core.ts';
import type { TokenView } from '../shared/tokens.ts';
import { axeInBothThemes } from './support/accessibility.ts';
import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { expectFocusOn, openWithKeyboard, tabTo } from './support/keyboard.ts';
import { applyLook, lookName, looks } from './support/looks.ts';
import { addChatResourceToCore, grantClipboard, listedTokens, mintChatToken, tokenList, tokenValue } from './support/tokens-page.ts';

// The Tokens page's daily jobs (issue 19): what expires next, at the top and in words; Reveal and Copy in view in a short
// window; one ACS flow ending in a card of four copies, for the identity last used; the request signer keeping the focus.

const minute = 60_000;

/** A chat token for `acsIdentityId` in the core's registry, as if got `issuedAgo` minutes ago, expiring in `expiresIn`. */
async function addChatToken(core: Core, accountId: string, from: TokenView, issuedAgo: number, expiresIn: number, refreshable: boolean) {
  const subject = from.source.subject;
  if (subject?.kind !== 'acs-identity') throw new Error('not an ACS identity’s token');
  const now = Date.now();
  return core.tokens.registry.add(
    {
      kind: 'acs-user',
      title: `ACS user token · ${subject.label}`,
      source: from.source,
      recipe: refreshable
        ? { kind: 'acs-user', accountId, acsIdentityId: subject.acsIdentityId, scopes: ['chat'], minutes: 60, via: 'accessKey' }
        : null,
      minted: {
        value: `not-a-jwt-${subject.label}`,
        issuedAt: new Date(now - issuedAgo * minute),
        expiresAt: new Date(now + expiresIn * minute),
        audience: null,
        scopes: ['chat'],
      },
    },
    { keep: false, autoRefresh: false },
  );
}

/** Whether `target` is wholly in the window as it stands: nothing scrolled to bring it there. */
async function inWindowAsShown(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const size = page.viewportSize();
  return !!box && !!size && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

test(
  'Tokens put what expires next at the top, grouped and in words, keep Reveal and Copy in view and the New token tabs above ' +
    'the form, and Refresh now moves an expiring token to Valid, at 1024 × 700 and 1400 × 900, light and dark',
  async ({ app, page, emulator }) => {
    test.setTimeout(90_000);
    const chat = await addChatResourceToCore(app.core, emulator);
    // Alice's hour-long token got now (Valid), her token from 55 minutes ago (Expiring soon), and one gone a minute ago.
    const valid = await mintChatToken(app.core, chat.id, 'Alice');
    const expiring = await addChatToken(app.core, chat.id, valid, 55, 5, true);
    await addChatToken(app.core, chat.id, valid, 61, -1, false);
    await app.open(page, 'tokens');
    const groups = page.getByTestId('token-group');
    const rows = tokenList(page).getByRole('option');
    const detail = page.getByRole('region', { name: 'ACS user token' });

    for (const look of looks) {
      const name = lookName(look);
      await applyLook(page, look);
      // Expiring soon first: it answers "what is about to expire?"; Valid next, soonest first; Expired, over, at the bottom.
      await expect(groups, name).toHaveText(['Expiring soon · 1', 'Valid · 1', 'Expired · 1']);
      await expect(rows.getByTestId('token-countdown')).toHaveText([
        /^in [45] min$/,
        /^in (59 min|1 h)$/,
        /^Expired (just now|1 min ago)$/,
      ]);

      // The token's value and its Copy sit under the detail's title, in the window without scrolling the pane.
      await rows.first().click();
      for (const button of [detail.getByRole('button', { name: 'Reveal token' }), detail.getByRole('button', { name: 'Copy token' })])
        expect(await inWindowAsShown(page, button), `${name}: ${await button.textContent()} in view`).toBe(true);
      // The page itself (the navigation is another page's test).
      if (look.width === 1024) expect(await seriousAccessibilityProblems(page, 'main'), name).toEqual([]);

      // New token opens on ACS, ARR last and marked retired; scrolled to its end, the form goes under the tabs, which stay.
      await page.getByRole('button', { name: 'New token' }).click();
      const dialog = page.getByRole('dialog', { name: 'New token' });
      const tabs = dialog.getByRole('tab');
      for (const [i, tab] of ['ACS user token', 'Entra token', 'Teams user', 'ARR access token Retired'].entries())
        await expect(tabs.nth(i)).toHaveAccessibleName(tab);
      await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
      await dialog.getByRole('checkbox', { name: /^Store in vault/ }).scrollIntoViewIfNeeded();
      const content = dialog.getByRole('tablist').locator('xpath=..');
      expect(await content.evaluate((el) => el.scrollTop), `${name}: the form scrolled`).toBeGreaterThan(look.height === 700 ? 0 : -1);
      const [list, box] = [await dialog.getByRole('tablist').boundingBox(), await content.boundingBox()];
      expect(list && box && list.y >= box.y - 1 && list.y + list.height <= box.y + box.height, `${name}: the tabs in view`).toBe(true);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }

    // Newest first lists the last got first, without groups; then back to time left.
    const order = page.getByRole('combobox', { name: 'Sort by' });
    await order.selectOption({ label: 'Newest' });
    await expect(groups).toHaveCount(0);
    await expect(rows.first().getByTestId('token-countdown')).toHaveText(/^in (59 min|1 h)$/);
    await order.selectOption({ label: 'Time left' });

    // Refresh now, in the expiring token's detail and over the list: a new hour, and it moves to Valid.
    await rows.first().click();
    await expect(detail.getByRole('button', { name: 'Refresh now' })).toBeVisible();
    await page.getByRole('button', { name: 'Refresh 1 expiring' }).click();
    await expect(groups).toHaveText(['Valid · 2', 'Expired · 1']);
    await expect(detail.getByRole('button', { name: 'Refresh now' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Refresh \d+ expiring$/ })).toHaveCount(0);
    const refreshed = (await listedTokens(page)).find((t) => t.id === expiring.id);
    expect(Date.parse(refreshed?.expiresAt ?? '') - Date.now()).toBeGreaterThan(55 * minute);
  },
);

test(
  'an ACS chat user’s token is copied in three actions for the identity last used, with its user ID, .env and snippet a press ' +
    'each; a row of ACS identities copies a new one in one; the request signer keeps the focus after Sign and Escape closes it',
  async ({ app, page, context, emulator }) => {
    test.setTimeout(90_000);
    await grantClipboard(context, app);
    const chat = await addChatResourceToCore(app.core, emulator);
    // Carol got a token before; Dave was made since but never used: Carol is the default.
    await mintChatToken(app.core, chat.id, 'Carol');
    await coreValues(app.core).acsIdentities.create({ accountId: chat.id, label: 'Dave', via: 'accessKey' });
    const identities = await coreValues(app.core).acsIdentities.list({});
    const carol = identities.find((i) => i.label === 'Carol');
    await app.open(page, 'tokens');
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const newest = async () => (await listedTokens(page)).sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt))[0];

    // 1 New token, 2 Get token, 3 Copy token.
    const dialog = page.getByRole('dialog', { name: 'New token' });
    for (const round of [1, 2]) {
      await page.getByRole('button', { name: 'New token' }).click();
      await expect(dialog.getByRole('combobox', { name: 'Identity' }), `round ${round}`).toHaveText(/^Carol · 8:acs:/);
      await dialog.getByRole('button', { name: 'Get token' }).click();
      const card = dialog.getByTestId('acs-result');
      await expect(card.getByRole('heading', { name: 'ACS user token for Carol' })).toBeVisible();
      await expect(card).toContainText(/Expires[A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d\d [AP]M \(in (59 min|1 h)\)/);
      await dialog.getByRole('button', { name: 'Copy token' }).click();
      const got = await newest();
      await expect(card.getByRole('status')).toHaveText(/^Token copied/);
      expect(await clipboard()).toBe(await tokenValue(page, got?.id ?? ''));
      if (round === 2) break;

      await card.getByRole('button', { name: 'Copy user ID' }).click();
      await expect(card.getByRole('status')).toHaveText('User ID copied.');
      expect(await clipboard()).toBe(carol?.communicationUserId);
      await card.getByRole('button', { name: 'Copy as .env' }).click();
      await expect(card.getByRole('status')).toHaveText(/^\.env lines copied/);
      const env = await clipboard();
      expect(env).toContain(`ACS_USER_TOKEN=${await tokenValue(page, got?.id ?? '')}\n`);
      expect(env).toContain(`ACS_USER_ID=${carol?.communicationUserId ?? ''}\n`);
      await card.getByRole('button', { name: 'Copy snippet' }).click();
      await expect(card.getByRole('status')).toHaveText('Snippet copied.');
      expect(await clipboard()).toContain('new ChatClient(');
      expect(await clipboard()).toContain('process.env.ACS_USER_TOKEN');
      expect(Object.values(await axeInBothThemes(page, '[role="dialog"]')).flat()).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toBeHidden();
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    // No new identity either time: Carol's three tokens, Dave still without one.
    expect((await coreValues(app.core).acsIdentities.list({})).map((i) => i.label).sort()).toEqual(['Carol', 'Dave']);
    const carols = (await listedTokens(page)).filter(
      (t) => t.source.subject?.kind === 'acs-identity' && t.source.subject.label === 'Carol',
    );
    expect(carols).toHaveLength(3);

    // A row of ACS identities gets Dave a token and copies it in one press.
    await page.getByRole('button', { name: 'ACS identities' }).click();
    const table = page.getByRole('dialog', { name: 'ACS identities' });
    await table.getByRole('button', { name: 'Copy new token for Dave' }).click();
    await expect(table.getByTestId('acs-identities-status')).toContainText(/^Copied a new token for Dave \(chat, expires /);
    const daves = await newest();
    expect(daves?.source.subject?.kind === 'acs-identity' && daves.source.subject.label).toBe('Dave');
    expect(await clipboard()).toBe(await tokenValue(page, daves?.id ?? ''));
    await table.getByRole('button', { name: 'Close' }).click();
    await expect(table).toBeHidden();

    // The request signer, by keyboard: the focus stays on Sign while it signs and after, and Escape closes the dialog.
    const signer = page.getByRole('dialog', { name: 'Sign an ACS request' });
    await openWithKeyboard(page, page.getByRole('button', { name: 'Sign an ACS request' }), signer);
    const sign = signer.getByRole('button', { name: 'Sign', exact: true });
    await tabTo(page, sign);
    await page.keyboard.press('Enter');
    await expect(signer.getByTestId('signed-curl')).toBeVisible();
    await expectFocusOn(page, sign);
    await page.keyboard.press('Escape');
    await expect(signer).toBeHidden();
  },
);
