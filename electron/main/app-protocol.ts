import { contentSecurityPolicy } from '../core/platform/content-security-policy.ts';
import { readStaticFile } from '../core/platform/static-files.ts';

/**
 * The renderer's origin in the desktop app, `app://renderer/`, served by our own protocol handler
 * rather than file://, so the page has a real origin, a CSP header and no reach into the disk.
 * Registered privileged (standard, secure) in main.ts before the app is ready.
 */
export const appScheme = 'app';
export const appHost = 'renderer';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/** True only for `app://renderer/...`: no other host, no port, no user info. */
export function isAppUrl(raw: string | undefined): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // A custom scheme's URL.origin is "null" in WHATWG parsing, so compare the parts instead.
  return url.protocol === `${appScheme}:` && url.host === appHost && url.username === '' && url.password === '';
}

const headers = {
  'Content-Security-Policy': contentSecurityPolicy('electron'),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Answers one app:// request from the built renderer folder. Other hosts, other methods and paths
 * that leave the folder (readStaticFile refuses them after decoding) get a plain 404 or 405 that
 * names nothing on disk.
 */
export async function serveRenderer(rendererRoot: string, requestUrl: string, method = 'GET'): Promise<Response> {
  if (!isAppUrl(requestUrl)) return refusal(404);
  if (method !== 'GET' && method !== 'HEAD') return refusal(405);
  const file = await readStaticFile(rendererRoot, new URL(requestUrl).pathname);
  if (!file) return refusal(404);
  const body = method === 'HEAD' ? null : new Uint8Array(file.body);
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
}

function refusal(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
