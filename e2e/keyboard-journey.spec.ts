import { expect, test } from './support/emulator-fixture.ts';
import { expectFocusOn, goToSection, openWithKeyboard, pressOn, tabTo } from './support/keyboard.ts';
import { arrKey, chatResource, listedTokens, tokenValue, westEurope } from './support/tokens-page.ts';

// One whole journey with the keyboard alone: no click, no fill, nothing typed but through the
// keyboard. Every stop checks where the focus is and that the user can see it, and every dialog
// that closes gives the focus back to a control of the page (never to the page's body).

test(
  'a user adds accounts (pasting a connection string first), finds one, reveals and copies its key, mints and copies a token, ' +
    'changes the theme and leaves the sign-in with Escape, all with the keyboard',
  async ({ app, page, context, emulator }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
    await app.open(page);
    const main = page.getByRole('main');
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();

    // The navigation is the first stop of Tab.
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await page.keyboard.press('Tab');
    await expectFocusOn(page, nav.getByText('Accounts', { exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();

    // The first account, from the empty page: the dialog opens on Communication Services with the focus in the connection string,
    // ready for a paste; Enter in the last field submits, and the focus comes back to "Add account", now in the page's header.
    const addAcs = page.getByRole('dialog', { name: 'Add a Communication Services resource' });
    await openWithKeyboard(page, main.getByRole('button', { name: 'Add account' }), addAcs);
    await expectFocusOn(page, addAcs.getByRole('textbox', { name: 'Connection string', exact: true }));
    await page.keyboard.type(emulator.acsConnectionString(chatResource, 'primary'));
    // The emulator's endpoint is an address, which names no resource: the name is typed.
    await tabTo(page, addAcs.getByRole('textbox', { name: 'Name' }));
    await page.keyboard.type(chatResource);
    await page.keyboard.press('Enter');
    await expect(addAcs).toBeHidden();
    const list = page.getByRole('listbox', { name: 'Accounts' });
    await expect(list.getByRole('option')).toHaveCount(1);
    const addAccount = main.getByRole('button', { name: 'Add account' });
    await expectFocusOn(page, addAccount);

    // A second one, an ARR account: the kind is a radio group before the connection string, chosen with an arrow key.
    await page.keyboard.press('Enter');
    await expectFocusOn(page, addAcs.getByRole('textbox', { name: 'Connection string', exact: true }));
    await tabTo(page, addAcs.getByRole('radio', { name: 'Communication Services resource' }), { backwards: true });
    await page.keyboard.press('ArrowRight');
    const addArr = page.getByRole('dialog', { name: 'Add a Remote Rendering account' });
    await expectFocusOn(page, addArr.getByRole('radio', { name: 'Remote Rendering account' }));
    await tabTo(page, addArr.getByRole('textbox', { name: 'Name' }));
    await page.keyboard.type(westEurope.name);
    await tabTo(page, addArr.getByRole('textbox', { name: 'Account ID' }));
    await page.keyboard.type(westEurope.accountId);
    await tabTo(page, addArr.getByRole('combobox', { name: 'Account domain' }));
    await page.keyboard.type(westEurope.domain);
    await tabTo(page, addArr.getByRole('textbox', { name: 'Primary key' }));
    await page.keyboard.type(arrKey(emulator));
    await page.keyboard.press('Enter');
    await expect(addArr).toBeHidden();
    await expect(list.getByRole('option')).toHaveCount(2);
    await expectFocusOn(page, addAccount);

    // Find the ARR account: "/" goes to the search, the arrow keys into the list and along it, Enter opens.
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search accounts' });
    await expectFocusOn(page, search);
    await page.keyboard.type('contoso');
    await expect(list.getByRole('option')).toHaveCount(2);
    await page.keyboard.press('ArrowDown');
    await expectFocusOn(page, list);
    // The list starts on the account just added, the ARR one, second; up and down again.
    const active = list.locator('[data-active="true"]');
    await expect(active).toContainText(westEurope.name);
    await page.keyboard.press('ArrowUp');
    await expect(active).toContainText(chatResource);
    await page.keyboard.press('ArrowDown');
    await expect(active).toContainText(westEurope.name);
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: westEurope.name });
    await expect(detail.getByRole('heading', { level: 2, name: westEurope.name })).toBeVisible();
    await expect(detail, 'the domain typed, not a region the combobox suggested').toContainText(westEurope.domain);
    await expectFocusOn(page, list);

    // Reveal the key, then copy it: the focus stays on the control pressed.
    await pressOn(page, detail.getByRole('button', { name: 'Reveal primary key' }));
    await expect(detail.getByText(arrKey(emulator))).toBeVisible();
    await expectFocusOn(page, detail.getByRole('button', { name: 'Hide primary key' }));
    await pressOn(page, detail.getByRole('button', { name: 'Copy primary key' }));
    await expect(detail.getByText(/Copied; clipboard clears/)).toBeVisible();
    await expectFocusOn(page, detail.getByRole('button', { name: 'Copy primary key' }));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(arrKey(emulator));

    // Mint an STS token with that key at the emulator, and copy it.
    await goToSection(page, 'Tokens');
    const newToken = main.getByRole('button', { name: 'New token' });
    const mint = page.getByRole('dialog', { name: 'New token' });
    await openWithKeyboard(page, newToken, mint);
    // It opens on ACS; the ARR tab is the last, reached with the arrow keys.
    await tabTo(page, mint.getByRole('tab', { name: 'ACS user token' }));
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(mint.getByRole('combobox', { name: 'ARR account' })).toHaveText(new RegExp(westEurope.name));
    await pressOn(page, mint.getByRole('button', { name: 'Get token' }));
    await expect(mint).toBeHidden();
    await expectFocusOn(page, newToken);
    const tokenDetail = page.getByRole('region', { name: 'ARR access token' });
    await pressOn(page, tokenDetail.getByRole('button', { name: 'Copy token' }));
    await expect(tokenDetail.getByText(/Copied; clipboard clears/)).toBeVisible();
    await expectFocusOn(page, tokenDetail.getByRole('button', { name: 'Copy token' }));
    const [token] = await listedTokens(page);
    expect(token?.source).toMatchObject({ account: { name: westEurope.name }, via: { credential: 'primaryKey' } });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await tokenValue(page, token?.id ?? ''));
    // Keep it across restarts: Space toggles the switch, which keeps the focus.
    const keep = tokenDetail.getByRole('switch', { name: 'Store in vault (kept across restarts)' });
    await tabTo(page, keep);
    await page.keyboard.press('Space');
    await expect(keep).toBeChecked();
    await expectFocusOn(page, keep);

    // Settings: the theme is a radio group, changed with the arrow keys.
    await goToSection(page, 'Settings');
    const theme = page.getByRole('radiogroup', { name: /Theme/ });
    await tabTo(page, theme.getByRole('radio', { checked: true }));
    const dark = theme.getByRole('radio', { name: 'Dark' });
    for (let i = 0; i < 3 && !(await dark.isChecked()); i++) await page.keyboard.press('ArrowDown');
    await expectFocusOn(page, dark);
    await expect(page.locator('[data-theme]')).toHaveAttribute('data-theme', 'dark');

    // Identities: Escape leaves the sign-in dialog, and the focus is back on "Sign in".
    await goToSection(page, 'Identities');
    const signIn = main.getByRole('button', { name: 'Sign in' });
    const signInDialog = page.getByRole('dialog', { name: 'Sign in to Entra ID' });
    await openWithKeyboard(page, signIn, signInDialog);
    await page.keyboard.press('Escape');
    await expect(signInDialog).toBeHidden();
    await expectFocusOn(page, signIn);
  },
);
