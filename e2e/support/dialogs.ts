import { expect, type Locator, type Page } from '@playwright/test';

export interface OpenDialogOptions {
  /** Where the button is, when the page has another of that name (a detail pane's Edit). */
  within?: Locator;
  /** An alertdialog for a confirmation. */
  role?: 'dialog' | 'alertdialog';
}

/** Clicks the button named and waits for the dialog it opens, named `dialogName`; returns the dialog. */
export async function openDialog(
  page: Page,
  buttonName: string | RegExp,
  dialogName: string | RegExp,
  { within, role = 'dialog' }: OpenDialogOptions = {},
): Promise<Locator> {
  await (within ?? page).getByRole('button', { name: buttonName }).click();
  const dialog = page.getByRole(role, { name: dialogName });
  await expect(dialog).toBeVisible();
  return dialog;
}
