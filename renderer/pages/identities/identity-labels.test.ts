import { describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../shared/identities.ts';
import { identitySubtitle, identityTitle, signsInWith } from './identity-labels.ts';

const now = Date.parse('2025-06-01T12:00:00.000Z');
const user: IdentityView = {
  id: '2b1d8f4e-8c1a-4e57-9d0c-3f2a1b0c9d8e',
  kind: 'user',
  name: 'Adele Vance',
  username: 'adele.vance@contoso.onmicrosoft.com',
  cloud: 'AzureCloud',
  tenantId: '72f988bf-0000-4c1e-9a3f-c0de70c0a001',
  clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  signedInWith: 'interactive',
  createdAt: '2025-05-01T00:00:00.000Z',
  lastUsedAt: null,
};
const app: IdentityView = {
  ...user,
  kind: 'service-principal',
  name: 'Render farm',
  username: undefined,
  signedInWith: undefined,
  clientId: 'e5f40b16-7f81-4293-aedf-000000000002',
  credential: 'certificate',
};

describe('how an identity signs in', () => {
  it('names a user’s sign-in method', () => {
    expect(signsInWith(user, now).label).toBe('Browser (interactive)');
    expect(signsInWith({ ...user, signedInWith: 'device-code' }, now).label).toBe('Device code');
  });

  it('names a service principal’s credential, and warns about a certificate that expires within 30 days or has expired', () => {
    expect(signsInWith({ ...app, credential: 'secret' }, now)).toEqual({ label: 'Client secret' });
    expect(signsInWith({ ...app, certificateExpiresOn: '2026-06-01T12:00:00.000Z' }, now, 'en-GB')).toEqual({
      label: 'Certificate',
      detail: expect.stringMatching(/^expires 1 Jun 2026, \d\d:\d\d \(in 365 days\)$/) as string,
    });
    expect(signsInWith({ ...app, certificateExpiresOn: '2025-06-20T12:00:00.000Z' }, now, 'en-GB')).toMatchObject({
      detail: expect.stringMatching(/^expires 20 Jun, \d\d:\d\d \(in 19 days\)$/) as string,
      warning: 'expiring',
    });
    expect(signsInWith({ ...app, certificateExpiresOn: '2025-05-20T12:00:00.000Z' }, now, 'en-GB')).toMatchObject({
      detail: expect.stringMatching(/^expired 20 May, \d\d:\d\d \(12 days ago\)$/) as string,
      warning: 'expired',
    });
  });

  it('shows a user’s sign-in name, and a service principal’s application ID unless it is already the name, under the name', () => {
    expect(identitySubtitle(user)).toBe('adele.vance@contoso.onmicrosoft.com');
    expect(identitySubtitle(app)).toBe('App ID e5f40b16-7f81-4293-aedf-000000000002');
    expect(identitySubtitle({ ...app, name: app.clientId })).toBe('');
  });

  it('shows a service principal known only by its application ID by its display name from Graph, the ID kept under it', () => {
    const byId = { ...app, name: app.clientId, directoryName: 'Build agent (certificate)' };
    expect(identityTitle(byId)).toBe('Build agent (certificate)');
    expect(identitySubtitle(byId)).toBe(`App ID ${app.clientId}`);
    // A name given here wins over Graph's.
    expect(identityTitle({ ...app, directoryName: 'Build agent (certificate)' })).toBe(app.name);
  });
});
