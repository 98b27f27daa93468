import type { Locator, Page } from '@playwright/test';
import { coreValues } from '../electron/core/test-support/test-core.ts';
import { axeInBothThemes } from './support/accessibility.ts';
import { acs, arr, chooseAccountAction, seriousAccessibilityProblems } from './support/accounts-page.ts';
import { test as withoutKeychain } from './support/app-without-keychain.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { applyLook, lookName, looks } from './support/looks.ts';

/** The Accounts page in the four looks of the design review (issue 19), and the daily job of adding an ACS resource. */

const secondaryKey = 'ZTJlLXRlc3QtYXJyLXNlY29uZGFyeS1rZXktbm90LXJlYWwh';

/** The demo's Showroom (ARR, both keys) and Support chat (ACS with its key), added through the core. */
async function addShowroomAndChat(app: { core: Parameters<typeof coreValues>[0] }) {
  const accounts = coreValues(app.core).accounts;
  await accounts.add({
    kind: 'arr',
    name: 'Showroom',
    accountId: arr.accountId,
    accountDomain: arr.region,
    primaryKey: arr.primaryKey,
    secondaryKey,
    tags: ['demo', 'showroom'],
    notes: 'Adele renders here.',
  });
  await accounts.add({ kind: 'acs', name: 'Support chat', connectionString: acs.connectionString, tags: ['demo', 'chat'] });
}

/** Whether the element is wholly inside the window as it is, nothing scrolled. */
async function inWindowUnscrolled(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const size = page.viewportSize();
  return !!box && !!size && box.y >= 0 && box.x >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
}

/** How many lines the element's text takes. */
const lineCount = (element: Locator) =>
  element.evaluate((el: HTMLElement) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));

const background = (element: Locator) => element.evaluate((el: HTMLElement) => getComputedStyle(el).backgroundColor);

/** Whether an rgb() colour is a red: its red channel strong, green and blue weak. */
function isRed(colour: string): boolean {
  const [r = 0, g = 0, b = 0] = (colour.match(/\d+/g) ?? []).map(Number);
  return r > 150 && g < r / 2 && b < r / 2;
}

/** The visible buttons inside `container` drawn in the brand colour: the primary ones. */
const primaryButtons = (container: Locator) =>
  container.evaluate((root: HTMLElement) => {
    const probe = document.createElement('span');
    probe.style.backgroundColor = 'var(--colorBrandBackground)';
    root.appendChild(probe);
    const brand = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return [...root.querySelectorAll('button')]
      .filter((b) => b.getClientRects().length > 0 && getComputedStyle(b).backgroundColor === brand)
      .map((b) => b.textContent?.trim());
  });

test(
  'an account’s key and Copy are in view under its title at 1024 × 700 and 1400 × 900, light and dark, its IDs are not broken, ' +
    'ACS wears the brand colour and ARR says Retired, Regenerate and Delete wait in a menu with red confirmations, and the ' +
    'palette’s “regenerate secondary Showroom” opens Regenerate on that key',
  async ({ app, page }) => {
    await addShowroomAndChat(app);
    await app.open(page, 'accounts');
    const list = page.getByRole('listbox', { name: 'Accounts' });
    await expect(list.getByRole('option')).toHaveCount(2);

    for (const look of looks) {
      const name = lookName(look);
      await applyLook(page, look);
      // The brand colour for the live service; the retired one neutral, and saying so.
      const acsBadge = list.getByRole('option', { name: /Support chat/ }).getByText('Communication Services', { exact: true });
      const arrBadge = list.getByRole('option', { name: /Showroom/ }).getByText('Remote Rendering · Retired');
      await expect(arrBadge).toBeVisible();
      expect(await background(acsBadge), `${name}: the ACS and ARR badges differ`).not.toBe(await background(arrBadge));

      await list.getByRole('option', { name: /Support chat/ }).click();
      const chat = page.getByRole('region', { name: 'Support chat' });
      const copy = chat.getByRole('button', { name: 'Copy connection string' });
      expect(await inWindowUnscrolled(page, chat.getByTestId('secret-connectionString')), `${name}: the masked key`).toBe(true);
      expect(await inWindowUnscrolled(page, copy), `${name}: its Copy`).toBe(true);

      await list.getByRole('option', { name: /Showroom/ }).click();
      const showroom = page.getByRole('region', { name: 'Showroom' });
      expect(await inWindowUnscrolled(page, showroom.getByRole('button', { name: 'Copy primary key' })), `${name}: Copy primary key`).toBe(
        true,
      );
      // The account ID is cut in the middle on one line, whole on the clipboard's side (its copy button and the text behind it).
      const accountId = showroom.locator('dd').filter({ has: page.getByRole('button', { name: 'Copy account ID' }) });
      await expect(accountId).toContainText(/^[0-9a-f]{8}…[0-9a-f]{4}/);
      expect(await lineCount(accountId.locator('span[aria-hidden="true"]').first()), `${name}: the account ID on one line`).toBe(1);

      // Copy, New token, Edit, then a menu with Regenerate and Delete.
      const buttons = showroom.getByRole('button');
      const names = await buttons.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim()));
      expect(names.slice(0, 6), name).toEqual([
        'Reveal primary key',
        'Copy primary key',
        'Reveal secondary key',
        'Copy secondary key',
        'New token',
        'Edit',
      ]);
      expect(names[6]).toBe('More actions for Showroom');
      await showroom.getByRole('button', { name: 'More actions for Showroom' }).click();
      await expect(page.getByRole('menuitem')).toHaveText(['Regenerate key…', 'Delete…']);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu')).toBeHidden();

      // Contrast is the theme's, not the size's: the narrow window is checked in both themes.
      if (look.width === 1024) expect(await seriousAccessibilityProblems(page, 'main'), name).toEqual([]);
    }

    // Delete and Regenerate confirm with a red button, not the brand's.
    const showroom = page.getByRole('region', { name: 'Showroom' });
    const primaryBackground = await background(page.getByRole('button', { name: 'Add account' }));
    for (const [action, dialogName, button] of [
      ['Delete…', 'Delete “Showroom”?', 'Delete'],
      ['Regenerate key…', 'Regenerate a key of “Showroom”?', 'Regenerate the primary key'],
    ] as const) {
      await chooseAccountAction(page, showroom, action);
      const confirm = page.getByRole('alertdialog', { name: dialogName });
      const danger = confirm.getByRole('button', { name: button });
      await expect(danger).toBeVisible();
      expect(await background(danger), action).not.toBe(primaryBackground);
      expect(isRed(await background(danger)), action).toBe(true);
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect(confirm).toBeHidden();
    }

    // From anywhere, the palette's "regenerate secondary Showroom" opens Regenerate here with the secondary key chosen.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Today', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Find an account, identity, token or action' }).fill('regenerate secondary Showroom');
    await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('Regenerate the secondary key');
    await page.keyboard.press('Enter');
    const rotate = page.getByRole('alertdialog', { name: 'Regenerate a key of “Showroom”?' });
    await expect(rotate.getByRole('radio', { name: 'Secondary key' })).toBeChecked();
    await rotate.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('option', { name: /Showroom/ })).toHaveAttribute('aria-selected', 'true');
  },
);

test(
  'an ACS resource is added from its connection string in three actions: Add account, paste, Enter; the form checks every field ' +
    'at once, shows the key on request, and Import masks the key once read',
  async ({ app, page }) => {
    // The fixture's default cloud is the emulator's: the pasted endpoint moves the form to the global cloud.
    await app.open(page, 'accounts');
    await applyLook(page, looks[0]);

    // 1. Add account: the form opens on Communication Services, the focus in the connection string.
    await page.getByRole('button', { name: 'Add account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a Communication Services resource' });
    const connection = dialog.getByRole('textbox', { name: 'Connection string', exact: true });
    await expect(connection).toBeFocused();
    // 2. Paste: the name and the cloud come from the endpoint.
    await page.keyboard.insertText(acs.connectionString);
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('fabrikam-chat');
    await expect(dialog.getByRole('combobox', { name: 'Cloud' })).toHaveText(/Azure \(global\)/);
    await expect(connection).toHaveAttribute('type', 'password');
    await dialog.getByRole('button', { name: 'Show connection string' }).click();
    await expect(connection).toHaveAttribute('type', 'text');
    await expect(connection).toHaveValue(acs.connectionString);
    await dialog.getByRole('button', { name: 'Show connection string' }).click();
    await expect(connection).toHaveAttribute('type', 'password');

    // Every problem at once, each under its field, the focus on the first.
    await dialog.getByRole('textbox', { name: 'Name' }).fill('');
    await connection.fill(`endpoint=${acs.endpoint}`);
    await dialog.getByRole('textbox', { name: 'Tags' }).fill(`chat, ${'x'.repeat(41)}`);
    await dialog.getByRole('button', { name: 'Add account' }).click();
    await expect(connection).toHaveAccessibleDescription(/no accesskey=/);
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(/Enter a name/);
    await expect(dialog.getByRole('textbox', { name: 'Tags' })).toHaveAttribute('aria-invalid', 'true');
    await expect(connection).toBeFocused();
    expect(await axeInBothThemes(page, '[role="dialog"]')).toEqual({});
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The job, counted: a click, a paste, Enter.
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.keyboard.insertText(acs.connectionString);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const chat = page.getByRole('region', { name: 'fabrikam-chat' });
    await expect(chat).toContainText('Azure (global)');
    await expect(chat).toContainText(acs.endpoint);

    // Import: once the text is read, its key is masked (and shown again on request).
    await page.getByRole('button', { name: 'Import' }).click();
    const importing = page.getByRole('dialog', { name: 'Import accounts' });
    const text = importing.getByRole('textbox', { name: 'Text to import' });
    await text.fill(`endpoint=https://northwind-chat.communication.azure.com/;accesskey=${acs.accessKey}`);
    await importing.getByRole('button', { name: 'Preview' }).click();
    await expect(importing.getByRole('table', { name: 'Accounts in the file' })).toContainText('northwind-chat');
    await expect(text).toHaveValue('endpoint=https://northwind-chat.communication.azure.com/;accesskey=••••');
    expect(await page.content()).not.toContain(acs.accessKey);
    await importing.getByRole('button', { name: 'Show the keys to edit' }).click();
    await expect(text).toHaveValue(new RegExp(`accesskey=${acs.accessKey.replace(/[+/=]/g, '\\$&')}$`));
  },
);

withoutKeychain(
  'without a keychain the page has one primary button, and the Add form offers the vault choice and keeps what was typed',
  async ({ app, page }) => {
    await app.open(page, 'accounts');
    const main = page.getByRole('main');
    await expect(page.getByRole('region', { name: 'Secrets are not available' })).toBeVisible();
    expect(await primaryButtons(main)).toEqual(['Add account']);
    await expect(page.getByRole('region', { name: 'No accounts yet' })).not.toContainText('your OS keychain');

    await main.getByRole('button', { name: 'Add account' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Remote Rendering account' }).check();
    await dialog.getByRole('textbox', { name: 'Name' }).fill(arr.name);
    await dialog.getByRole('textbox', { name: 'Account ID' }).fill(arr.accountId);
    await dialog.getByRole('combobox', { name: 'Account domain' }).fill(arr.region);
    await dialog.getByRole('textbox', { name: 'Primary key' }).fill(arr.primaryKey);
    const choice = dialog.getByTestId('vault-choice');
    await expect(choice).toContainText('Choose where the key is stored');
    expect(await primaryButtons(dialog)).toEqual(['Add account']);

    // A passphrase vault, chosen inside the flow: Enter in its dialog creates it and does not submit the form behind.
    await choice.getByRole('button', { name: 'Use a passphrase vault…' }).click();
    const vault = page.getByRole('dialog', { name: 'Use a passphrase vault' });
    await vault.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('correct horse battery staple');
    await vault.getByRole('textbox', { name: 'Confirm passphrase' }).fill('correct horse battery staple');
    await page.keyboard.press('Enter');
    await expect(vault).toBeHidden();
    await expect(choice).toBeHidden();
    await expect(dialog.getByRole('textbox', { name: 'Primary key' })).toHaveValue(arr.primaryKey);
    await expect(page.getByRole('listbox', { name: 'Accounts' })).toBeHidden();

    await dialog.getByRole('button', { name: 'Add account' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('option', { name: /Contoso dev/ }).click();
    await page.getByRole('button', { name: 'Reveal primary key' }).click();
    await expect(page.getByTestId('secret-primaryKey')).toHaveText(arr.primaryKey);
  },
);
