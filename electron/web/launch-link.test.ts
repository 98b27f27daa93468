import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { sessionSecretHeader, signOutPath } from '../../shared/browser-session.ts';
import { redeem, send, signInWithLink, tokenOf, type SignedIn } from './test-support/browser-session.ts';
import { serversStoppedAfterEach, type TestServer } from './test-support/test-server.ts';

const start = serversStoppedAfterEach();

/** One contract call as the page makes it. */
const call = (server: TestServer['server'], headers: Record<string, string>, method = 'settings.get') =>
  send(new URL(`/api/${method}`, server.url), 'POST', { ...headers, 'Content-Type': 'application/json' }, '{}');

describe('the launch link', () => {
  it('signs in one browser once: a second use of the same link is refused', async () => {
    const { server } = await start();
    const link = server.newLaunchLink();
    const first = await redeem(server.url, tokenOf(link.url));
    expect(first.status).toBe(200);
    const second = await redeem(server.url, tokenOf(link.url));
    expect(second.status).toBe(401);
    expect(second.headers['set-cookie']).toBeUndefined();
    expect(JSON.parse(second.text)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('is refused once unused for longer than its lifetime, and says when it ends', async () => {
    const { server } = await start({ launchLinkMs: 200 });
    const link = server.newLaunchLink();
    expect(link.expiresAt - Date.now()).toBeLessThanOrEqual(200);
    let spent = false;
    void link.spent.then(() => (spent = true));
    await sleep(300);
    expect(spent).toBe(true);
    expect((await redeem(server.url, tokenOf(link.url))).status).toBe(401);
  });

  it('carries its token in the fragment, which no server and no Referer sees, and a fresh link ends the one before', async () => {
    const { server } = await start();
    const old = server.newLaunchLink();
    expect(new URL(old.url).search).toBe('');
    expect(new URL(old.url).pathname).toBe('/auth');
    expect(Buffer.from(tokenOf(old.url), 'base64url')).toHaveLength(32);
    const fresh = server.newLaunchLink();
    expect(tokenOf(fresh.url)).not.toBe(tokenOf(old.url));
    expect((await redeem(server.url, tokenOf(old.url))).status).toBe(401);
    expect((await redeem(server.url, tokenOf(fresh.url))).status).toBe(200);
  });

  it('is not taken by GET /auth?token=…, the old form that left it in history and logs', async () => {
    const { server } = await start();
    const link = server.newLaunchLink();
    const base = new URL(server.url);
    const answer = await send(new URL(`/auth?token=${tokenOf(link.url)}`, base), 'GET', { Host: base.host });
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.text).not.toContain(tokenOf(link.url));
    expect((await redeem(server.url, tokenOf(link.url))).status).toBe(200); // still unused
  });
});

describe('a browser session', () => {
  it('ends after it has been idle for longer than the idle time', async () => {
    const { server } = await start({ sessionIdleMs: 400 });
    const session = await signInWithLink(server.newLaunchLink().url);
    // In use, it stays.
    for (let i = 0; i < 4; i++) {
      await sleep(200);
      expect((await call(server, session)).status).toBe(200);
    }
    await sleep(600);
    const idle = await call(server, session);
    expect(idle.status).toBe(401);
    expect(JSON.parse(idle.text)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('idle') } });
    // Gone for page loads too, and it does not come back.
    expect((await send(new URL('/', server.url), 'GET', { Host: session.Host, Cookie: session.Cookie })).status).toBe(401);
    expect((await call(server, session)).status).toBe(401);
  });

  it('is ended by Sign out of this browser: the cookie and the secret no longer work', async () => {
    const { server } = await start();
    const session = await signInWithLink(server.newLaunchLink().url);
    const other = await signInWithLink(server.newLaunchLink().url);
    const out = await send(new URL(signOutPath, server.url), 'POST', { ...session, 'Content-Type': 'application/json' }, '');
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await call(server, session)).status).toBe(401);
    expect((await send(new URL('/', server.url), 'GET', { Host: session.Host, Cookie: session.Cookie })).status).toBe(401);
    // Another browser's session is its own.
    expect((await call(server, other)).status).toBe(200);
  });

  it('cannot be signed out by a replayed cookie alone', async () => {
    const { server } = await start();
    const session: SignedIn = await signInWithLink(server.newLaunchLink().url);
    const { [sessionSecretHeader]: _secret, ...cookieOnly } = session;
    expect((await send(new URL(signOutPath, server.url), 'POST', { ...cookieOnly, 'Content-Type': 'application/json' }, '')).status).toBe(
      401,
    );
    expect((await call(server, session)).status).toBe(200);
  });
});
