import { isAppUrl } from './app-protocol.ts';

/**
 * Where the app's window may go, and which links it may hand to the system browser. The window
 * only ever shows the app itself; links out are https to a short list of Microsoft and GitHub
 * hosts (docs, the portal, sign-in help), matched exactly, so a look-alike host never opens.
 */
export const externalLinkHosts: ReadonlySet<string> = new Set([
  'learn.microsoft.com',
  'azure.microsoft.com',
  'portal.azure.com',
  'login.microsoftonline.com',
  // Device-code pages and the sovereign clouds' sign-in hosts (shown as links in the sign-in dialog).
  'microsoft.com',
  'login.microsoft.com',
  'login.chinacloudapi.cn',
  'login.microsoftonline.us',
  'github.com',
]);

/** True for `https://<allowed host>/...` with no user info and no explicit port. */
export function isAllowedExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // `https://learn.microsoft.com@evil.com` parses with host evil.com and user info: refuse both.
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && externalLinkHosts.has(url.hostname);
}

/** What to do when the page tries to navigate or open a window. */
export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

/**
 * The window may move within the app (a reload, an in-app link); an allowed external link goes to
 * the system browser instead; everything else is dropped.
 */
export function decideNavigation(target: string): NavigationDecision {
  if (isAppUrl(target)) return 'allow';
  return isAllowedExternalUrl(target) ? 'open-externally' : 'deny';
}

/** New windows are never opened inside the app: allowed links go to the system browser. */
export function decideNewWindow(target: string): Exclude<NavigationDecision, 'allow'> {
  return isAllowedExternalUrl(target) ? 'open-externally' : 'deny';
}
