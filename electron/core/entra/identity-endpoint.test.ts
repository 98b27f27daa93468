import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { startIdentityEndpoint, type EndpointIdentity, type IdentityEndpoint } from './identity-endpoint.ts';

const user: EndpointIdentity = { id: 'u1', name: 'Alex', kind: 'user', clientId: 'public-app', objectId: 'alex-oid' };
const app: EndpointIdentity = { id: 's1', name: 'pipeline', kind: 'service-principal', clientId: 'pipeline-app', objectId: 'pipeline-oid' };
const expiresOn = '2030-01-02T03:04:05.000Z';

let endpoint: IdentityEndpoint | undefined;
afterEach(() => endpoint?.close());

async function start(options: { identities?: EndpointIdentity[]; allow?: string[]; fail?: AppError } = {}) {
  const asked: { id: string; scopes: string[] }[] = [];
  const served: string[] = [];
  endpoint = await startIdentityEndpoint({
    identities: options.identities ?? [user],
    ...(options.allow && { allow: options.allow }),
    acquire: async (id, scopes) => {
      if (options.fail) throw options.fail;
      asked.push({ id, scopes });
      return { accessToken: `token-of-${id}`, expiresOn };
    },
    served: async (identity, resource) => void served.push(`${identity.name} ${resource}`),
  });
  return { endpoint, asked, served };
}

async function get(query: string, headers: Record<string, string> = { 'X-IDENTITY-HEADER': endpoint?.environment.IDENTITY_HEADER ?? '' }) {
  const response = await fetch(`${endpoint?.url}?${query}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the managed identity endpoint of azcred run', () => {
  it('answers the 2019-08-01 form with expires_on in seconds and the scope made from the resource', async () => {
    const { asked, served } = await start();
    expect(await get('api-version=2019-08-01&resource=https://management.core.windows.net/')).toEqual({
      status: 200,
      body: {
        access_token: 'token-of-u1',
        expires_on: String(Date.parse(expiresOn) / 1000),
        resource: 'https://management.core.windows.net/',
        token_type: 'Bearer',
        client_id: 'public-app',
      },
    });
    expect(asked).toEqual([{ id: 'u1', scopes: ['https://management.core.windows.net//.default'] }]);
    expect(served).toEqual(['Alex https://management.core.windows.net/']);
  });

  it('answers the 2017-09-01 form, whose secret header is `secret`, with App Service date text', async () => {
    await start();
    const answer = await get('api-version=2017-09-01&resource=https://vault.azure.net', { secret: endpoint?.environment.MSI_SECRET ?? '' });
    expect(answer).toMatchObject({ status: 200, body: { expires_on: '01/02/2030 03:04:05 +00:00' } });
    expect(await get('api-version=2017-09-01&resource=https://vault.azure.net')).toMatchObject({ status: 401 });
  });

  it('refuses a missing or wrong secret, an unknown api-version and a missing resource, serving nothing', async () => {
    const { served } = await start();
    expect(await get('api-version=2019-08-01&resource=https://x', {})).toMatchObject({
      status: 401,
      body: { error: 'unauthorized_client' },
    });
    const wrong = await get('api-version=2019-08-01&resource=https://x', { 'X-IDENTITY-HEADER': 'x'.repeat(64) });
    expect(wrong).toMatchObject({ status: 401, body: { message: expect.stringContaining('wrong') } });
    expect(await get('api-version=2018-02-01&resource=https://x')).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('2019-08-01') },
    });
    expect(await get('api-version=2019-08-01')).toMatchObject({ status: 400, body: { message: expect.stringContaining('resource') } });
    expect(served).toEqual([]);
  });

  it('refuses a resource outside --allow, naming the flag that allows it; trailing slash and case aside', async () => {
    await start({ allow: ['https://management.azure.com'] });
    expect(await get('api-version=2019-08-01&resource=HTTPS://management.azure.com/')).toMatchObject({ status: 200 });
    expect(await get('api-version=2019-08-01&resource=https://vault.azure.net')).toMatchObject({
      status: 403,
      body: { message: expect.stringContaining('--allow https://vault.azure.net') },
    });
  });

  it('serves another identity by client_id or object_id only when the run was given it', async () => {
    await start({ identities: [user] });
    expect(await get('api-version=2019-08-01&resource=https://x&client_id=pipeline-app')).toMatchObject({
      status: 403,
      body: { message: expect.stringContaining('--identity') },
    });
    await endpoint?.close();
    const { asked } = await start({ identities: [user, app] });
    expect(await get('api-version=2019-08-01&resource=https://x&object_id=pipeline-oid')).toMatchObject({
      status: 200,
      body: { client_id: 'pipeline-app' },
    });
    expect(await get('api-version=2019-08-01&resource=https://x&client_id=public-app')).toMatchObject({
      status: 200,
      body: { client_id: 'public-app' },
    });
    expect(asked.map((a) => a.id)).toEqual(['s1', 'u1']);
  });

  it('passes on why a token could not be had, as a 400 the SDK does not retry for seconds', async () => {
    await start({ fail: new AppError('sign_in_required', 'The sign-in of Alex is no longer in the token cache. Sign in again.') });
    expect(await get('api-version=2019-08-01&resource=https://x')).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('Sign in again') },
    });
  });

  it('refuses connections once closed', async () => {
    const { endpoint: running } = await start();
    await running.close();
    await expect(fetch(`${running.url}?api-version=2019-08-01&resource=https://x`)).rejects.toThrow();
  });
});
