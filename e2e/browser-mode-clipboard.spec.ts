import { acs, addAcsResource } from './support/accounts-page.ts';
import { expect, test } from './support/app-fixture.ts';

// Browser mode copies with the page's clipboard and clears it from the page after the timer: a tab
// closed sooner cannot, and the note under Copy says so. The desktop app clears from its main process.
test('a copied secret’s note says that closing the tab before the clipboard clears leaves it there', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
  await app.open(page);
  const dialog = await addAcsResource(page, { name: acs.name, connectionString: acs.connectionString });
  await expect(dialog).toBeHidden();
  const detail = page.getByRole('region', { name: acs.name });
  await detail.getByRole('button', { name: 'Copy connection string' }).click();
  await expect(detail.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
    'Copied; clipboard clears in 30 s. Closing this tab before then leaves it on the clipboard.',
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(acs.connectionString);
});
