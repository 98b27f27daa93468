import { describe, expect, it } from 'vitest';
import type { RoleAssignmentView, RoleDefinitionView } from '../../../../shared/roles.ts';
import { checkCapabilities } from './capability-check.ts';

const scope = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MixedReality/remoteRenderingAccounts/arr';
const role = (id: string, roleName: string, permissions: Partial<RoleDefinitionView['permissions'][number]>): RoleDefinitionView => ({
  id,
  roleName,
  roleType: 'CustomRole',
  description: '',
  permissions: [{ actions: [], notActions: [], dataActions: [], notDataActions: [], ...permissions }],
});
const assigned = (r: RoleDefinitionView): RoleAssignmentView => ({
  id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${r.id}`,
  roleDefinitionId: r.id,
  roleName: r.roleName,
  scope,
  scopeLevel: 'resource',
  inherited: false,
  principalId: 'p',
  principalType: 'User',
  viaGroup: null,
  condition: null,
});

describe('capabilities from roles', () => {
  it('takes away a control-plane capability a custom role removes with notActions, and says which entry did', () => {
    const operator = role('r1', 'Operator without keys', {
      actions: ['*'],
      notActions: ['Microsoft.MixedReality/remoteRenderingAccounts/listKeys/action'],
    });
    const result = checkCapabilities('arr', [assigned(operator)], new Map([[operator.id, operator]]));
    const of = (id: string) => result.find((c) => c.id === id);
    expect(of('arr.regenerateKeys')).toMatchObject({ granted: true, why: 'Granted by Operator without keys on the resource arr.' });
    expect(of('arr.listKeys')).toMatchObject({
      granted: false,
      excludedBy: [
        {
          roleName: 'Operator without keys',
          allowedBy: '*',
          excludedBy: 'Microsoft.MixedReality/remoteRenderingAccounts/listKeys/action',
          list: 'notActions',
        },
      ],
      suggestedRoles: ['Contributor', 'Owner'],
    });
    expect(of('arr.listKeys')?.why).toBe(
      'Operator without keys allows * but its notActions remove Microsoft.MixedReality/remoteRenderingAccounts/listKeys/action. ' +
        'Contributor or Owner would grant it.',
    );
  });

  it('lets a second assigned role grant what the first one removes', () => {
    const operator = role('r1', 'Operator without keys', { actions: ['*'], notActions: ['*/listKeys/action'] });
    const keys = role('r2', 'Key reader', { actions: ['Microsoft.MixedReality/remoteRenderingAccounts/listKeys/action'] });
    const result = checkCapabilities('arr', [assigned(operator), assigned(keys)], new Map([operator, keys].map((r) => [r.id, r])));
    expect(result.find((c) => c.id === 'arr.listKeys')).toMatchObject({
      granted: true,
      grantedBy: [{ roleName: 'Key reader' }],
      excludedBy: [],
    });
  });
});

describe('capabilities with deny assignments, PIM-eligible roles and ACS', () => {
  const render = 'Microsoft.MixedReality/RemoteRenderingAccounts/render/read';
  const builtIn = (r: RoleDefinitionView): RoleDefinitionView => ({ ...r, roleType: 'BuiltInRole' });

  it('never grants what a deny assignment blocks, and names it', () => {
    const renderer = builtIn(role('r1', 'Renderer', { dataActions: [render] }));
    const [, , result] = checkCapabilities('arr', [assigned(renderer)], new Map([[renderer.id, renderer]]), {
      denyAssignments: [
        {
          id: 'd1',
          name: 'No rendering here',
          description: '',
          scope,
          scopeLevel: 'resource',
          permissions: [{ actions: [], notActions: [], dataActions: ['Microsoft.MixedReality/*/render/*'], notDataActions: [] }],
          principals: ['p'],
          excludePrincipals: [],
        },
      ],
    });
    expect(result).toMatchObject({ id: 'arr.render', granted: false, deniedBy: [{ name: 'No rendering here' }] });
    expect(result?.why).toMatch(
      /^Denied by the deny assignment "No rendering here" on the resource arr, though Renderer on the resource arr/,
    );
  });

  it('says which role to activate through PIM for a capability it would give', () => {
    const client = builtIn(role('r2', 'Remote Rendering Client', { dataActions: [render] }));
    const eligible = { ...assigned(client), endDateTime: null };
    const [, , result] = checkCapabilities('arr', [], new Map(), { eligible: [eligible], eligibleRoles: new Map([[client.id, client]]) });
    expect(result).toMatchObject({ granted: false, eligibleThrough: [{ roleName: 'Remote Rendering Client' }] });
    expect(result?.why).toBe(
      'It holds no role that applies here. Eligible through PIM: activate Remote Rendering Client to render (the resource arr).',
    );
  });

  it('flags a custom role that grants ACS Entra access on paper, and keeps its control-plane grant', () => {
    const custom = role('r3', 'ACS helper', { actions: ['Microsoft.Communication/CommunicationServices/Write'] });
    const results = checkCapabilities('acs', [assigned(custom)], new Map([[custom.id, custom]]));
    const entra = results.find((r) => r.id === 'acs.entraIdentities');
    expect(entra).toMatchObject({ granted: false, ignoredRoles: ['ACS helper'] });
    expect(entra?.why).toContain('ACS honours built-in roles only for Entra ID access and ignores it.');
    expect(entra?.why).toContain('Communication and Email Service Owner');
    expect(results.find((r) => r.id === 'acs.manage')).toMatchObject({ granted: true, ignoredRoles: [] });
  });
});
