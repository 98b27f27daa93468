import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { sessionSecretHeader, sessionSecretKey } from '../../shared/browser-session.ts';
import { demoPassword } from '../azure-emulator/test/emulator-fixtures.ts';

/** Opens the Sign in dialog from wherever the page offers it (the empty state or the header). */
export async function openSignInDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to Entra ID' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/**
 * Starts an interactive sign-in from the dialog and returns the tab the app opened for it (browser
 * mode opens the Entra page itself, in a new tab).
 */
export async function startInteractiveSignIn(
  page: Page,
  context: BrowserContext,
  options: { tenant?: string } = {},
): Promise<{ dialog: Locator; tab: Page }> {
  const dialog = await openSignInDialog(page);
  if (options.tenant) await dialog.getByRole('textbox', { name: 'Tenant' }).fill(options.tenant);
  const [tab] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Sign in', exact: true }).click()]);
  await expect(dialog.getByText('Waiting for you to finish signing in in the browser…')).toBeVisible();
  return { dialog, tab };
}

/** Fills the emulator's sign-in page as the user would. */
export async function signInOnEntraPage(tab: Page, userName: string): Promise<void> {
  await tab.getByLabel('Email, phone, or Skype').fill(userName);
  await tab.getByLabel('Password').fill(demoPassword);
  await tab.getByRole('button', { name: 'Sign in' }).click();
}

/** A whole interactive sign-in that succeeds: the dialog closes and the tab says it can be closed. */
export async function signInInteractively(
  page: Page,
  context: BrowserContext,
  userName: string,
  options: { tenant?: string } = {},
): Promise<void> {
  const { dialog, tab } = await startInteractiveSignIn(page, context, options);
  await signInOnEntraPage(tab, userName);
  await expect(tab.getByText('You can close this tab')).toBeVisible();
  await tab.close();
  await expect(dialog).toBeHidden();
}

/** The identities table's row for `name`. */
export function identityRow(page: Page, name: string | RegExp): Locator {
  return page.getByRole('table', { name: 'Identities' }).getByRole('row', { name });
}

/** Opens Add service principal and fills what is given; returns the dialog without submitting. */
export async function fillServicePrincipal(
  page: Page,
  fields: { tenant?: string; clientId?: string; name?: string; clientSecret?: string; certificatePem?: string },
): Promise<Locator> {
  await page.getByRole('button', { name: 'Add service principal' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a service principal' });
  await expect(dialog).toBeVisible();
  if (fields.tenant) await dialog.getByRole('textbox', { name: 'Tenant' }).fill(fields.tenant);
  if (fields.clientId) await dialog.getByRole('textbox', { name: 'Application (client) ID' }).fill(fields.clientId);
  if (fields.name) await dialog.getByRole('textbox', { name: 'Name' }).fill(fields.name);
  if (fields.clientSecret) await dialog.getByLabel('Secret value').fill(fields.clientSecret);
  if (fields.certificatePem) {
    await dialog.getByRole('radio', { name: 'Certificate' }).check();
    await dialog.getByRole('textbox', { name: 'Certificate and private key (PEM)' }).fill(fields.certificatePem);
  }
  return dialog;
}

/** Calls the contract from the page, as the renderer does in browser mode. */
export async function callApi<T = unknown>(
  page: Page,
  method: string,
  input: unknown = {},
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  return page.evaluate(
    async ({ method, input, session }) => {
      const headers = { 'Content-Type': 'application/json', [session.header]: sessionStorage.getItem(session.key) ?? '' };
      const response = await fetch(`api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
      return (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
    },
    { method, input, session: { header: sessionSecretHeader, key: sessionSecretKey } },
  );
}
