import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The window sizes and themes the design review checks: docked beside an IDE (1024 × 700) and a laptop screen (1400 × 900). */
export const looks = [
  { width: 1024, height: 700, scheme: 'light' },
  { width: 1024, height: 700, scheme: 'dark' },
  { width: 1400, height: 900, scheme: 'light' },
  { width: 1400, height: 900, scheme: 'dark' },
] as const;

export type Look = (typeof looks)[number];

/** "1024×700 dark": a look's name, for test and assertion messages. */
export const lookName = (look: Look) => `${look.width}×${look.height} ${look.scheme}`;

/** Sizes the window and sets the OS theme, and waits until the app shows that theme. */
export async function applyLook(page: Page, look: Look): Promise<void> {
  await page.setViewportSize({ width: look.width, height: look.height });
  await page.emulateMedia({ colorScheme: look.scheme });
  await expect(page.locator('[data-theme]')).toHaveAttribute('data-theme', look.scheme);
}

/** Whether the element is wholly inside the window (not clipped right or below), after scrolling it into view. */
export async function whollyInWindow(page: Page, selector: ReturnType<Page['locator']>): Promise<boolean> {
  await selector.scrollIntoViewIfNeeded();
  const box = await selector.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
}
