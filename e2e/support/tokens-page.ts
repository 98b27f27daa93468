import { expect, type Locator, type Page } from '@playwright/test';
import { dispatch } from '../../electron/core/api.ts';
import type { TokenView } from '../../shared/tokens.ts';
import type { RunningEmulator } from '../azure-emulator/server.ts';
import { addAcsResource, addArrAccount } from './accounts-page.ts';
import { callApi } from './identities-page.ts';

/** The JWT's claims, decoded by the emulator's own parser (not by the app under test). */
export { jwtClaims } from '../azure-emulator/test/emulator-fixtures.ts';

/** The emulator's West Europe ARR account and its ACS chat resource, as a user copies them from the portal. */
export const westEurope = {
  name: 'contoso-arr-westeurope',
  accountId: '35d830cb-f062-4062-9792-d6316039df56',
  domain: 'westeurope.mixedreality.azure.com',
};
export const chatResource = 'contoso-acs-chat';

/** The key the emulator's ARM listKeys gives for the account. */
export function arrKey(emulator: RunningEmulator, which: 'primaryKey' | 'secondaryKey' = 'primaryKey'): string {
  const account = emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === westEurope.accountId);
  if (!account) throw new Error('the scenario has no West Europe account');
  return account[which];
}

/** Adds the ARR account on the Accounts page (the default cloud is the emulator's). */
export async function addWestEurope(page: Page, emulator: RunningEmulator, options: { name?: string; key?: string } = {}): Promise<void> {
  const dialog = await addArrAccount(page, {
    name: options.name ?? westEurope.name,
    accountId: westEurope.accountId,
    domain: westEurope.domain,
    primaryKey: options.key ?? arrKey(emulator),
  });
  await expect(dialog).toBeHidden();
}

export async function addChatResource(page: Page, emulator: RunningEmulator): Promise<void> {
  await expect(
    await addAcsResource(page, { name: chatResource, connectionString: emulator.acsConnectionString(chatResource, 'primary') }),
  ).toBeHidden();
}

export async function openTokensPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByText('Tokens', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();
}

/** Opens New token on the tab asked for. */
export async function openNewToken(
  page: Page,
  tab: 'ARR access token' | 'ACS user token' | 'Entra token' | 'Teams user' = 'ARR access token',
): Promise<Locator> {
  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New token' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('tab', { name: tab }).click();
  return dialog;
}

export function tokenList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Tokens' });
}

/** The tokens as the core lists them, asked from the page the way it asks. */
export async function listedTokens(page: Page): Promise<TokenView[]> {
  const result = await callApi<TokenView[]>(page, 'tokens.list');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function tokenValue(page: Page, id: string): Promise<string> {
  const result = await callApi<{ value: string }>(page, 'tokens.reveal', { id });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.value;
}

/** The id of the first account the core lists (the one a test just added), asked of the core directly. */
export async function listedAccountId(core: Parameters<typeof dispatch>[0]): Promise<string | undefined> {
  const result = await dispatch(core, 'accounts.list', undefined);
  return result.ok ? (result.value as { id: string }[])[0]?.id : undefined;
}

/** A time as the token detail shows it (the browser runs in en-US). */
export function shownTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'medium' });
}
