import { describe, expect, it } from 'vitest';
import { accountInputSchema } from './accounts.ts';

const key = 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU2Nzg5YWJjZGVm';
const arr = {
  kind: 'arr',
  name: 'Showroom',
  accountId: '0F6C8E4A-1B2C-4D3E-8F90-A1B2C3D4E5F6',
  accountDomain: 'westeurope',
  primaryKey: key,
};

const issuesOf = (input: unknown) => {
  const parsed = accountInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('account input', () => {
  it('normalises an ARR account: lower-case id, domain from the region, defaults', () => {
    expect(accountInputSchema.parse(arr)).toEqual({
      ...arr,
      accountId: '0f6c8e4a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
      accountDomain: 'westeurope.mixedreality.azure.com',
      cloud: 'AzureCloud',
      tags: [],
      notes: '',
    });
  });

  it('splits an ACS connection string into endpoint and key, or takes an endpoint alone', () => {
    expect(
      accountInputSchema.parse({
        kind: 'acs',
        name: 'Chat',
        connectionString: `endpoint=https://chat.communication.azure.com/;accesskey=${key}`,
      }),
    ).toMatchObject({
      endpoint: 'https://chat.communication.azure.com/',
      accessKey: key,
    });
    expect(accountInputSchema.parse({ kind: 'acs', name: 'Chat', endpoint: 'https://chat.communication.azure.com' })).toMatchObject({
      endpoint: 'https://chat.communication.azure.com/',
      accessKey: undefined,
    });
  });

  it.each([
    ['a bad GUID', { ...arr, accountId: 'not-a-guid' }, 'accountId', /GUID/],
    ['an unknown region', { ...arr, accountDomain: 'atlantis' }, 'accountDomain', /not a Remote Rendering region/],
    ['a non-base64 key', { ...arr, primaryKey: 'pass word' }, 'primaryKey', /base64/],
    ['an empty name', { ...arr, name: '   ' }, 'name', /Enter a name/],
    [
      'a connection string without accesskey',
      { kind: 'acs', name: 'x', connectionString: 'endpoint=https://x.communication.azure.com/' },
      'connectionString',
      /no accesskey/,
    ],
    ['an ACS resource with neither', { kind: 'acs', name: 'x' }, 'connectionString', /Paste the connection string/],
  ])('refuses %s with an error on that field', (_, input, path, message) => {
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)?.message).toMatch(message);
    expect(JSON.stringify(issues)).not.toContain(key);
  });
});
