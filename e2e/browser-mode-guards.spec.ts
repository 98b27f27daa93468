import { request as httpRequest } from 'node:http';
import { sessionSecretHeader, sessionSecretKey } from '../shared/browser-session.ts';
import { tokenOf } from '../electron/web/test-support/browser-session.ts';
import { expect, test } from './support/app-fixture.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the test controls every header a browser would not let it set. */
function send(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, setHost: !opts.headers?.['Host'] },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

test.describe('browser mode refuses callers that are not the user’s own page', () => {
  test('an API call with no session cookie gets 401', async ({ app }) => {
    const origin = `http://127.0.0.1:${app.server.port}`;
    const reply = await send(app.server.port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('a wrong launch token gets 401 and no cookie', async ({ app }) => {
    app.server.newLaunchLink();
    const reply = await send(app.server.port, {
      method: 'POST',
      path: '/auth',
      headers: { Origin: `http://127.0.0.1:${app.server.port}`, 'Content-Type': 'application/json' },
      body: '{"token":"wrong-token"}',
    });
    expect(reply.status).toBe(401);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  test('a wrong session cookie gets 401', async ({ app }) => {
    const reply = await send(app.server.port, { path: '/', headers: { Cookie: `azcred_session_${app.server.port}=forged` } });
    expect(reply.status).toBe(401);
  });

  test('a foreign Host header (DNS rebinding) gets 403 even with the right token', async ({ app }) => {
    const token = tokenOf(app.server.newLaunchLink().url);
    for (const host of [
      `evil.example:${app.server.port}`,
      `127.1:${app.server.port}`,
      `0x7f.0.0.1:${app.server.port}`,
      `[::1]:${app.server.port}`,
      `127.0.0.1:1`,
      `127.0.0.1.nip.io:${app.server.port}`,
    ]) {
      const reply = await send(app.server.port, {
        method: 'POST',
        path: '/auth',
        headers: { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      expect(reply.status, host).toBe(403);
      expect(reply.headers['set-cookie'], host).toBeUndefined();
    }
  });

  test('a foreign or null Origin gets 403 even with a valid session', async ({ app, page, context }) => {
    await app.open(page);
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const secret = (await page.evaluate((key) => sessionStorage.getItem(key), sessionSecretKey)) ?? '';
    const call = (origin?: string) =>
      send(app.server.port, {
        method: 'POST',
        path: '/api/settings.get',
        headers: {
          Cookie: cookie,
          [sessionSecretHeader]: secret,
          'Content-Type': 'application/json',
          ...(origin ? { Origin: origin } : {}),
        },
        body: '{}',
      });
    expect((await call(`http://127.0.0.1:${app.server.port}`)).status).toBe(200); // the control: same session, own origin
    expect((await call('https://evil.example')).status).toBe(403);
    expect((await call('null')).status).toBe(403);
    expect((await call(`http://127.0.0.1:${app.server.port + 1}`)).status).toBe(403);
    expect((await call(undefined)).status).toBe(403); // a state-changing call must say where it comes from
  });

  test('the session cookie is HttpOnly and SameSite=Strict, and no response carries CORS headers', async ({ app }) => {
    const token = tokenOf(app.server.newLaunchLink().url);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const exchange = (origin: string) =>
      send(app.server.port, {
        method: 'POST',
        path: '/auth',
        headers: { Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    const reply = await exchange('https://evil.example');
    expect(reply.status).toBe(403);
    const ok = await exchange(`http://127.0.0.1:${app.server.port}`);
    expect(ok.status).toBe(200);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(Object.keys(ok.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

test('a cross-site page cannot read the API even from inside the user’s browser', async ({ app, page }) => {
  await app.open(page);
  // The user is signed in; a page on another origin now tries to use that session.
  await page.goto('about:blank');
  const outcome = await page.evaluate(async (url) => {
    try {
      const res = await fetch(`${url}api/settings.get`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return `read ${res.status}`;
    } catch {
      return 'blocked';
    }
  }, app.server.url);
  expect(outcome).toBe('blocked');
});
