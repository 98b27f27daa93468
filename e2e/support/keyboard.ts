import { expect, type Locator, type Page } from '@playwright/test';

// Moving through the app with the keyboard alone, checking at each stop where the focus is and that
// the user can see it.

/**
 * Whether the focused element shows a ring: an outline, a shadow or a pseudo-element border on it or
 * on the wrapper Fluent draws its ring on, or, for a list that keeps the focus and points at its
 * active row (aria-activedescendant), on that row.
 */
export async function focusRingShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    // Runs in the page; this file is also type-checked without the DOM library, hence the shapes spelled out.
    type Style = { outlineStyle: string; outlineWidth: string; boxShadow: string; borderBottomWidth: string; content: string };
    type El = { parentElement: El | null; getAttribute(name: string): string | null };
    const w = globalThis as unknown as {
      document: { activeElement: El | null; getElementById(id: string): El | null };
      getComputedStyle(el: El, pseudo?: string): Style;
    };
    const focused = w.document.activeElement;
    if (!focused) return false;
    const activeRow = focused.getAttribute('aria-activedescendant');
    const ring = (s: Style) => (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || s.boxShadow !== 'none';
    const pseudo = (s: Style) => s.content !== 'none' && (ring(s) || parseFloat(s.borderBottomWidth) >= 2);
    const candidates = [focused, focused.parentElement, activeRow ? w.document.getElementById(activeRow) : null];
    return candidates.some(
      (el) =>
        el && (ring(w.getComputedStyle(el)) || pseudo(w.getComputedStyle(el, '::after')) || pseudo(w.getComputedStyle(el, '::before'))),
    );
  });
}

/** What has the focus, in a few words for a failure message: a focus lost to the page's body reads "body". */
export async function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    type El = { tagName: string; getAttribute(name: string): string | null; textContent: string | null };
    const focused = (globalThis as unknown as { document: { activeElement: El | null } }).document.activeElement;
    if (!focused || focused.tagName === 'BODY') return "the page's body";
    const name = focused.getAttribute('aria-label') ?? focused.textContent?.trim().slice(0, 40) ?? '';
    return `${focused.tagName.toLowerCase()}${name ? ` "${name}"` : ''}`;
  });
}

/** The focus is on `target`, with a ring the user can see. */
export async function expectFocusOn(page: Page, target: Locator): Promise<void> {
  await expect(target, `the focus is on ${await focusedElement(page)}`).toBeFocused();
  expect(await focusRingShown(page), 'the focus can be seen').toBe(true);
}

/** The focus is somewhere inside `container` (a dialog that just opened), not left behind it. */
export async function expectFocusWithin(page: Page, container: Locator): Promise<void> {
  await expect(container.locator(':focus'), `the focus is on ${await focusedElement(page)}`).toHaveCount(1);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails when it is not reached, as a control the keyboard cannot reach. */
export async function tabTo(page: Page, target: Locator, { backwards = false, most = 40 } = {}): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < most; i++) {
    if (
      await target
        .evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)
        .catch(() => false)
    )
      break;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expectFocusOn(page, target);
}

/** Tabs (or Shift+Tabs) to `target` and presses Enter on it, as a keyboard user activates a control. */
export async function pressOn(page: Page, target: Locator, options: { backwards?: boolean; most?: number } = {}): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press('Enter');
}

/** Tabs to `opener`, presses Enter, and checks the focus moved into the `dialog` it opens. */
export async function openWithKeyboard(page: Page, opener: Locator, dialog: Locator): Promise<void> {
  await pressOn(page, opener);
  await expectFocusWithin(page, dialog);
}

const sectionNames = ['Accounts', 'Identities', 'Tokens', 'Roles', 'Activity', 'Settings'];

/** Goes back to the navigation with Shift+Tab, moves to `name` with the arrow keys and opens it with Enter. */
export async function goToSection(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const current = nav.locator('[aria-current="page"]');
  await tabTo(page, current, { backwards: true });
  const from = sectionNames.indexOf((await current.textContent()) ?? '');
  const to = sectionNames.indexOf(name);
  for (let i = from; i !== to; i += to > from ? 1 : -1) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  const item = nav.getByText(name, { exact: true });
  await expectFocusOn(page, item);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectFocusOn(page, item);
}
