import { describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../shared/identities.ts';
import type { AuditedIdentity } from '../../../shared/roles.ts';
import { identityLabel, withDisplayNames } from './principal-labels.ts';

const user: AuditedIdentity = {
  id: 'u1',
  name: 'adele.vance@contoso.onmicrosoft.com',
  kind: 'user',
  cloud: 'AzureCloud',
  tenantId: 't',
  objectId: 'o1',
};
const pipeline: AuditedIdentity = {
  ...user,
  id: 's1',
  name: 'Render pipeline',
  kind: 'service-principal',
  directoryName: 'Render (secret)',
};
const here = (id: string, name: string, username?: string): IdentityView =>
  ({ id, kind: username ? 'user' : 'service-principal', name, username, cloud: 'AzureCloud', tenantId: 't' }) as IdentityView;

describe('how the Roles page names people', () => {
  it('names a user by display name with the sign-in name under it, as the Identities page does', () => {
    expect(identityLabel({ ...user, directoryName: 'Adele Vance' })).toEqual({ primary: 'Adele Vance', secondary: user.name });
    expect(identityLabel(pipeline)).toEqual({ primary: 'Render (secret)', secondary: 'Render pipeline' });
    expect(identityLabel(user)).toEqual({ primary: user.name, secondary: null });
  });

  it("takes a user's display name from the app where Graph gave none, and keeps Graph's where it did", () => {
    const known = [here('u1', 'Adele Vance', user.name), here('s1', 'Render pipeline')];
    const [adele, sp] = withDisplayNames([user, pipeline], known);
    expect(adele?.directoryName).toBe('Adele Vance');
    expect(sp).toBe(pipeline);
    const [graphNamed] = withDisplayNames([{ ...user, directoryName: 'Adele V.' }], known);
    expect(graphNamed?.directoryName).toBe('Adele V.');
    // Another user signed in under the same id is not named for this one.
    expect(withDisplayNames([user], [here('u1', 'Someone', 'someone@contoso')])[0]).toBe(user);
  });
});
