import { connect, createServer, type AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { startLoopbackListener } from './loopback-listener.ts';
import { portIsOpen } from '../test-support/port-is-open.ts';

const at = (port: number, query: string) => fetch(`http://127.0.0.1:${port}/${query}`);
/** The browser's form_post of the answer, to the loopback address given (browsers try [::1] first for localhost). */
const post = (origin: string, fields: Record<string, string>) =>
  fetch(`${origin}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
/** Nothing listens on the port any more, on either loopback address. */
const bothClosed = async (port: number) => !(await portIsOpen(port)) && !(await portIsOpen(port, '::1'));

describe('the interactive sign-in loopback listener', () => {
  it('binds 127.0.0.1 with a localhost redirect URI and takes a form_post answer with the expected state', async () => {
    const listener = await startLoopbackListener({ expectedState: 'state-1' });
    expect(listener.redirectUri).toBe(`http://localhost:${listener.port}/`);
    const res = await fetch(listener.redirectUri.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: 'the-code', state: 'state-1', client_info: 'eyJ1aWQiOiJ4In0' }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You can close this tab');
    await expect(listener.response).resolves.toEqual({ code: 'the-code', clientInfo: 'eyJ1aWQiOiJ4In0' });
    await listener.closed;
    expect(await portIsOpen(listener.port)).toBe(false);
  });

  it('listens on 127.0.0.1 and [::1] alone: another loopback address (Linux routes all of 127/8 here) finds nothing', async () => {
    const listener = await startLoopbackListener({ expectedState: 's' });
    expect(await portIsOpen(listener.port)).toBe(true); // the control
    expect(await portIsOpen(listener.port, '::1')).toBe(true);
    expect(await portIsOpen(listener.port, '127.0.0.2')).toBe(false);
    listener.cancel();
    await listener.closed;
    expect(await bothClosed(listener.port)).toBe(true);
  });

  it('completes the sign-in when the redirect arrives at [::1], and closes both sockets', async () => {
    const listener = await startLoopbackListener({ expectedState: 'state-6' });
    expect((await post(`http://[::1]:${listener.port}`, { code: 'not-this-one', state: 'other' })).status).toBe(400);
    const res = await post(`http://[::1]:${listener.port}`, { code: 'the-code', state: 'state-6' });
    expect(res.status).toBe(200);
    await expect(listener.response).resolves.toEqual({ code: 'the-code', clientInfo: undefined });
    await listener.closed;
    expect(await bothClosed(listener.port)).toBe(true);
  });

  it('moves to another port when [::1] is taken on the first one it picks, and the squatter receives nothing', async () => {
    let squatterConnections = 0;
    const squatter = createServer((socket) => {
      squatterConnections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => squatter.listen(0, '::1', resolve));
    const squatted = (squatter.address() as AddressInfo).port;
    try {
      const picks: number[] = [];
      const choosePort = (attempt: number) => {
        const port = attempt === 0 ? squatted : 0; // then let the OS pick
        picks.push(port);
        return port;
      };
      const listener = await startLoopbackListener({ expectedState: 's', choosePort });
      expect(picks).toEqual([squatted, 0]);
      expect(listener.port).not.toBe(squatted);
      expect(listener.redirectUri).toBe(`http://localhost:${listener.port}/`);
      expect(await portIsOpen(squatted)).toBe(false); // the first port's 127.0.0.1 socket was let go
      expect((await post(`http://[::1]:${listener.port}`, { code: 'the-code', state: 's' })).status).toBe(200);
      await expect(listener.response).resolves.toMatchObject({ code: 'the-code' });
      await listener.closed;
      expect(await bothClosed(listener.port)).toBe(true);
      expect(squatterConnections).toBe(0);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('gives up with a message after ten ports that are each taken on [::1]', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '::1', resolve));
    const squatted = (squatter.address() as AddressInfo).port;
    try {
      let attempts = 0;
      const started = startLoopbackListener({ expectedState: 's', choosePort: () => (attempts++, squatted) });
      await expect(started).rejects.toMatchObject({ code: 'network', message: expect.stringContaining('another program holds [::1]') });
      expect(attempts).toBe(10);
      expect(await portIsOpen(squatted)).toBe(false);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('gives up after 5 minutes by default, not before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const listener = await startLoopbackListener({ expectedState: 's' });
      let outcome: unknown;
      listener.response.catch((error: unknown) => (outcome = error));
      await vi.advanceTimersByTimeAsync(5 * 60_000 - 1_000);
      expect(outcome).toBeUndefined();
      expect(await portIsOpen(listener.port)).toBe(true);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(outcome).toMatchObject({ code: 'cancelled', message: expect.stringContaining('within 5 minutes') });
      await listener.closed;
      expect(await portIsOpen(listener.port)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes a query answer too, and ignores other paths and answers without the right state', async () => {
    const listener = await startLoopbackListener({ expectedState: 's' });
    expect((await at(listener.port, 'favicon.ico')).status).toBe(404);
    expect((await at(listener.port, '?code=stolen&state=other')).status).toBe(400);
    expect((await at(listener.port, '?code=stolen')).status).toBe(400);
    expect((await at(listener.port, '')).status).toBe(200); // a reload before the answer: still waiting
    expect(await portIsOpen(listener.port)).toBe(true);
    expect((await at(listener.port, '?code=real&state=s')).status).toBe(200);
    await expect(listener.response).resolves.toMatchObject({ code: 'real' });
    await listener.closed;
    expect(await portIsOpen(listener.port)).toBe(false);
  });

  it("passes Entra's error on with its AADSTS text, and closes", async () => {
    const listener = await startLoopbackListener({ expectedState: 's' });
    await at(listener.port, `?error=invalid_request&error_description=${encodeURIComponent('AADSTS50076: MFA needed')}&state=s`);
    await expect(listener.response).rejects.toMatchObject({
      code: 'sign_in_required',
      error: 'invalid_request',
      description: 'AADSTS50076: MFA needed',
    });
    await listener.closed;
    expect(await portIsOpen(listener.port)).toBe(false);
  });

  it('closes the port when cancelled', async () => {
    const listener = await startLoopbackListener({ expectedState: 's' });
    expect(await portIsOpen(listener.port)).toBe(true);
    listener.cancel();
    await expect(listener.response).rejects.toMatchObject({ code: 'cancelled', message: 'Sign-in cancelled.' });
    await listener.closed;
    expect(await bothClosed(listener.port)).toBe(true);
  });

  it('times out, says so, and closes the port even with a browser connection held open', async () => {
    const listener = await startLoopbackListener({ expectedState: 's', timeoutMs: 300 });
    const idle = connect({ host: '127.0.0.1', port: listener.port });
    await new Promise((resolve) => idle.once('connect', resolve));
    await expect(listener.response).rejects.toMatchObject({ code: 'cancelled', message: expect.stringContaining('timed out') });
    await listener.closed;
    expect(await bothClosed(listener.port)).toBe(true);
    idle.destroy();
  });
});
