import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Core } from '../../electron/core/core.ts';
import { coreValues } from '../../electron/core/test-support/test-core.ts';
import type { AccountView } from '../../shared/accounts.ts';
import type { TokenView } from '../../shared/tokens.ts';
import type { RunningEmulator } from '../azure-emulator/server.ts';
import { addAcsResource, addArrAccount } from './accounts-page.ts';
import { callApi } from './identities-page.ts';

const run = promisify(execFile);

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

/** Opens the app and adds the West Europe ARR account through the Add dialog, where most ARR token scenarios start. */
export async function openWithWestEurope(
  app: { open(page: Page): Promise<void> },
  page: Page,
  emulator: RunningEmulator,
  options: { name?: string; key?: string } = {},
): Promise<void> {
  await app.open(page);
  await addWestEurope(page, emulator, options);
}

/** The West Europe ARR account with its primary key, added through the core rather than the page. */
export function addWestEuropeToCore(core: Core, emulator: RunningEmulator): Promise<AccountView> {
  const { name, accountId, domain: accountDomain } = westEurope;
  return coreValues(core).accounts.add({
    kind: 'arr',
    name,
    accountId,
    accountDomain,
    primaryKey: arrKey(emulator),
    cloud: 'AzureEmulator',
  });
}

/** The chat resource, added through the core rather than the page. */
export function addChatResourceToCore(core: Core, emulator: RunningEmulator): Promise<AccountView> {
  const connectionString = emulator.acsConnectionString(chatResource);
  return coreValues(core).accounts.add({ kind: 'acs', name: chatResource, connectionString, cloud: 'AzureEmulator' });
}

/** An ARR token minted with the primary key of the account the core lists first (the one the test added). */
export async function mintArrToken(core: Core): Promise<TokenView> {
  return coreValues(core).tokens.mintArr({ accountId: (await listedAccountId(core)) ?? '', via: 'primaryKey' });
}

/** A new ACS identity `label` on the ACS resource `accountId`, with a chat token for 60 minutes, minted through the core. */
export async function mintChatToken(core: Core, accountId: string, label: string): Promise<TokenView> {
  return (await coreValues(core).tokens.mintAcs({ accountId, newIdentity: { label }, scopes: ['chat'], minutes: 60 })).token;
}

/** Lets the page read and write the clipboard: browser mode copies in the page, and the tests read it back. */
export function grantClipboard(context: BrowserContext, app: { server: { url: string } }): Promise<void> {
  return context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
}

export async function addChatResource(page: Page, emulator: RunningEmulator): Promise<void> {
  await expect(
    await addAcsResource(page, { name: chatResource, connectionString: emulator.acsConnectionString(chatResource, 'primary') }),
  ).toBeHidden();
}

/** Opens the app and adds the chat resource through the Add dialog, where most ACS token scenarios start. */
export async function openWithChatResource(app: { open(page: Page): Promise<void> }, page: Page, emulator: RunningEmulator): Promise<void> {
  await app.open(page);
  await addChatResource(page, emulator);
}

/** Runs a command (curl, or a shell running a copied curl command) that trusts the emulator's CA, with only PATH from this environment. */
export async function runTrustingEmulator(emulator: RunningEmulator, file: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run(file, args, { env: { PATH: process.env['PATH'] ?? '', CURL_CA_BUNDLE: emulator.caFile } });
  return stdout;
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

/** Presses `button` in the token dialog: it closes, the status says `said`, and the list holds one token, of `kind`; resolves to its row. */
export async function listsOneAfter(
  page: Page,
  dialog: Locator,
  button: 'Get token' | 'Exchange',
  said: string,
  kind: string,
): Promise<Locator> {
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: said })).toBeVisible();
  const row = tokenList(page).getByRole('option');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(kind);
  return row;
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
export async function listedAccountId(core: Core): Promise<string | undefined> {
  return (await coreValues(core).accounts.list())[0]?.id;
}

/** A moment as the token detail shows it, without its "(in 58 min)" (the browser runs in en-US): "Dec 7, 5:15 AM". */
export function shownTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}
