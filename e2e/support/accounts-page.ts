import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { sessionSecretHeader, sessionSecretKey } from '../../shared/browser-session.ts';

/** Made-up credentials in the shapes Azure uses; none of them opens anything. */
export const arr = {
  name: 'Contoso dev',
  accountId: '0f6c8e4a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
  region: 'westeurope',
  primaryKey: 'ZTJlLXRlc3QtYXJyLXByaW1hcnkta2V5LW5vdC1yZWFsIQ==',
};

export const acs = {
  name: 'Fabrikam chat',
  endpoint: 'https://fabrikam-chat.communication.azure.com/',
  accessKey: 'ZTJlLXRlc3QtYWNzLWFjY2Vzcy1rZXktdGhpcy1pcy1ub3QtcmVhbC0wMDA=',
  get connectionString() {
    return `endpoint=${this.endpoint};accesskey=${this.accessKey}`;
  },
};

/** Adds the made-up ARR account (with the tags given) through the Add dialog, and waits for the dialog to close. */
export async function addSampleArrAccount(page: Page, { tags }: { tags?: string } = {}): Promise<void> {
  const { name, accountId, region: domain, primaryKey } = arr;
  await expect(await addArrAccount(page, { name, accountId, domain, primaryKey, ...(tags ? { tags } : {}) })).toBeHidden();
}

/** Opens the Add dialog from wherever the page offers it (the empty state or the header). */
export async function openAddDialog(page: Page) {
  await page.getByRole('button', { name: 'Add account' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

export async function addArrAccount(
  page: Page,
  fields: { name: string; accountId: string; domain: string; primaryKey: string; tags?: string },
) {
  const dialog = await openAddDialog(page);
  // The form starts on the last kind added, Communication Services at first.
  await dialog.getByRole('radio', { name: 'Remote Rendering account' }).check();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(fields.name);
  await dialog.getByRole('textbox', { name: 'Account ID' }).fill(fields.accountId);
  await dialog.getByRole('combobox', { name: 'Account domain' }).fill(fields.domain);
  await dialog.getByRole('textbox', { name: 'Primary key' }).fill(fields.primaryKey);
  if (fields.tags) await dialog.getByRole('textbox', { name: 'Tags' }).fill(fields.tags);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  return dialog;
}

export async function addAcsResource(page: Page, fields: { name: string; connectionString: string; tags?: string }) {
  const dialog = await openAddDialog(page);
  await dialog.getByRole('radio', { name: 'Communication Services resource' }).check();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(fields.name);
  await dialog.getByRole('textbox', { name: 'Connection string', exact: true }).fill(fields.connectionString);
  if (fields.tags) await dialog.getByRole('textbox', { name: 'Tags' }).fill(fields.tags);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  return dialog;
}

/** Regenerate key… or Delete… from the "More actions" menu of the account's detail (`detail`, its region). */
export async function chooseAccountAction(page: Page, detail: Locator, action: 'Regenerate key…' | 'Delete…'): Promise<void> {
  await detail.getByRole('button', { name: /^More actions for / }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/**
 * Tabster (Fluent UI's focus manager) puts aria-hidden focus sentinels around focus groups on
 * purpose: they pass focus on at once and must stay silent. axe cannot know that.
 * https://github.com/microsoft/tabster/issues/288
 */
const isTabsterSentinel = (rule: string, html: string) => rule === 'aria-hidden-focus' && html.includes('data-tabster-dummy');

/** Serious and critical axe findings, as "rule: target" lines that say what to fix. */
export async function seriousAccessibilityProblems(page: Page, include?: string): Promise<string[]> {
  // Contrast is measured on the page at rest: no pointer hovering a button, and no colour
  // transition half-way (a button that just turned enabled again fades its colours in).
  await page.mouse.move(0, 0);
  await page.evaluate(async () => {
    // Runs in the page; this file is also type-checked without the DOM library, hence the shape spelled out.
    type PageAnimation = { effect: { getComputedTiming(): { endTime?: unknown } } | null; finished: Promise<unknown> };
    const { document } = globalThis as unknown as { document: { getAnimations(): PageAnimation[] } };
    const finite = document.getAnimations().filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)));
    await Promise.race([
      Promise.all(finite.map((animation) => animation.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
  });
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes
        .filter((n) => !isTabsterSentinel(v.id, n.html))
        .map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${v.help}. ${n.failureSummary ?? ''}`),
    );
}

/** Changes a setting the way the page does, through the contract over HTTP. */
export async function updateSettings(page: Page, patch: Record<string, unknown>) {
  const result = await page.evaluate(
    async ({ body, session }) => {
      const headers = { 'Content-Type': 'application/json', [session.header]: sessionStorage.getItem(session.key) ?? '' };
      const response = await fetch('api/settings.update', { method: 'POST', headers, body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean };
    },
    { body: patch, session: { header: sessionSecretHeader, key: sessionSecretKey } },
  );
  expect(result.ok).toBe(true);
}
