import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityEntryInput } from '../../../shared/activity.ts';
import { AppError } from '../../../shared/errors.ts';
import type { AcsScope } from '../../../shared/tokens.ts';
import { originOf, startAcsTokenServer, type AcsTokenServerOptions, type RunningAcsTokenServer } from './acs-token-server.ts';

const page = 'http://localhost:3000';
const known = '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_00000020-aaaa-bbbb-cccc-000000000001';
let server: RunningAcsTokenServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server over a minter that records what it was asked, and a log and terminal kept in memory. */
async function start(overrides: Partial<AcsTokenServerOptions> = {}) {
  const asked: { user: string; scopes: AcsScope[] }[] = [];
  const recorded: { entry: ActivityEntryInput; program: string | undefined }[] = [];
  const lines: string[] = [];
  let issued = 0;
  const token = (user: string, scopes: AcsScope[]) => {
    asked.push({ user, scopes });
    issued += 1;
    return { token: `token-${issued}`, expiresOn: '2030-01-01T00:00:00.000Z', communicationUserId: user, tokenId: `id-${issued}` };
  };
  server = await startAcsTokenServer({
    port: 0,
    allowedOrigin: page,
    scopes: ['chat', 'voip'],
    endpoint: 'https://contoso.communication.azure.com/',
    account: { id: 'acct', name: 'Chat' },
    sessionId: 'session-1',
    minter: {
      forNewUser: async (scopes) => token('8:acs:new', scopes),
      forUser: async (user, scopes) => {
        if (user !== known) throw new AppError('not_found', 'No ACS identity with that id was created through this app.');
        return token(user, scopes);
      },
    },
    activity: { record: async (entry, to) => void recorded.push({ entry, program: to?.program }) },
    report: (line) => lines.push(line),
    ...overrides,
  });
  return { url: server.url, asked, recorded, lines };
}

describe('the ACS token server', () => {
  it("answers /token and /refreshToken in the samples' shapes, with the scope from the query or a JSON or form body", async () => {
    const { url, asked } = await start();
    const get = await fetch(`${url}/token?scope=voip`, { headers: { Origin: page } });
    expect(await get.json()).toEqual({
      token: 'token-1',
      expiresOn: '2030-01-01T00:00:00.000Z',
      user: { communicationUserId: '8:acs:new' },
    });
    expect(get.headers.get('cache-control')).toBe('no-store');
    await fetch(`${url}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"scope":"chat"}' });
    await fetch(`${url}/token/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'scope=chat%2Cvoip',
    });
    await fetch(`${url}/token`, { method: 'POST' });
    const refreshed = await fetch(`${url}/refreshToken/${encodeURIComponent(known)}`, { method: 'POST', headers: { Origin: page } });
    expect(await refreshed.json()).toEqual({
      user: { communicationUserId: known },
      token: 'token-5',
      expiresOn: '2030-01-01T00:00:00.000Z',
    });
    expect(asked.map((a) => a.scopes)).toEqual([['voip'], ['chat'], ['chat', 'voip'], ['chat', 'voip'], ['chat', 'voip']]);
    expect(await (await fetch(`${url}/getEndpointUrl`)).text()).toBe('https://contoso.communication.azure.com');
  });

  it('records the start, each token served with its origin, and the end, never a token', async () => {
    const { url, recorded } = await start();
    await fetch(`${url}/token`, { headers: { Origin: page } });
    await fetch(`${url}/token`);
    await server?.close();
    expect(recorded.map((r) => [r.entry.action, r.entry.sessionId, r.entry.tokenId, r.program])).toEqual([
      ['server-start', 'session-1', undefined, undefined],
      ['serve', 'session-1', 'id-1', page],
      ['serve', 'session-1', 'id-2', 'a local process (no Origin header)'],
      ['server-end', 'session-1', undefined, undefined],
    ]);
    expect(JSON.stringify(recorded)).not.toMatch(/token-\d/);
  });

  it('refuses scopes outside --scopes, unknown scopes, a body that is not JSON, other methods and routes, each with a JSON error', async () => {
    const { url, asked } = await start({ scopes: ['chat'] });
    const cases: [Promise<Response>, number, RegExp][] = [
      [fetch(`${url}/token?scope=voip`), 403, /--scopes chat,voip to allow voip/],
      [fetch(`${url}/token?scope=video`), 400, /Unknown scope video/],
      [fetch(`${url}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{scope' }), 400, /not JSON/],
      [fetch(`${url}/token`, { method: 'DELETE' }), 405, /GET or POST/],
      [fetch(`${url}/refreshToken/${encodeURIComponent('8:acs:other')}`, { method: 'POST' }), 404, /No ACS identity/],
      [fetch(`${url}/createThread`, { method: 'POST' }), 404, /answers \/token, \/refreshToken\/\{id\} and \/getEndpointUrl/],
    ];
    for (const [response, status, says] of cases) {
      const answered = await response;
      expect(answered.status).toBe(status);
      expect(((await answered.json()) as { error: { message: string } }).error.message).toMatch(says);
    }
    expect(asked).toEqual([]);
  });

  it('gives the page the core error of a failed mint with a status that says whose fault it is, and reports it', async () => {
    const failures: [AppError, number, string][] = [
      [new AppError('azure_throttled', 'ACS is throttling: retry in 15 seconds.'), 429, 'AzureThrottled'],
      [new AppError('azure_unavailable', 'ACS did not answer: retry later.'), 503, 'AzureUnavailable'],
      [new AppError('azure_unauthorized', 'ACS refused the access key: check it.'), 502, 'AzureUnauthorized'],
    ];
    for (const [error, status, code] of failures) {
      const { url, lines } = await start({ minter: { forNewUser: () => Promise.reject(error), forUser: () => Promise.reject(error) } });
      const response = await fetch(`${url}/token`, { headers: { Origin: page } });
      expect(response.status).toBe(status);
      expect(response.headers.get('access-control-allow-origin')).toBe(page);
      expect(await response.json()).toEqual({ error: { code, message: error.message } });
      expect(lines).toContain(`GET /token failed (${status}): ${error.message}`);
      await server?.close();
    }
    const { url } = await start({
      minter: { forNewUser: () => Promise.reject(new Error('secret internals')), forUser: () => Promise.reject(new Error()) },
    });
    const internal = await fetch(`${url}/token`);
    expect(internal.status).toBe(500);
    expect(JSON.stringify(await internal.json())).not.toContain('secret internals');
  });

  it('refuses a port in use with a message naming --port, and stops listening when the start cannot be recorded', async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    await expect(start({ port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is in use`);
    await server?.close();
    await expect(
      start({ port, activity: { record: () => Promise.reject(new AppError('internal', 'The log cannot be written.')) } }),
    ).rejects.toThrow('The log cannot be written.');
    server = undefined;
    const again = await start({ port });
    expect(again.url).toBe(`http://127.0.0.1:${port}`);
  });

  it('takes an origin alone for --allow-origin', () => {
    expect(originOf('http://localhost:3000/')).toBe('http://localhost:3000');
    expect(originOf('https://LOCALHOST:8443')).toBe('https://localhost:8443');
    for (const bad of [
      'localhost:3000',
      'http://localhost:3000/app',
      'ftp://localhost',
      'http://localhost:3000/?x=1',
      'http://u:p@localhost',
    ])
      expect(() => originOf(bad)).toThrow(/--allow-origin/);
  });
});
