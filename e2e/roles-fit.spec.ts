import type { Locator, Page } from '@playwright/test';
import { contractCall } from '../scripts/contract-call.ts';
import { seedDemo } from '../scripts/demo-seed.ts';
import { expect, test } from './support/emulator-fixture.ts';

/** The Roles matrix with the demo's data (3 identities × 5 resources) in a 1400 × 900 and a 1024 × 700 window. */

/** Where the matrix's scroll box and its last column are, and whether the box scrolls sideways. */
async function geometry(scroller: Locator, lastColumn: Locator) {
  const box = await scroller.evaluate((el: HTMLElement) => {
    const style = getComputedStyle(el);
    const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    const rect = el.getBoundingClientRect();
    return {
      left: rect.left,
      right: rect.left + el.clientLeft + el.clientWidth,
      top: rect.top,
      bottom: rect.bottom,
      overflows: el.scrollWidth > el.clientWidth,
      // A scroll bar that takes room is one the user sees (an overlay bar would take none).
      scrollBarHeight: el.offsetHeight - el.clientHeight - borders,
      overflowX: style.overflowX,
    };
  });
  const last = await lastColumn.evaluate((el) => el.getBoundingClientRect().right);
  return { ...box, lastRight: last };
}

async function openMatrix(page: Page, open: (page: Page) => Promise<void>, width: number, height: number, scheme: 'light' | 'dark') {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  await open(page);
  await expect(page.locator('[data-theme]')).toHaveAttribute('data-theme', scheme);
  const matrix = page.getByRole('table', { name: 'Role matrix' });
  await expect(page.getByTestId('matrix-count')).toHaveText('3 identities × 5 resources');
  const lastColumn = matrix.getByRole('columnheader').last();
  await expect(lastColumn).toContainText('Support chat');
  return { matrix, scroller: matrix.locator('xpath=..'), lastColumn };
}

test(
  'the demo’s five resources fit beside the identities at 1400 × 900, and at 1024 × 700 the last one is reached with a scroll bar ' +
    'that shows, light and dark',
  async ({ app, emulator, playwright, launchOptions }) => {
    test.setTimeout(120_000);
    await seedDemo(contractCall(app.core), emulator);
    // Playwright hides scroll bars in headless Chromium; this test is about one being there to see.
    const browser = await playwright.chromium.launch({ ...launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] });
    try {
      const page = await browser.newPage();
      const open = (p: Page) => app.open(p, 'roles');
      for (const scheme of ['light', 'dark'] as const) {
        const wide = await openMatrix(page, open, 1400, 900, scheme);
        const fits = await geometry(wide.scroller, wide.lastColumn);
        expect(fits.overflows, `${scheme}: the matrix scrolls sideways at 1400 px`).toBe(false);
        expect(fits.lastRight).toBeLessThanOrEqual(fits.right + 0.5);
        expect(fits.lastRight).toBeLessThanOrEqual(1400);

        const narrow = await openMatrix(page, open, 1024, 700, scheme);
        await narrow.scroller.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
        const before = await geometry(narrow.scroller, narrow.lastColumn);
        expect(before.overflows).toBe(true);
        expect(before.overflowX).toBe('auto');
        // The whole scroll box, its horizontal scroll bar included, is in the window once it is scrolled to.
        expect(before.scrollBarHeight, `${scheme}: the matrix's horizontal scroll bar`).toBeGreaterThan(5);
        expect(before.top).toBeGreaterThanOrEqual(0);
        expect(before.bottom).toBeLessThanOrEqual(700);
        expect(before.lastRight).toBeGreaterThan(before.right);

        // Scrolled to the end as the scroll bar or Shift+wheel would: the last column is all in view, the identities still beside it.
        await narrow.scroller.hover();
        await page.mouse.wheel(2_000, 0);
        await expect.poll(() => narrow.scroller.evaluate((el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1)).toBe(true);
        const after = await geometry(narrow.scroller, narrow.lastColumn);
        expect(after.lastRight).toBeLessThanOrEqual(after.right + 0.5);
        expect(after.lastRight).toBeLessThanOrEqual(1024);
        const identity = narrow.matrix.getByRole('rowheader').first();
        expect((await identity.boundingBox())?.x).toBeCloseTo(after.left + 1, 0);
        await expect(identity).toContainText('adele.vance');
      }
    } finally {
      await browser.close();
    }
  },
);
