/**
 * What browser mode's page and host agree on for a session, besides the HttpOnly cookie: the
 * per-session secret the page keeps in sessionStorage (per origin, port included, so no other
 * service on 127.0.0.1 can read it) and sends with every call. A cookie replayed without it is refused.
 */
export const sessionSecretHeader = 'X-Azcred-Session';

/** The sessionStorage key the launch page writes the secret under and the page's transport reads. */
export const sessionSecretKey = 'azcred.session';

/** Where the page goes after "Sign out of this browser". */
export const signedOutPath = '/signed-out';

/** What the page POSTs to end its session. */
export const signOutPath = '/auth/sign-out';
