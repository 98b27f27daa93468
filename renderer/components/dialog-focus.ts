import { useEffect } from 'react';

/** A control the user fills in or picks from: where a form dialog's focus belongs when it opens. */
const fieldSelector = 'input:not([type="hidden"]), textarea, select, [role="combobox"]';
const tabbableSelector = 'button, a[href], input, select, textarea, [tabindex]';

function canTakeFocus(el: Element): el is HTMLElement {
  return (
    el instanceof HTMLElement &&
    el.isConnected &&
    !el.matches(':disabled, [aria-disabled="true"]') &&
    el.tabIndex >= 0 &&
    el.getClientRects().length > 0 &&
    !el.closest('[inert]')
  );
}

const first = (place: Element | null | undefined, selector: string) =>
  place ? Array.from(place.querySelectorAll(selector)).find(canTakeFocus) : undefined;

/** The dialog on top: the last one in the document (Fluent portals each one to the end of the body). */
function topDialog(): HTMLElement | undefined {
  return Array.from(document.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]')).at(-1);
}

/**
 * Where the focus goes: the first field, else the submit button, else the first control. Fluent
 * focuses the first control there is when the dialog opens, which for a dialog still loading its
 * form, or opening with a sentence that holds a link, is the link or Close.
 */
function target(dialog: HTMLElement): HTMLElement | undefined {
  const content = dialog.querySelector('.fui-DialogContent');
  return (
    first(content, fieldSelector) ??
    first(dialog, 'button[type="submit"], [data-focus="submit"]') ??
    first(content, tabbableSelector) ??
    first(dialog, tabbableSelector)
  );
}

/** Whether the focus is where the user would start: a field, or the submit button of a dialog without one. */
function misplaced(dialog: HTMLElement, focused: Element | null, untouched: boolean): boolean {
  // Lost: on the body, or on a control that went away, was hidden or disabled. (A menu of the dialog's own is portalled outside it.)
  if (!(focused instanceof HTMLElement) || focused === document.body || !focused.isConnected) return true;
  if (focused.matches(':disabled') || focused.getClientRects().length === 0) return true;
  if (!dialog.contains(focused)) return false;
  if (!untouched || focused.matches(fieldSelector)) return false;
  // Before the user does anything: off a link or Close when there is a field to fill in.
  const onLinkOrAction = focused.matches('a[href]') || focused.closest('.fui-DialogActions') !== null;
  return (
    onLinkOrAction &&
    !focused.matches('button[type="submit"]') &&
    first(dialog.querySelector('.fui-DialogContent'), fieldSelector) !== undefined
  );
}

/**
 * Keeps a modal dialog's focus on what the user does first: on opening, its first field (once a
 * form that loads has loaded), and, whenever a control that held the focus goes away or is disabled,
 * back in the dialog rather than on the page's body, where Escape and Tab stop working. An alert
 * (a confirmation) keeps the focus Fluent gives it, on Cancel.
 */
export function useDialogFocus(alert: boolean): void {
  useEffect(() => {
    if (alert) return;
    let untouched = true;
    let frame = 0;
    const touched = () => (untouched = false);
    const check = () => {
      cancelAnimationFrame(frame);
      // After the commit and Chromium's own focus fix-up (a removed or disabled control leaves it on the body).
      frame = requestAnimationFrame(() => {
        const dialog = topDialog();
        if (!dialog || !misplaced(dialog, document.activeElement, untouched)) return;
        target(dialog)?.focus();
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'aria-disabled'] });
    document.addEventListener('keydown', touched, true);
    document.addEventListener('pointerdown', touched, true);
    document.addEventListener('focusout', check, true);
    check();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      document.removeEventListener('keydown', touched, true);
      document.removeEventListener('pointerdown', touched, true);
      document.removeEventListener('focusout', check, true);
    };
  }, [alert]);
}
