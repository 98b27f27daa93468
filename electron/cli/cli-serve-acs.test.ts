import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueUserToken } from '../../e2e/azure-emulator/acs-user-token.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import type { ActivityEntry } from '../../shared/activity.ts';
import { devRegistrationClientId, scenarioUser } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { closeEmulatorDataFolder, deviceCodeLogin, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { azcredIn, importEmulatorCloud, keyringSession } from './test-support/run-azcred.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(repo, 'bin/azcred.js');
const page = 'http://localhost:3000';
const resourceName = 'contoso-acs-chat';

let emulator: RunningEmulator;
let home: string;
let acsEndpoint: string;
const azcred = azcredIn(() => home);
const running: ChildProcess[] = [];

interface Serving {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Ctrl+C, then the exit code. */
  stop(): Promise<number | null>;
}

/** `azcred serve acs ...` in the background, resolved once it prints its URL. */
function serve(args: readonly string[]): Promise<Serving> {
  const child = spawn(process.execPath, [bin, 'serve', 'acs', ...args], {
    env: { ...process.env, AZCRED_HOME: home, AZCRED_NO_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url)
        resolve({
          child,
          url,
          stdout: () => stdout,
          stderr: () => stderr,
          stop: () => (child.kill('SIGINT'), exited),
        });
    });
    void exited.then((code) => reject(new Error(`azcred serve exited ${code} before listening: ${stderr}`)));
  });
}

/** A Node program with the official ACS clients, run as a prototype's backend or test would, printing one JSON line. */
function runNode(source: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // -e resolves imports from the working folder: the repository's node_modules.
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], { cwd: repo, env: { ...process.env, ...env } });
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const accessLog = () => readFile(path.join(home, 'access-log.jsonl'), 'utf8').catch(() => '');
const entries = async (): Promise<ActivityEntry[]> =>
  (await accessLog())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ActivityEntry);

/** The page's first token request, as the samples' getToken sends it through their proxy. */
async function firstToken(url: string): Promise<{ status: number; cors: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/token?scope=chat`, { method: 'POST', headers: { Origin: page } });
  return { status: response.status, cors: response.headers.get('access-control-allow-origin'), body: (await response.json()) as never };
}

/**
 * The chat client under test: an AzureCommunicationTokenCredential whose tokenRefresher calls the
 * server, as the samples' credential.ts does, started from a token that has expired (the page came
 * back after its token ran out). The service refuses that token; the client refreshes once and
 * keeps working on the new one; a page of another origin is refused.
 */
const chatProgram = `
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { ChatClient } from '@azure/communication-chat';
const { SERVE_URL, PAGE, USER_ID, EXPIRED_TOKEN, ACS_ENDPOINT } = process.env;
const out = {};
const raw = await fetch(ACS_ENDPOINT + '/chat/threads?api-version=2025-03-15', { headers: { authorization: 'Bearer ' + EXPIRED_TOKEN } });
out.expiredStatus = raw.status;
const refreshed = [];
const credential = new AzureCommunicationTokenCredential({
  token: EXPIRED_TOKEN,
  refreshProactively: true,
  tokenRefresher: async () => {
    const response = await fetch(SERVE_URL + '/refreshToken/' + encodeURIComponent(USER_ID), { method: 'POST', headers: { Origin: PAGE } });
    if (!response.ok) throw new Error('refresh failed with ' + response.status);
    const body = await response.json();
    refreshed.push(body);
    return body.token;
  },
});
const chat = new ChatClient(ACS_ENDPOINT, credential);
const topics = async () => { const all = []; for await (const t of chat.listChatThreads()) all.push(t.topic); return all; };
out.before = await topics();
out.refreshesAfterFirst = refreshed.length;
const created = await chat.createChatThread({ topic: 'Prototype' });
await chat.getChatThreadClient(created.chatThread.id).sendMessage({ content: 'hello' });
out.after = await topics();
out.refreshesAfterSecond = refreshed.length;
out.refreshed = refreshed[0];
const other = await fetch(SERVE_URL + '/token?scope=chat', { method: 'POST', headers: { Origin: 'https://elsewhere.example' } });
out.other = { status: other.status, cors: other.headers.get('access-control-allow-origin'), body: await other.json() };
credential.dispose();
console.log(JSON.stringify(out));
`;

describe.runIf(keyringSession)('azcred serve acs', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-serve-acs-'));
    expect(
      await azcred(['account', 'add', 'acs', 'chat', '--cloud', 'AzureEmulator'], emulator.acsConnectionString(resourceName)),
    ).toMatchObject({ code: 0 });
    acsEndpoint = (emulator.urls.acs[resourceName] ?? '').replace(/\/$/, '');
  }, 60_000);
  afterEach(() => {
    emulator.faults.clear();
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('keeps a chat client working across a forced refresh through the sample refresh route, refuses another origin, and logs each token without its value', async () => {
    const server = await serve(['chat', '--port', '0', '--scopes', 'chat', '--allow-origin', page]);
    expect(server.stdout()).toContain(`proxy target of /token, /refreshToken/* and /getEndpointUrl to ${server.url}`);

    const first = await firstToken(server.url);
    expect(first.status).toBe(200);
    expect(first.cors).toBe(page);
    expect(first.body).toEqual({
      token: expect.stringMatching(/^eyJ/),
      expiresOn: expect.any(String),
      user: { communicationUserId: expect.stringMatching(/^8:acs:/) },
    });
    const userId = (first.body['user'] as { communicationUserId: string }).communicationUserId;
    const lifetime = Date.parse(first.body['expiresOn'] as string) - Date.now();
    expect(lifetime).toBeGreaterThan(55 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);

    // The same user's token, issued by the emulator an hour ago: what the page holds when it comes back after its token ran out.
    const resource = emulator.scenario.communicationServices.find((r) => r.name === resourceName)!;
    const identity = emulator.context.acs.identities.get(userId)!;
    const expired = issueUserToken(emulator.context, resource, identity, ['chat'], -1).token;

    const run = await runNode(chatProgram, {
      SERVE_URL: server.url,
      PAGE: page,
      USER_ID: userId,
      EXPIRED_TOKEN: expired,
      ACS_ENDPOINT: acsEndpoint,
    });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown> & { refreshed: Record<string, unknown>; other: Record<string, unknown> };
    expect(out.expiredStatus).toBe(401);
    expect(out).toMatchObject({ before: [], refreshesAfterFirst: 1, after: ['Prototype'], refreshesAfterSecond: 1 });
    expect(out.refreshed).toEqual({
      user: { communicationUserId: userId },
      token: expect.stringMatching(/^eyJ/),
      expiresOn: expect.any(String),
    });
    expect(out.refreshed['token']).not.toBe(first.body['token']);
    expect(out.other).toEqual({
      status: 403,
      cors: null,
      body: { error: { code: 'OriginNotAllowed', message: expect.stringContaining('--allow-origin https://elsewhere.example') } },
    });

    expect(await server.stop()).toBe(0);
    expect(server.stderr()).toMatch(/refused POST \/token from https:\/\/elsewhere\.example/);

    const log = await accessLog();
    for (const token of [first.body['token'], out.refreshed['token'], expired]) expect(log).not.toContain(String(token).slice(10, 60));
    const ours = (await entries()).filter((e) => e.kind === 'acs-token-server' || e.action === 'serve');
    const sessionId = ours[0]?.sessionId;
    expect(sessionId).toBeTruthy();
    expect(ours.map((e) => [e.action, e.kind, e.sessionId, e.account?.name, e.to.program])).toEqual([
      ['server-start', 'acs-token-server', sessionId, 'chat', undefined],
      ['serve', 'acs-user', sessionId, 'chat', page],
      ['serve', 'acs-user', sessionId, 'chat', page],
      ['server-end', 'acs-token-server', sessionId, 'chat', undefined],
    ]);
    expect(ours[1]?.what).toContain(userId);
    expect(ours.every((e) => e.to.front === 'cli' && e.to.pid === server.child.pid)).toBe(true);
  }, 60_000);

  it('answers CORS preflight for the allowed page only, refuses a rebound Host, and serves a local process that sends no Origin', async () => {
    const server = await serve(['chat', '--port', '0']);
    const preflight = await fetch(`${server.url}/token`, {
      method: 'OPTIONS',
      headers: { Origin: page, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(page);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const otherPreflight = await fetch(`${server.url}/token`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:4000' } });
    expect(otherPreflight.status).toBe(403);
    expect(otherPreflight.headers.get('access-control-allow-origin')).toBeNull();

    // A page on another name that resolves to 127.0.0.1 sends its own Host (and, for a same-origin GET, no Origin).
    const rebound = await new Promise<number>((resolve, reject) => {
      const port = new URL(server.url).port;
      request({ host: '127.0.0.1', port, path: '/token', headers: { host: `attacker.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(rebound).toBe(403);

    const local = await fetch(`${server.url}/token`);
    expect(local.status).toBe(200);
    expect(((await local.json()) as { user: { communicationUserId: string } }).user.communicationUserId).toMatch(/^8:acs:/);
    const endpoint = await fetch(`${server.url}/getEndpointUrl`, { headers: { Origin: page } });
    expect(await endpoint.text()).toBe(acsEndpoint);
    const voip = await fetch(`${server.url}/token?scope=voip,chat`, { headers: { Origin: page } });
    expect(voip.status).toBe(200);
    const outside = await fetch(`${server.url}/token?scope=chat.join`, { headers: { Origin: page } });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { error: { message: string } }).error.message).toContain('--scopes chat,voip,chat.join');
    const unknown = await fetch(`${server.url}/refreshToken/${encodeURIComponent('8:acs:nobody')}`, {
      method: 'POST',
      headers: { Origin: page },
    });
    expect(unknown.status).toBe(404);
    expect(await server.stop()).toBe(0);
    expect((await entries()).some((e) => e.action === 'serve' && e.to.program === 'a local process (no Origin header)')).toBe(true);
  }, 60_000);

  it('gives the page a JSON error and says on the terminal what to do when ACS throttles or fails', async () => {
    const server = await serve(['chat', '--port', '0']);
    emulator.faults.add({ service: 'acs', kind: 'throttle', retryAfterSeconds: 120, times: 1 });
    const throttled = await fetch(`${server.url}/token`, { method: 'POST', headers: { Origin: page } });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('access-control-allow-origin')).toBe(page);
    expect(await throttled.json()).toEqual({ error: { code: 'AzureThrottled', message: expect.any(String) } });
    emulator.faults.add({ service: 'acs', kind: 'error', status: 503, times: 3 });
    const failed = await fetch(`${server.url}/token`, { method: 'POST', headers: { Origin: page } });
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ error: { code: 'AzureUnavailable', message: expect.any(String) } });
    const after = await fetch(`${server.url}/token`, { method: 'POST', headers: { Origin: page } });
    expect(after.status).toBe(200);
    expect(await server.stop()).toBe(0);
    expect(server.stderr()).toMatch(/POST \/token failed \(429\): .+/);
    expect(server.stderr()).toMatch(/POST \/token failed \(503\): .+/);
  }, 60_000);

  it('mints through an Entra identity with a role on the resource, and tells the page and the terminal when the identity has none', async () => {
    // Signed in through an app registered in the tenant, as the fix for AADSTS65002 says: Entra refuses the default app (the Azure
    // CLI's) ACS tokens.
    await importEmulatorCloud(emulator, home, { clientId: devRegistrationClientId });
    for (const user of ['alex.wilber', 'adele.vance']) {
      const login = await deviceCodeLogin(emulator, home, scenarioUser(emulator, user).userName);
      expect(login.code, login.stderr).toBe(0);
    }
    const owner = await serve(['chat', '--port', '0', '--identity', 'alex.wilber@contoso.onmicrosoft.com']);
    expect(owner.stdout()).toMatch(/through .+ \(Entra\)/);
    const served = await fetch(`${owner.url}/token?scope=chat`, { method: 'POST', headers: { Origin: page } });
    expect(served.status).toBe(200);
    const userId = ((await served.json()) as { user: { communicationUserId: string } }).user.communicationUserId;
    expect(await owner.stop()).toBe(0);
    const entry = (await entries()).find((e) => e.action === 'serve' && e.what.includes(userId));
    expect(entry?.identity?.name).toBeTruthy();

    // Adele reads the subscription but may not manage the resource: ACS answers 401 Denied.
    const reader = await serve(['chat', '--port', '0', '--identity', 'adele.vance@contoso.onmicrosoft.com']);
    const refused = await fetch(`${reader.url}/token`, { method: 'POST', headers: { Origin: page } });
    expect(refused.status).toBe(502);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toMatch(/^Azure(Unauthorized|Forbidden)$/);
    expect(body.error.message).toMatch(/role|access/i);
    expect(await reader.stop()).toBe(0);
    expect(reader.stderr()).toContain(`POST /token failed (502): ${body.error.message}`);
  }, 120_000);

  it('refuses bad flags, an unknown or non-ACS account and a port in use with one line, before it listens or logs anything', async () => {
    const before = await accessLog();
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as { port: number }).port;
    try {
      const cases: [string[], number, RegExp][] = [
        [['nosuch'], 3, /No account named "nosuch"/],
        [['chat', '--minutes', '30'], 2, /--minutes takes a whole number from 60 to 1440/],
        [['chat', '--minutes', '1441'], 2, /--minutes takes a whole number from 60 to 1440/],
        [['chat', '--scopes', 'chat,video'], 2, /Unknown scope video: the scopes are chat, voip/],
        [['chat', '--allow-origin', 'http://localhost:3000/app'], 2, /--allow-origin takes an origin alone/],
        [['chat', '--allow-origin', 'localhost'], 2, /--allow-origin takes/],
        [['chat', '--port', '70000'], 2, /--port takes a port number/],
        [['chat', '--port', String(busyPort)], 2, new RegExp(`Port ${busyPort} on 127.0.0.1 is in use`)],
        [['chat', '--identity', 'nobody'], 3, /No identity "nobody"/],
      ];
      for (const [args, code, says] of cases) {
        const run = await azcred(['serve', 'acs', ...args]);
        expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code, stdout: '' });
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(says);
      }
    } finally {
      busy.close();
    }
    expect(await accessLog()).toBe(before);
  }, 90_000);
});
