import { acs, addAcsResource, addArrAccount, arr } from './support/accounts-page.ts';
import { expect, test } from './support/app-fixture.ts';
import { test as testWithoutKeychain } from './support/app-without-keychain.ts';
import { expectFocusOn, expectFocusWithin, openWithKeyboard, pressOn, tabTo } from './support/keyboard.ts';

// When a dialog closes its opener may be gone with it (the item it deleted, the banner it sat in):
// the focus then goes to the nearest part of the page that is still there, never to the page's
// body, where a keyboard user would have to start again from the top.

test('after deleting an account from the keyboard the focus is on the list, and on Add account once none is left', async ({
  app,
  page,
}) => {
  await app.open(page);
  await expect(await addArrAccount(page, { ...arr, domain: arr.region })).toBeHidden();
  await expect(await addAcsResource(page, acs)).toBeHidden();
  const main = page.getByRole('main');
  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(list.getByRole('option')).toHaveCount(2);

  // Escape leaves Edit, whose opener is still there.
  const detail = page.getByRole('region', { name: acs.name });
  const edit = detail.getByRole('button', { name: 'Edit' });
  const editDialog = page.getByRole('dialog', { name: `Edit ${acs.name}` });
  await openWithKeyboard(page, edit, editDialog);
  await page.keyboard.press('Escape');
  await expect(editDialog).toBeHidden();
  await expectFocusOn(page, edit);

  // Delete takes the detail pane and its buttons with it: the focus goes to the list beside it.
  for (const [name, left] of [
    [acs.name, 1],
    [arr.name, 0],
  ] as const) {
    // The second time the focus is on the list already: Enter opens its one account.
    if (left === 0) await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: `Delete “${name}”?` });
    // Delete is in the detail's "More actions" menu: Enter opens it on its first item, Regenerate key…; the next is Delete….
    await pressOn(page, page.getByRole('region', { name }).getByRole('button', { name: `More actions for ${name}` }));
    await expectFocusOn(page, page.getByRole('menuitem', { name: 'Regenerate key…' }));
    await page.keyboard.press('ArrowDown');
    await expectFocusOn(page, page.getByRole('menuitem', { name: 'Delete…' }));
    await page.keyboard.press('Enter');
    await expectFocusWithin(page, confirm);
    await pressOn(page, confirm.getByRole('button', { name: 'Delete' }));
    await expect(confirm).toBeHidden();
    if (left > 0) {
      await expect(list.getByRole('option')).toHaveCount(left);
      await expectFocusOn(page, list);
    } else {
      await expect(page.getByRole('heading', { level: 2, name: 'No accounts yet' })).toBeVisible();
      await expectFocusOn(page, main.getByRole('button', { name: 'Add account' }));
    }
  }
});

testWithoutKeychain(
  'once a passphrase vault is made from the banner, which then goes away, the focus is on Add account',
  async ({ app, page }) => {
    const passphrase = 'correct horse battery staple';
    await app.open(page);
    const banner = page.getByRole('region', { name: 'Secrets are not available' });
    await pressOn(page, banner.getByRole('button', { name: 'Use a passphrase vault…' }));
    const dialog = page.getByRole('dialog', { name: 'Use a passphrase vault' });
    await tabTo(page, dialog.getByRole('textbox', { name: 'Passphrase', exact: true }));
    await page.keyboard.type(passphrase);
    await tabTo(page, dialog.getByRole('textbox', { name: 'Confirm passphrase' }));
    await page.keyboard.type(passphrase);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(banner).toBeHidden();
    await expectFocusOn(page, page.getByRole('main').getByRole('button', { name: 'Add account' }));
  },
);
