import { sessionSecretKey } from '../../shared/browser-session.ts';

/**
 * The pages browser mode serves without a session: /auth, where the launch link lands and its
 * token is traded for a session, and the page shown after "Sign out of this browser". The token
 * comes in the URL's fragment, which no server sees; the page takes it out of the address and
 * history (history.replaceState) before anything else, then POSTs it. What comes back is the
 * cookie and the session secret, which only this origin's sessionStorage holds.
 */

/** How to get a working link, in every message that needs one. */
export const freshLinkHint = 'In the terminal where browser mode runs (`npm start`), press Enter for a fresh link.';

/** These pages run one script of their own and reach only this origin. */
export const launchPagePolicy =
  "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function page(title: string, body: string, script?: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${title} · Azure Credential Manager</title>`,
    `<main><h1>${title}</h1>${body}</main>`,
    script ? `<script src="${script}"></script>` : '',
    '</html>',
  ].join('\n');
}

export const launchPageHtml = page('Signing in', '<p id="status" role="status">Signing in to browser mode…</p>', '/auth.js');

export const signedOutPageHtml = page('Signed out of this browser', `<p>This browser's session has ended. ${freshLinkHint}</p>`);

export const launchPageScript = `(() => {
  const status = document.getElementById('status');
  const say = (text) => { status.textContent = text; };
  const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
  history.replaceState(null, '', '/auth');
  const fresh = ${JSON.stringify(freshLinkHint)};
  if (!token) return say('This address needs the launch link browser mode prints. ' + fresh);
  fetch('/auth', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) }).then(
    async (response) => {
      if (!response.ok) return say('This link has been used already or has expired: a link works once, for a minute. ' + fresh);
      const { secret } = await response.json();
      sessionStorage.setItem(${JSON.stringify(sessionSecretKey)}, secret);
      location.replace('/');
    },
    () => say('Browser mode is not answering: check that it is still running in its terminal.'),
  );
})();
`;
