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
