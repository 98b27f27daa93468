import { contractCall } from '../scripts/contract-call.ts';
import { seedDemo } from '../scripts/demo-seed.ts';
import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { applyLook, lookName, looks, whollyInWindow } from './support/looks.ts';
import { matrixCell } from './support/roles-page.ts';
import { grantClipboard } from './support/tokens-page.ts';

/**
 * The Roles page with the demo's data: people by name, "No access" once rather than a chip per capability, one bar, and with a
 * capability chosen each cell is its verdict, whose details offer the fix (the `az` command, copied, and where the Portal does it).
 */

test('Roles says "No access" once, answers what Adele lacks to render in her cell and offers the command that grants it', async ({
  app,
  emulator,
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const { audit } = await seedDemo(contractCall(app.core), emulator);
  const adele = audit.identities.find((i) => i.directoryName === 'Adele Vance');
  const designReview = audit.resources.find((r) => r.name === 'Design review');
  const command =
    `az role assignment create --assignee ${adele?.objectId ?? '?'} --role "Remote Rendering Client" ` +
    `--scope ${designReview?.resourceId ?? '?'}`;
  await grantClipboard(context, app);
  await app.open(page, 'roles');
  const matrix = page.getByRole('table', { name: 'Role matrix' });
  const capability = page.getByRole('combobox', { name: 'Capability' });
  const adeleOnReview = matrixCell(page, 'Adele Vance', 'Design review');
  const details = page.getByRole('region', { name: 'Adele Vance on Design review' });
  const grant = details.getByRole('region', { name: 'Grant it' });
  const copy = grant.getByRole('button', { name: 'Copy command to assign Remote Rendering Client' });

  for (const look of looks) {
    await test.step(lookName(look), async () => {
      await applyLook(page, look);
      // One bar: what to audit is what is shown.
      await expect(page.getByRole('group', { name: 'What to audit and show' })).toHaveCount(1);
      await expect(page.getByRole('combobox', { name: 'Identities' })).toHaveCount(1);
      await expect(page.getByTestId('matrix-count')).toHaveText('3 identities × 5 resources');
      // People by name, as on the Identities page, with the sign-in name under it.
      await expect(matrix.getByRole('rowheader')).toHaveText([
        /^Adele Vanceadele\.vance@contoso/,
        /^Nestor Wilkenestor\.wilke@fabrikam/,
        /^Render pipeline \(secret\)Render pipeline/,
      ]);
      // No chip for what is missing: a cell without any role says "No access", once; what it lacks is still read out.
      await expect(matrix.locator('[data-state="missing"]')).toHaveCount(0);
      const nestorOnShowroom = matrixCell(page, 'Nestor Wilke', 'Showroom');
      await expect(nestorOnShowroom.getByText('No access', { exact: true })).toHaveCount(1);
      await expect(nestorOnShowroom.locator('[data-state]')).toHaveCount(0);
      await expect(nestorOnShowroom).toHaveAccessibleName(/^Nestor Wilke on Showroom: No access Missing: Convert models, .*Render/);

      // Choose Render: each cell is the verdict.
      await capability.click();
      await page.getByRole('option', { name: 'Render' }).click();
      await expect(page.getByTestId('matrix-count')).toHaveText('3 identities × 3 resources');
      await expect(adeleOnReview.getByTestId('verdict')).toHaveText('✗ needs Remote Rendering Client');
      await expect(matrixCell(page, 'Adele Vance', 'Showroom').getByTestId('verdict')).toHaveText('✓ by Remote Rendering Administrator');
      await expect(adeleOnReview).toHaveAccessibleName('Adele Vance on Design review: Reader Render: needs Remote Rendering Client');

      // Its details: Grant it, with the exact command copied, and the Portal's IAM blade, which the emulator's cloud has none of.
      await adeleOnReview.click();
      await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
      await expect(grant.getByTestId('grant-command')).toHaveText(command);
      expect(await whollyInWindow(page, copy), `${lookName(look)}: Copy command in the window`).toBe(true);
      await copy.click();
      await expect(grant.getByRole('status')).toHaveText('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
      await expect(grant.getByRole('link')).toHaveCount(0);
      await expect(grant.getByTestId('no-portal')).toHaveText(
        'Azure emulator (local) has no Azure portal the app knows: assign the role with the command, or where that cloud manages access.',
      );
      // Axe on the page's own part (the navigation and the palette have their own specs), in each theme and each size once.
      if (look === looks[0] || look === looks[3]) expect(await seriousAccessibilityProblems(page, 'main'), lookName(look)).toEqual([]);

      await details.getByRole('button', { name: 'Close the details' }).click();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect(page.getByTestId('matrix-count')).toHaveText('3 identities × 5 resources');
    });
  }

  // By keyboard from the bar: the capability (Enter, type, Enter), then Tab to the matrix, whose first cell is Adele's on Design review.
  await page.getByRole('combobox', { name: 'Identities' }).focus();
  for (const key of ['Tab', 'Tab']) await page.keyboard.press(key);
  await expect(capability).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ren');
  await page.keyboard.press('Enter');
  await expect(capability).toHaveText('Render');
  await expect(adeleOnReview.getByTestId('verdict')).toHaveText('✗ needs Remote Rendering Client');
  for (let tabs = 0; tabs < 8 && !(await adeleOnReview.evaluate((el) => el === document.activeElement)); tabs++)
    await page.keyboard.press('Tab');
  await expect(adeleOnReview).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(grant.getByRole('status')).toHaveText('Copied');
});
