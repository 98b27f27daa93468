import { useLayoutEffect } from 'react';

/**
 * Where the focus goes back to when a dialog closes: the control that opened it, or, when that
 * control is gone (the item it acted on was deleted, the banner it sat in went away), the nearest
 * part of the page that held it; for a dialog opened from another dialog, that dialog's own place.
 */
interface FocusReturn {
  opener: HTMLElement | undefined;
  /** The opener's ancestors, nearest first, up to the dialog or the page that held it. */
  places: HTMLElement[];
  /** The return of the dialog that was open when this one opened. */
  outer: FocusReturn | undefined;
}

/** What Tab can stop on. */
const tabbable = 'button, a[href], input, select, textarea, [tabindex]';

/** The dialogs open now, the innermost last. */
const open: FocusReturn[] = [];

/** A dialog that closed in the commit under way: a dialog opening in its place (in the same commit) gives the focus back where it would
 * have. */
let closing: FocusReturn | undefined;

function returnFrom(focused: Element | null): FocusReturn {
  const outer = open.at(-1);
  if (!(focused instanceof HTMLElement) || focused === document.body) return { opener: undefined, places: [], outer };
  const places: HTMLElement[] = [];
  for (let el = focused.parentElement; el && el !== document.body; el = el.parentElement) {
    // A dialog's own surface and the layer it is portalled into go when it closes: its return takes over.
    if (el.matches('[role="dialog"], [role="alertdialog"]')) break;
    places.push(el);
  }
  return { opener: focused, places, outer };
}

// Not Fluent's focus finders: until the focus moves, the page the dialog covered is still aria-hidden, which they skip.
function canTakeFocus(el: HTMLElement): boolean {
  return el.isConnected && !el.matches(':disabled') && el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('[inert]');
}

function firstTabbable(place: HTMLElement): HTMLElement | undefined {
  return Array.from(place.querySelectorAll<HTMLElement>(tabbable)).find(canTakeFocus);
}

function giveBack(from: FocusReturn | undefined): void {
  for (let r = from; r; r = r.outer) {
    if (r.opener && canTakeFocus(r.opener)) return r.opener.focus();
    for (const place of r.places) {
      if (!place.isConnected) continue;
      const first = firstTabbable(place);
      if (first) return first.focus();
    }
  }
}

function focusLost(): boolean {
  const focused = document.activeElement;
  return !focused || focused === document.body || !focused.isConnected;
}

/**
 * Gives the focus back when the dialog that calls it (mounted while open) closes, so that keyboard
 * and screen-reader users carry on where they were instead of at the top of the page (Fluent gives
 * it back only to controls marked beforehand, and not when that control left with the dialog, as
 * the empty page's "Add account" does). A dialog whose close handler moved the focus is left alone.
 */
export function useFocusReturn(): void {
  useLayoutEffect(() => {
    // Layout effects run before Fluent moves the focus into the dialog: it is still on the opener.
    const from = closing ?? returnFrom(document.activeElement);
    closing = undefined;
    open.push(from);
    return () => {
      open.splice(open.indexOf(from), 1);
      closing = from;
      queueMicrotask(() => {
        if (closing !== from) return;
        closing = undefined;
        if (focusLost()) giveBack(from);
      });
    };
  }, []);
}
