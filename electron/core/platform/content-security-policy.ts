/**
 * The renderer's Content Security Policy, sent as a header by both hosts (the app:// protocol in
 * Electron and browser mode's HTTP server). Nothing is allowed by default; scripts, styles, fonts
 * and images come only from the bundle. `connect-src` is `'self'` only in browser mode, where the
 * contract travels over HTTP to the same origin; in Electron it goes over IPC and no connection is
 * allowed at all. Fluent UI's CSS-in-JS (Griffel) adds empty <style> elements and fills them
 * through the CSSOM, which CSP does not govern; the one hash allowed is that of empty content, so
 * no stylesheet text can be injected and no 'unsafe-inline' is needed.
 */
const emptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export function contentSecurityPolicy(host: 'electron' | 'browser'): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${emptyStyleHash}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${host === 'browser' ? "'self'" : "'none'"}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
