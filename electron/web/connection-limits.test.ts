import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionLimits } from './server.ts';
import { send, signInWithLink } from './test-support/browser-session.ts';
import { startTestServer, type TestServer } from './test-support/test-server.ts';

let running: TestServer;
beforeAll(async () => {
  running = await startTestServer();
});
afterAll(() => running.stop());

/** A loopback connection that sends nothing; resolves, once connected, with when it was closed by the server. */
function silentSocket(port: number): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('error', () => undefined); // a dropped connection may reset
    socket.resume(); // read, or the server's end of the connection is never seen
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now())));
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

describe('browser mode under a flood of connections', () => {
  it('keeps the connection cap and the header and request timeouts short', () => {
    expect(connectionLimits.maxConnections).toBeLessThanOrEqual(128);
    expect(connectionLimits.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(connectionLimits.requestTimeout).toBeLessThanOrEqual(60_000);
    expect(connectionLimits.connectionsCheckingInterval).toBeLessThanOrEqual(2_000);
  });

  it('closes a socket that never sends its headers within the short timeout, and drops connections over the cap', async () => {
    const { port } = running.server;
    const opened = Date.now();
    const held = [];
    for (let i = 0; i < connectionLimits.maxConnections; i++) held.push(await silentSocket(port));
    const over = await silentSocket(port);
    const overClosedAt = await Promise.race([over.closed, new Promise<number>((r) => setTimeout(() => r(Number.NaN), 2_000))]);
    expect(overClosedAt - opened, 'the connection over the cap is dropped at once').toBeLessThan(2_000);
    const closedAt = await Promise.all(
      held.map((h) => Promise.race([h.closed, new Promise<number>((r) => setTimeout(() => r(Number.NaN), 15_000))])),
    );
    for (const at of closedAt)
      expect(at - opened).toBeLessThan(connectionLimits.headersTimeout + connectionLimits.connectionsCheckingInterval + 2_000);
    // Still serving afterwards.
    const session = await signInWithLink(running.server.newLaunchLink().url);
    expect(
      (await send(new URL('/api/app.info', running.server.url), 'POST', { ...session, 'Content-Type': 'application/json' }, '')).status,
    ).toBe(200);
  }, 30_000);
});

describe('the Permissions-Policy header', () => {
  it('comes with every response and denies the powerful features the app never uses', async () => {
    const session = await signInWithLink(running.server.newLaunchLink().url);
    const { server } = running;
    const base = new URL(server.url);
    const answers = [
      await send(new URL('/', base), 'GET', { Host: base.host, Cookie: session.Cookie }),
      await send(new URL('/', base), 'GET', { Host: base.host }),
      await send(new URL('/auth', base), 'GET', { Host: base.host }),
      await send(new URL('/auth.js', base), 'GET', { Host: base.host }),
      await send(new URL('/no-such-file.js', base), 'GET', { Host: base.host, Cookie: session.Cookie }),
      await send(new URL('/api/settings.get', base), 'POST', { ...session, 'Content-Type': 'application/json' }, ''),
      await send(new URL('/api/settings.get', base), 'POST', { Host: 'evil.example', 'Content-Type': 'application/json' }, ''),
    ];
    for (const answer of answers) {
      const policy = String(answer.headers['permissions-policy']);
      for (const feature of ['camera', 'microphone', 'geolocation', 'usb', 'serial', 'hid', 'payment', 'display-capture'])
        expect(policy, `${answer.status}`).toContain(`${feature}=()`);
      expect(policy).not.toContain('clipboard-write'); // browser mode copies secrets with the page's clipboard
    }
  });
});
