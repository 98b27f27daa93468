import { builtInRoles, type CapabilityExclusion, type PermissionBlock } from '../../../shared/roles.ts';

/**
 * Azure RBAC's permission arithmetic: `*` matches any run of characters, case is ignored, and a
 * NOT (notActions, notDataActions) removes only what its own block allowed. A role grants an
 * operation when any of its blocks allows it and does not remove it.
 * https://learn.microsoft.com/azure/role-based-access-control/role-definitions#notactions
 */

export type PermissionKind = 'action' | 'dataAction';

const patterns = new Map<string, RegExp>();

export function operationMatches(pattern: string, operation: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 'i');
    patterns.set(pattern, regex);
  }
  return regex.test(operation);
}

function lists(block: PermissionBlock, kind: PermissionKind): { allow: string[]; deny: string[]; denyList: CapabilityExclusion['list'] } {
  return kind === 'action'
    ? { allow: block.actions, deny: block.notActions, denyList: 'notActions' }
    : { allow: block.dataActions, deny: block.notDataActions, denyList: 'notDataActions' };
}

export function blockGrants(block: PermissionBlock, operation: string, kind: PermissionKind): boolean {
  const { allow, deny } = lists(block, kind);
  return allow.some((p) => operationMatches(p, operation)) && !deny.some((p) => operationMatches(p, operation));
}

export function roleGrants(permissions: readonly PermissionBlock[], operation: string, kind: PermissionKind): boolean {
  return permissions.some((block) => blockGrants(block, operation, kind));
}

/** Blocks that allow the operation and then remove it again: the "why not" of a custom role. */
export function exclusionsOf(
  roleName: string,
  permissions: readonly PermissionBlock[],
  operation: string,
  kind: PermissionKind,
): CapabilityExclusion[] {
  return permissions.flatMap((block) => {
    const { allow, deny, denyList } = lists(block, kind);
    const allowedBy = allow.find((p) => operationMatches(p, operation));
    const excludedBy = deny.find((p) => operationMatches(p, operation));
    return allowedBy !== undefined && excludedBy !== undefined ? [{ roleName, allowedBy, excludedBy, list: denyList }] : [];
  });
}

/** Built-in roles that grant the operation, narrowest first (the catalogue's order). */
export function builtInRolesGranting(operation: string, kind: PermissionKind): string[] {
  return builtInRoles.filter((role) => roleGrants(role.permissions, operation, kind)).map((role) => role.roleName);
}

/** "A", "A or B", "A, B or C". */
export function orList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
