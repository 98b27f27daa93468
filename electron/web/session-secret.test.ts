import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSecretHeader, signOutPath } from '../../shared/browser-session.ts';
import { methodNames } from '../../shared/contract.ts';
import { redeem, send, signInWithLink, tokenOf, type SignedIn } from './test-support/browser-session.ts';
import { startTestServer, type TestServer } from './test-support/test-server.ts';

/**
 * Cookies ignore ports, so any other service on 127.0.0.1 the browser visits is sent the session
 * cookie, and a program can replay it with whatever Host and Origin it likes. What it cannot send
 * is the session secret, which only our page's sessionStorage holds.
 */
let running: TestServer;
let session: SignedIn;
let cookieOnly: Record<string, string>;

beforeAll(async () => {
  running = await startTestServer();
  session = await signInWithLink(running.server.newLaunchLink().url);
  const { [sessionSecretHeader]: _secret, ...rest } = session;
  cookieOnly = rest; // the right cookie, and the Host and Origin our page would send, forged
});
afterAll(() => running.stop());

const post = (route: string, headers: Record<string, string>) =>
  send(new URL(route, running.server.url), 'POST', { ...headers, 'Content-Type': 'application/json' }, '{}');

describe('a replayed session cookie', () => {
  it('is refused on every API route without the session secret, however Host and Origin are forged', async () => {
    const routes = [...methodNames.map((m) => `/api/${m}`), signOutPath, '/api/unknown.method'];
    for (const route of routes) {
      const bare = await post(route, cookieOnly);
      expect(bare.status, route).toBe(401);
      expect(JSON.parse(bare.text), route).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await post(route, { ...cookieOnly, [sessionSecretHeader]: 'guessed' })).status, route).toBe(401);
      expect(
        (await post(route, { ...cookieOnly, [sessionSecretHeader]: session.Cookie.split('=')[1] ?? '' })).status,
        `${route}: the cookie as secret`,
      ).toBe(401);
    }
  });

  it('works with the session secret, the control', async () => {
    const answer = await post('/api/settings.get', session);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: true });
  });

  it('gives the secret neither in the cookie nor in any URL: only in the body of the launch exchange', async () => {
    const link = running.server.newLaunchLink().url;
    const answer = await redeem(running.server.url, tokenOf(link));
    const { secret } = JSON.parse(answer.text) as { secret: string };
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const setCookie = String(answer.headers['set-cookie']);
    expect(setCookie).not.toContain(secret);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(link).not.toContain(secret);
    expect(answer.headers['location']).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('no-store');
  });
});
