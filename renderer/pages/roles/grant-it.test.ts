import { describe, expect, it } from 'vitest';
import type { AuditedIdentity, CapabilityResult, RoleAuditCell, RoleAuditReport } from '../../../shared/roles.ts';
import { accessControlLink, roleAssignmentCommand, rolesToGrant } from './grant-it.ts';
import { matchRolesRequest, questionWords } from './roles-request-match.ts';
import { verdict } from './role-words.ts';

const adele: AuditedIdentity = {
  id: 'i-adele',
  name: 'adele.vance@contoso.onmicrosoft.com',
  kind: 'user',
  cloud: 'AzureCloud',
  tenantId: 'tenant-1',
  objectId: 'a1f0e7c2-3b4d-4e5f-8a9b-000000000001',
  directoryName: 'Adele Vance',
};
const alex: AuditedIdentity = { ...adele, id: 'i-alex', name: 'alex.wilber@contoso.onmicrosoft.com', directoryName: 'Alex Wilber' };
const scope = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MixedReality/remoteRenderingAccounts/showroom';

const capability = (id: CapabilityResult['id'], over: Partial<CapabilityResult> = {}): CapabilityResult => ({
  id,
  label: id,
  operation: 'op',
  permissionKind: 'dataAction',
  granted: false,
  grantedBy: [],
  excludedBy: [],
  suggestedRoles: [],
  why: '',
  ...over,
});
const cell: RoleAuditCell = {
  identityId: adele.id,
  accountId: 'showroom',
  state: 'audited',
  problem: null,
  readBy: null,
  roleNames: ['Reader'],
  assignments: [],
  roles: [],
  capabilities: [
    capability('arr.convert', { suggestedRoles: ['Remote Rendering Administrator', 'Owner'] }),
    capability('arr.manageSessions', { suggestedRoles: ['Remote Rendering Client'] }),
    capability('arr.render', { suggestedRoles: ['Remote Rendering Client', 'Remote Rendering Administrator'] }),
    capability('arr.listKeys', {
      granted: true,
      grantedBy: [{ assignmentId: 'x', roleName: 'Owner', scope, scopeLevel: 'resource', viaGroup: null }],
    }),
    capability('arr.regenerateKeys', {
      suggestedRoles: ['Owner'],
      deniedBy: [{ denyAssignmentId: 'd', name: 'Keys stay with the platform team', scope, scopeLevel: 'resource' }],
    }),
  ],
};

describe('Grant it', () => {
  it('names one role per fix, with the missing capabilities it gives, and leaves out what is granted or denied', () => {
    expect(rolesToGrant(cell)).toEqual([
      { role: 'Remote Rendering Administrator', capabilities: ['Convert models'] },
      { role: 'Remote Rendering Client', capabilities: ['Manage sessions', 'Render'] },
    ]);
    expect(rolesToGrant(cell, 'arr.render')).toEqual([{ role: 'Remote Rendering Client', capabilities: ['Render'] }]);
    expect(rolesToGrant(cell, 'arr.listKeys')).toEqual([]);
  });

  it('writes the az command with the object id, the quoted role and the resource id, quoting a scope the shell would split', () => {
    expect(roleAssignmentCommand(adele, 'Remote Rendering Client', scope)).toBe(
      `az role assignment create --assignee a1f0e7c2-3b4d-4e5f-8a9b-000000000001 --role "Remote Rendering Client" --scope ${scope}`,
    );
    expect(roleAssignmentCommand({ ...adele, objectId: null }, 'Reader', '/subscriptions/s/resourceGroups/my rg')).toBe(
      'az role assignment create --assignee adele.vance@contoso.onmicrosoft.com --role "Reader" ' +
        '--scope "/subscriptions/s/resourceGroups/my rg"',
    );
  });

  it("links the resource's IAM blade in its cloud's portal, and gives no link for a cloud without one", () => {
    expect(accessControlLink('AzureCloud', 'tenant-1', scope)).toBe(`https://portal.azure.com/#@tenant-1/resource${scope}/users`);
    expect(accessControlLink('AzureChinaCloud', 't', '/r')).toBe('https://portal.azure.cn/#@t/resource/r/users');
    expect(accessControlLink('AzureEmulator', 't', '/r')).toBeUndefined();
  });

  it('says each state in a mark and a few words', () => {
    const [convert, , render, listKeys, regenerate] = cell.capabilities as [
      CapabilityResult,
      CapabilityResult,
      CapabilityResult,
      CapabilityResult,
      CapabilityResult,
    ];
    expect(verdict(render)).toEqual({ state: 'missing', mark: '✗', words: 'needs Remote Rendering Client' });
    expect(verdict(convert).words).toBe('needs Remote Rendering Administrator');
    expect(verdict(listKeys)).toEqual({ state: 'granted', mark: '✓', words: 'by Owner' });
    expect(verdict(regenerate)).toEqual({ state: 'denied', mark: '⊘', words: 'denied by Keys stay with the platform team' });
  });
});

describe('a Roles question from the palette', () => {
  const report: RoleAuditReport = {
    generatedAt: '2026-12-07T10:00:00Z',
    identities: [adele, alex],
    resources: [
      { accountId: 'showroom', name: 'Showroom', kind: 'arr', cloud: 'AzureCloud', resourceId: scope, problem: null },
      { accountId: 'chat', name: 'Support chat', kind: 'acs', cloud: 'AzureCloud', resourceId: '/c', problem: null },
    ],
    cells: [],
  };
  const ask = (identity: string, account: string, capability: string) => matchRolesRequest({ identity, account, capability }, report);

  it('finds the identity, the resource and the capability by part of a name, whatever the case, or by id', () => {
    expect(ask('adele', 'showroom', 'render')).toEqual({ identityId: 'i-adele', accountId: 'showroom', capability: 'arr.render' });
    expect(ask('i-alex', 'Support', 'list keys')).toEqual({ identityId: 'i-alex', accountId: 'chat', capability: 'acs.listKeys' });
    expect(ask('alex.wilber', 'chat', 'acs.manage')).toMatchObject({ capability: 'acs.manage' });
    expect(matchRolesRequest(questionWords({ identityId: 'i-adele', accountId: 'showroom', capability: 'arr.render' }), report)).toEqual({
      identityId: 'i-adele',
      accountId: 'showroom',
      capability: 'arr.render',
    });
  });

  it('says what it could not find, or which names a word fits', () => {
    expect(ask('nestor', 'Showroom', 'render')).toEqual({ problem: 'No identity in the audit is named “nestor”.' });
    expect(ask('a', 'Showroom', 'render')).toEqual({ problem: '“a” names several identities: Adele Vance, Alex Wilber.' });
    expect(ask('adele', 'chat', 'render')).toEqual({
      problem: 'Support chat is a Communication Services resource, which has no capability named “render”.',
    });
    expect(ask('adele', 'Showroom', 'keys')).toEqual({ problem: '“keys” names several capabilities: List keys, Regenerate keys.' });
  });
});
