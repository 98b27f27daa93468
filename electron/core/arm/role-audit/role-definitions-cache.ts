import { AppError } from '../../../../shared/errors.ts';
import { builtInRoles, type PermissionBlock, type RoleDefinitionView } from '../../../../shared/roles.ts';
import { armApiVersions, armCall, type ArmSession } from '../../azure/arm-client.ts';

/**
 * Role definitions by GUID, read from ARM once per audit. `roleDefinitionId` comes as
 * `/subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions/{guid}` or without the
 * subscription (AZURE-PROTOCOLS.md §4): only the GUID counts. When ARM will not say, a built-in role
 * is taken from the catalogue; anything else is an unknown role that grants nothing.
 */

interface ArmRoleDefinition {
  name?: string;
  properties?: { roleName?: string; description?: string; type?: string; permissions?: Partial<PermissionBlock>[] };
}

export function roleGuidOf(roleDefinitionId: string): string {
  return (roleDefinitionId.split('/').filter(Boolean).pop() ?? '').toLowerCase();
}

export class RoleDefinitionsCache {
  readonly #byGuid = new Map<string, Promise<RoleDefinitionView>>();

  resolve(session: ArmSession, subscriptionId: string, roleDefinitionId: string): Promise<RoleDefinitionView> {
    const guid = roleGuidOf(roleDefinitionId);
    let found = this.#byGuid.get(guid);
    if (!found) {
      found = read(session, subscriptionId, guid);
      this.#byGuid.set(guid, found);
    }
    return found;
  }
}

async function read(session: ArmSession, subscriptionId: string, guid: string): Promise<RoleDefinitionView> {
  try {
    const definition = await armCall<ArmRoleDefinition>(session, {
      path: `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Authorization/roleDefinitions/${encodeURIComponent(guid)}?api-version=${armApiVersions.authorization}`,
      what: `read the role definition ${guid}`,
      action: 'Microsoft.Authorization/roleDefinitions/read',
    });
    const properties = definition.properties ?? {};
    return {
      id: guid,
      roleName: properties.roleName ?? guid,
      roleType: properties.type === 'BuiltInRole' ? 'BuiltInRole' : 'CustomRole',
      description: properties.description ?? '',
      permissions: (properties.permissions ?? []).map((p) => ({
        actions: p.actions ?? [],
        notActions: p.notActions ?? [],
        dataActions: p.dataActions ?? [],
        notDataActions: p.notDataActions ?? [],
      })),
    };
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'cancelled') throw error;
    const builtIn = builtInRoles.find((role) => role.id === guid);
    if (builtIn)
      return {
        id: guid,
        roleName: builtIn.roleName,
        roleType: 'BuiltInRole',
        description: builtIn.description,
        permissions: builtIn.permissions,
      };
    const why = error.message;
    return {
      id: guid,
      roleName: `Unknown role ${guid}`,
      roleType: 'Unknown',
      description: `Azure Resource Manager would not say what this role grants: ${why}`,
      permissions: [],
    };
  }
}
