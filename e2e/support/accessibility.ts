import { expect, type Page } from '@playwright/test';
import { seriousAccessibilityProblems } from './accounts-page.ts';

/**
 * Axe's serious and critical problems in the light theme and then the dark one, by theme; empty when both pass.
 * `include` narrows the check to what a selector matches (an open dialog, say); the whole page otherwise.
 */
export async function axeInBothThemes(page: Page, include?: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('[data-theme]')).toHaveAttribute('data-theme', colorScheme);
    const problems = await seriousAccessibilityProblems(page, include);
    if (problems.length) found[colorScheme] = problems;
  }
  return found;
}
