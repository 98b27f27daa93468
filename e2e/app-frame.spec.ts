import { expect, test } from './support/app-fixture.ts';
import { pageErrors } from './support/page-errors.ts';

const sections = [
  { name: 'Accounts', empty: 'No accounts yet' },
  { name: 'Identities', empty: 'No identities signed in' },
  { name: 'Tokens', empty: 'No tokens yet' },
  { name: 'Roles', empty: 'Nothing to audit yet' },
  { name: 'Activity', empty: 'Nothing handed out yet' },
];

test('the app frame loads through the launch link and every section renders', async ({ app, page }) => {
  const errors = pageErrors(page);

  await app.open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page.getByText('Browser mode')).toBeVisible();

  for (const section of sections) {
    await page.getByRole('navigation').getByText(section.name, { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: section.name })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: section.empty })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/${section.name.toLowerCase()}$`));
  }

  await page.getByRole('navigation').getByText('Settings', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('data-folder')).toHaveText(app.dataFolder);
  await expect(page.getByRole('table', { name: 'Cloud profiles' })).toContainText('Azure Government (US)');
  // A CSP violation or a failed script shows up here: the page must run clean under the policy.
  expect(errors).toEqual([]);
});

test('a reload keeps the section, and the theme follows the OS until the user picks one', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open(page, 'tokens');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();
  const shell = page.locator('[data-theme]');
  await expect(shell).toHaveAttribute('data-theme', 'dark');
  const darkBackground = await page.locator('main').evaluate((el) => getComputedStyle(el).backgroundColor);

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(shell).toHaveAttribute('data-theme', 'light');
  expect(await page.locator('main').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(darkBackground);

  await page.goto(`${app.server.url}#/settings`);
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(shell).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(shell).toHaveAttribute('data-theme', 'dark'); // saved in the data folder, not the page
});

test('a setting changed twice quickly keeps the last choice while the first answer arrives late', async ({ app, page }) => {
  await app.open(page, 'settings');
  const light = page.getByRole('radio', { name: 'Light' });
  await expect(light).toBeVisible();
  // The first save's answer is held back until the second has been answered.
  let releaseFirst!: () => void;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  let firstAnswered!: () => void;
  const firstDone = new Promise<void>((resolve) => (firstAnswered = resolve));
  let saves = 0;
  await page.route('**/api/settings.update', async (route) => {
    const response = await route.fetch();
    if (++saves === 1) {
      await firstHeld;
      await route.fulfill({ response });
      return firstAnswered();
    }
    await route.fulfill({ response });
    releaseFirst();
  });
  await light.check();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await firstDone;
  // For half a second after the late answer, the page still shows the last choice.
  for (let look = 0; look < 10; look++) {
    // Read as it is at this moment (an assertion that waits could wait out a flip back).
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe('dark');
    await page.waitForTimeout(50);
  }
  await page.unroute('**/api/settings.update');
});

test('the sections can be reached and opened with the keyboard alone', async ({ app, page }) => {
  await app.open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation').getByText('Accounts', { exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Identities' })).toBeVisible();
});

test('Tab into the navigation lands on the page on screen, also when it was opened by its address', async ({ app, page }) => {
  await app.open(page, 'roles');
  await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await page.keyboard.press('Tab');
  await expect(nav.getByText('Roles', { exact: true })).toBeFocused();

  // A change of address from outside the navigation (a link, the back button) moves the tab stop too.
  await page.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = '#/tokens';
  });
  const heading = page.getByRole('heading', { level: 1, name: 'Tokens' });
  await heading.click();
  // Back from the page: under the sections sit browser mode's Sign out of this browser, the navigation's width and the
  // palette's button, then the section itself.
  await page.keyboard.press('Shift+Tab');
  await expect(nav.getByRole('button', { name: 'Sign out of this browser' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(nav.getByRole('button', { name: 'Narrow the navigation' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(nav.getByRole('button', { name: /^Find and do/ })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(nav.getByText('Tokens', { exact: true })).toBeFocused();
});
