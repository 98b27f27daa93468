import { describe, expect, it } from 'vitest';
import { mintAcsSchema } from './tokens.ts';
import { toFieldIssues } from './validation.ts';

const accountId = '3f1c1b2e-8a4d-4c1e-9f0a-1b2c3d4e5f60';
const acsIdentityId = '7d9e8f70-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const issuesOf = (input: unknown) => {
  const parsed = mintAcsSchema.safeParse(input);
  return parsed.success ? [] : toFieldIssues(parsed.error);
};

describe('exactly one of', () => {
  it('parses to the branch the caller gave, so the type says which one it is', () => {
    const parsed = mintAcsSchema.parse({ accountId, newIdentity: { label: 'bot' }, scopes: ['chat'] });
    expect('newIdentity' in parsed && parsed.newIdentity.label).toBe('bot');
    expect(mintAcsSchema.parse({ accountId, acsIdentityId, scopes: ['chat'] })).toMatchObject({ acsIdentityId, minutes: 1440 });
  });

  it("words a problem inside the branch the caller gave as that branch's own field issue", () => {
    expect(issuesOf({ accountId, newIdentity: { label: '' }, scopes: ['chat'] })).toEqual([
      { path: 'newIdentity.label', message: 'Enter a label' },
    ]);
    expect(issuesOf({ accountId, acsIdentityId, scopes: [] })).toEqual([{ path: 'scopes', message: 'Choose at least one scope' }]);
  });

  it('says at the first field when neither or both were given, and still names the other fields that are wrong', () => {
    expect(issuesOf({ accountId, scopes: ['chat'] })).toEqual([
      { path: 'acsIdentityId', message: 'Choose an ACS identity, or create a new one' },
    ]);
    expect(issuesOf({ accountId: 'nope', acsIdentityId, newIdentity: { label: 'bot' }, scopes: ['chat'], extra: 1 })).toEqual([
      { path: 'acsIdentityId', message: 'Choose an ACS identity, or create a new one (not both)' },
      { path: 'accountId', message: expect.any(String) },
      { path: '', message: 'Unknown field: extra' },
    ]);
  });
});
