import type { AppErrorShape } from '../../../shared/errors.ts';

/**
 * Entra's refusals that only a sign-in in the browser can get past: a second factor to complete
 * (AADSTS50076, 50074) or to register (50079), and an app that allows no device code (7000218).
 * The core's message says "use interactive sign-in"; the dialog offers the switch beside it.
 */
const needBrowser = [50076, 50074, 50079, 7000218];

/** Whether the error of a device-code sign-in is one an interactive sign-in can get past. */
export function asksForInteractive(error: AppErrorShape | undefined): boolean {
  const code = /\(AADSTS(\d{5,7})\)/.exec(error?.message ?? '')?.[1];
  return error?.code === 'sign_in_required' && code !== undefined && needBrowser.includes(Number(code));
}
