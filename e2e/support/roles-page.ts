import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningEmulator } from '../azure-emulator/server.ts';
import { callApi, signInOnEntraPage, startInteractiveSignIn } from './identities-page.ts';

/** Remote Rendering Client on West Europe through the Render Artists group, in the emulator's Contoso tenant. */
export const isaiah = 'isaiah.langer@contoso.onmicrosoft.com';

/** Imports what `userName` (signed in) can see, through the API: the discovery dialog has its own journey in roles.spec.ts. */
export async function importAs(page: Page, userName: string, kind?: 'arr' | 'acs'): Promise<void> {
  const identities = await callApi<{ id: string; username?: string }[]>(page, 'identities.list');
  const identityId = identities.ok ? (identities.value.find((i) => i.username === userName)?.id ?? '') : '';
  const found = await callApi<{ resources: { resourceId: string; kind: string }[] }>(page, 'discovery.resources', { identityId });
  const resourceIds = found.ok ? found.value.resources.filter((r) => kind === undefined || r.kind === kind).map((r) => r.resourceId) : [];
  expect(await callApi(page, 'discovery.import', { identityId, resourceIds })).toMatchObject({ ok: true });
}

/** The matrix cell of one identity (by display or sign-in name, as its row shows both) on one resource: its button is named by what it holds. */
export function matrixCell(page: Page, identity: string, resource: string): Locator {
  const matrix = page.getByRole('table', { name: 'Role matrix' });
  return matrix
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader').filter({ hasText: identity }) })
    .getByRole('button', { name: new RegExp(` on ${resource.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`) });
}

/** The primary key Azure (the emulator) holds now for an ARR account of the scenario. */
export function azurePrimaryKey(emulator: RunningEmulator, accountName: string): string {
  return emulator.scenario.remoteRenderingAccounts.find((a) => a.name === accountName)?.primaryKey ?? '';
}

/** The account as the app stores it, found by name. */
export async function storedAccount(page: Page, name: string): Promise<{ id: string; name: string; keysRotatedAt?: string } | undefined> {
  const accounts = await callApi<{ id: string; name: string; keysRotatedAt?: string }[]>(page, 'accounts.list');
  return accounts.ok ? accounts.value.find((a) => a.name === name) : undefined;
}

/** Signs Isaiah in through the Identities page's dialog: his first sign-in in an emulator asks for consent, later ones do not. */
export async function signInIsaiah(page: Page, context: Parameters<typeof startInteractiveSignIn>[1]): Promise<void> {
  const { dialog, tab } = await startInteractiveSignIn(page, context);
  await signInOnEntraPage(tab, isaiah);
  const accept = tab.getByRole('button', { name: 'Accept' });
  const done = tab.getByText('You can close this tab');
  await expect(accept.or(done)).toBeVisible();
  if (await accept.isVisible()) await accept.click();
  await expect(done).toBeVisible();
  await tab.close();
  await expect(dialog).toBeHidden();
}
