import { contractCall } from '../scripts/contract-call.ts';
import { seedDemo } from '../scripts/demo-seed.ts';
import { axeInBothThemes } from './support/accessibility.ts';
import { expect, test } from './support/emulator-fixture.ts';

test(
  'the command palette, keyboard only: Ctrl+K then “copy token support chat tester” and Enter copies a chat token for tester, ' +
    '“can adele render Showroom” opens Roles on that question, “regenerate secondary Showroom” opens that confirmation, ' +
    'Escape gives the focus back',
  async ({ app, emulator, page, context }) => {
    test.setTimeout(90_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
    const call = contractCall(app.core);
    const { accounts } = await seedDemo(call, emulator);
    const supportChat = accounts.find((a) => a.name === 'Support chat');
    if (!supportChat) throw new Error('The demo has no Support chat');
    // The demo's ACS identity is "Support agent"; the query names a tester on the same resource.
    const tester = await call('acsIdentities.create', { accountId: supportChat.id, label: 'tester' });
    await app.open(page, 'accounts');

    const palette = page.getByRole('dialog', { name: 'Find and do' });
    const box = palette.getByRole('combobox', { name: 'Find an account, identity, token or action' });
    const chosen = palette.getByRole('option', { selected: true });

    // Escape gives the focus back where it was: the navigation's item for the page on screen.
    await page.keyboard.press('Tab');
    const accountsItem = page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Accounts', exact: true });
    await expect(accountsItem).toBeFocused();
    await page.keyboard.press('Control+k');
    await expect(box).toBeFocused();
    // Nothing typed: the tokens that expire next come first.
    await expect(palette.getByRole('option').first()).toContainText('Expiring next');
    await page.keyboard.type('settings');
    await expect(chosen).toContainText('Go to Settings');
    expect(await axeInBothThemes(page, '[role="dialog"]')).toEqual({});
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    await expect(accountsItem).toBeFocused();
    await expect(page).toHaveURL(/#\/accounts$/);

    // One line, Enter: minted with the access key for the identity labelled tester, and copied.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('copy token support chat tester');
    await expect(chosen).toContainText('Copy ACS chat token · Support chat · tester');
    await expect(chosen).toContainText('Mints a 24 h token with the access key, then copies it');
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(
      page.getByRole('listitem', { name: /^Copied the new ACS chat token for tester \(Support chat\); the clipboard clears in \d+ s\.$/ }),
    ).toBeVisible();
    const testersTokens = async () =>
      (await call('tokens.list')).filter(
        (t) => t.source.subject?.kind === 'acs-identity' && t.source.subject.acsIdentityId === tester.identity.id,
      );
    const minted = await testersTokens();
    expect(minted.map((t) => t.scopes)).toEqual([['chat']]);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^eyJ/);
    expect(copied).toBe((await call('tokens.reveal', { id: minted[0]!.id })).value);

    // Again while it is valid: the same token is copied, none minted.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('copy token support chat tester');
    await expect(chosen).toContainText('Copies the stored token, valid until');
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listitem', { name: /^Copied the ACS chat token for tester \(Support chat\)/ })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copied);
    expect(await testersTokens()).toHaveLength(1);

    // Roles opens on Adele, Showroom and Render.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('can adele render Showroom');
    await expect(chosen).toContainText('Can Adele Vance render on Showroom?');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/roles$/);
    await expect(page.getByTestId('matrix-count')).toContainText('1 identity × 1 resource');
    await expect(page.getByRole('table', { name: 'Role matrix' })).toContainText('Adele Vance');

    // The Accounts page opens the Regenerate confirmation on Showroom's secondary key.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('regenerate secondary Showroom');
    await expect(chosen).toContainText('Regenerate the secondary key · Showroom…');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Regenerate a key of “Showroom”?' });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('radio', { name: /secondary/i })).toBeChecked();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
  },
);
