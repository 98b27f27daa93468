import { request, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionSecretHeader, signOutPath } from '../../shared/browser-session.ts';
import { coreEventSchema, eventsPath, type CoreEvent } from '../../shared/events.ts';
import { accountsFileName } from '../core/platform/data-folder-layout.ts';
import { writeJsonFile } from '../core/platform/json-file.ts';
import { maxStreamsPerSession } from './event-stream.ts';
import { send, signedInHeaders, type SignedIn } from './test-support/browser-session.ts';
import { serversStoppedAfterEach, type TestServer } from './test-support/test-server.ts';

const start = serversStoppedAfterEach();

/** An open event stream as the page reads it: the status, the events so far, the raw text, and when the host ended it. */
interface OpenStream {
  status: number;
  events: CoreEvent[];
  text(): string;
  ended: Promise<void>;
  close(): void;
}

function openStream(server: TestServer, headers: Record<string, string>): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(eventsPath, server.server.url), { method: 'GET', headers, agent: false }, (res: IncomingMessage) => {
      let text = '';
      const events: CoreEvent[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const line of chunk.split('\n')) if (line.startsWith('data: ')) events.push(coreEventSchema.parse(JSON.parse(line.slice(6))));
      });
      const ended = new Promise<void>((done) => res.once('close', () => done()));
      resolve({ status: res.statusCode ?? 0, events, text: () => text, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

const dataFolder = (test: TestServer) => test.core.options.dataFolder.path;
const within = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));

describe('browser mode event stream', () => {
  it('carries a change of the accounts file made by someone else as accounts.changed, with nothing else in it', async () => {
    const test = await start();
    const stream = await openStream(test, await signedInHeaders(test.server));
    expect(stream.status).toBe(200);
    await writeJsonFile(path.join(dataFolder(test), accountsFileName), { version: 1, accounts: [] });
    await expect.poll(() => stream.events, { timeout: 2_000 }).toEqual([{ type: 'accounts.changed' }]);
    stream.close();
  });

  it('is refused without the session secret, without the cookie, and to a POST', async () => {
    const test = await start();
    const session: SignedIn = await signedInHeaders(test.server);
    const { [sessionSecretHeader]: _secret, ...cookieOnly } = session;
    const { Cookie: _cookie, ...secretOnly } = session;
    expect((await openStream(test, cookieOnly)).status).toBe(401);
    expect((await openStream(test, secretOnly)).status).toBe(401);
    expect((await openStream(test, { ...session, [sessionSecretHeader]: 'not-the-secret' })).status).toBe(401);
    const posted = await send(new URL(eventsPath, test.server.url), 'POST', { ...session, 'Content-Type': 'application/json' }, '');
    expect(posted.status).toBe(405);
  });

  it('ends when the session signs out', async () => {
    const test = await start();
    const session = await signedInHeaders(test.server);
    const stream = await openStream(test, session);
    const signedOut = await send(new URL(signOutPath, test.server.url), 'POST', { ...session, 'Content-Type': 'application/json' }, '');
    expect(signedOut.status).toBe(200);
    expect(await Promise.race([stream.ended.then(() => 'ended'), within(2_000)])).toBe('ended');
  });

  it('sends a heartbeat, and ends at the first one after the session went idle too long', async () => {
    const test = await start({ sessionIdleMs: 400, eventHeartbeatMs: 100 });
    const stream = await openStream(test, await signedInHeaders(test.server));
    await expect.poll(() => stream.text(), { timeout: 1_000 }).toContain(': heartbeat');
    expect(await Promise.race([stream.ended.then(() => 'ended'), within(3_000)])).toBe('ended');
  });

  it('holds at most a few streams for one session', async () => {
    const test = await start();
    const session = await signedInHeaders(test.server);
    const open: OpenStream[] = [];
    for (let i = 0; i < maxStreamsPerSession; i++) open.push(await openStream(test, session));
    expect(open.map((stream) => stream.status)).toEqual(open.map(() => 200));
    expect((await openStream(test, session)).status).toBe(429);
    open[0]?.close();
    await expect.poll(async () => (await openStream(test, session)).status, { timeout: 2_000 }).toBe(200);
  });
});
