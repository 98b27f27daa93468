import { communicationServiceOwnerActions } from '../../shared/roles.ts';
import type { CustomRoleDefinition, Scenario } from './scenario.ts';

/** A role as ARM defines it: built in (from the protocol notes) or custom (from the scenario). */
export interface RoleDefinition {
  id: string;
  roleName: string;
  description: string;
  type: 'BuiltInRole' | 'CustomRole';
  permissions: { actions: string[]; notActions: string[]; dataActions: string[]; notDataActions: string[] }[];
  assignableScopes: string[];
}

const remoteRenderingData = 'Microsoft.MixedReality/RemoteRenderingAccounts';
const sessionDataActions = ['managesessions/read', 'managesessions/action', 'managesessions/delete', 'render/read', 'diagnostic/read'];
const convertDataActions = ['convert/action', 'convert/read', 'convert/delete'];

function builtIn(
  id: string,
  roleName: string,
  description: string,
  permission: Partial<RoleDefinition['permissions'][number]>,
): RoleDefinition {
  return {
    id,
    roleName,
    description,
    type: 'BuiltInRole',
    permissions: [{ actions: [], notActions: [], dataActions: [], notDataActions: [], ...permission }],
    assignableScopes: ['/'],
  };
}

export const builtInRoleDefinitions: readonly RoleDefinition[] = [
  builtIn(
    '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    'Owner',
    'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    {
      actions: ['*'],
    },
  ),
  builtIn(
    'b24988ac-6180-42a0-ab88-20f7382dd24c',
    'Contributor',
    'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.',
    {
      actions: ['*'],
      notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
    },
  ),
  builtIn('acdd72a7-3385-48ef-bd42-f606fba81ae7', 'Reader', 'View all resources, but does not allow you to make any changes.', {
    actions: ['*/read'],
  }),
  builtIn(
    '3df8b902-2a6f-47c7-8cc5-360e9b272a7e',
    'Remote Rendering Administrator',
    'Provides user with conversion, manage session, rendering and diagnostics capabilities for Azure Remote Rendering',
    {
      dataActions: [...convertDataActions, ...sessionDataActions].map((a) => `${remoteRenderingData}/${a}`),
    },
  ),
  builtIn(
    'd39065c4-c120-43c9-ab0a-63eed9795f0a',
    'Remote Rendering Client',
    'Provides user with manage session, rendering and diagnostics capabilities for Azure Remote Rendering.',
    {
      dataActions: sessionDataActions.map((a) => `${remoteRenderingData}/${a}`),
    },
  ),
  // The GUID is the published one (learn.microsoft.com/azure/role-based-access-control/built-in-roles/integration, Communication
  // and Email Service Owner); the action list is the notes' best reading of the published role, not verified in full. For Entra ID
  // access to its data plane ACS honours built-in roles like this one only (acs.ts).
  builtIn(
    '09976791-48a7-449e-bb21-39d1a415f350',
    'Communication and Email Service Owner',
    'Create, Read, Update, and Delete Communication and Email Service resources',
    { actions: [...communicationServiceOwnerActions] },
  ),
];

export function customRoleDefinition(role: CustomRoleDefinition): RoleDefinition {
  return { ...role, type: 'CustomRole' };
}

/** Every role the scenario's world knows, built in first. */
export function allRoleDefinitions(scenario: Pick<Scenario, 'roleDefinitions'>): RoleDefinition[] {
  return [...builtInRoleDefinitions, ...scenario.roleDefinitions.map(customRoleDefinition)];
}

/** Finds a role by GUID, by a full `.../roleDefinitions/{guid}` id (compared by the GUID) or by name. */
export function findRoleDefinition(roles: readonly RoleDefinition[], reference: string): RoleDefinition | undefined {
  const guid = reference.split('/').pop()?.toLowerCase() ?? '';
  return roles.find((r) => r.id === guid) ?? roles.find((r) => r.roleName.toLowerCase() === reference.toLowerCase());
}
