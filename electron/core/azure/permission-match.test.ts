import { describe, expect, it } from 'vitest';
import { exclusionsOf, operationMatches, roleGrants } from './permission-match.ts';

describe('permission arithmetic', () => {
  it('matches wildcards in any case and subtracts a NOT only within its own block', () => {
    expect(operationMatches('Microsoft.MixedReality/*/render/*', 'microsoft.mixedreality/remoterenderingaccounts/RENDER/read')).toBe(true);
    expect(operationMatches('*/read', 'Microsoft.Authorization/roleAssignments/write')).toBe(false);
    const blocks = [
      {
        actions: [],
        notActions: [],
        dataActions: ['Microsoft.MixedReality/*'],
        notDataActions: ['Microsoft.MixedReality/RemoteRenderingAccounts/render/*'],
      },
      { actions: [], notActions: [], dataActions: ['Microsoft.MixedReality/RemoteRenderingAccounts/render/read'], notDataActions: [] },
    ];
    const render = 'Microsoft.MixedReality/RemoteRenderingAccounts/render/read';
    expect(roleGrants(blocks.slice(0, 1), render, 'dataAction')).toBe(false);
    expect(roleGrants(blocks, render, 'dataAction')).toBe(true);
    expect(roleGrants(blocks, render, 'action')).toBe(false);
    expect(exclusionsOf('Converter', blocks, render, 'dataAction')).toEqual([
      {
        roleName: 'Converter',
        allowedBy: 'Microsoft.MixedReality/*',
        excludedBy: 'Microsoft.MixedReality/RemoteRenderingAccounts/render/*',
        list: 'notDataActions',
      },
    ]);
  });
});
