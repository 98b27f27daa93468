import type { AuditedIdentity, RoleAuditCell } from '../../../shared/roles.ts';
import { capabilityLabels, capabilityState, roleToGrant } from './role-words.ts';

/** How to grant what a cell lacks: the role to assign, the Azure CLI command that assigns it, where the Portal does it. */

/** A role to assign and the missing capabilities it would give ("Remote Rendering Client" → Manage sessions, Render). */
export interface RoleToGrant {
  role: string;
  capabilities: string[];
}

/** The roles that would give a cell's missing capabilities (only `chosen`'s when one is chosen), one per role, narrowest first. */
export function rolesToGrant(cell: RoleAuditCell, chosen?: string): RoleToGrant[] {
  const byRole = new Map<string, string[]>();
  for (const c of cell.capabilities) {
    const role = roleToGrant(c);
    if ((chosen && c.id !== chosen) || capabilityState(c) !== 'missing' || !role) continue;
    byRole.set(role, [...(byRole.get(role) ?? []), capabilityLabels[c.id]]);
  }
  return [...byRole].map(([role, capabilities]) => ({ role, capabilities }));
}

// A shell word the CLI receives as is: quoted when it holds anything but the characters ARM ids and names are usually made of.
const shellWord = (word: string) => (/^[\w@./:-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`);

/**
 * `az role assignment create --assignee <object id> --role "<role>" --scope <resource id>`: the identity by its Entra object id
 * (its sign-in name, or a service principal's client ID, when the audit did not learn it).
 */
export function roleAssignmentCommand(identity: AuditedIdentity, role: string, resourceId: string): string {
  const assignee = identity.objectId ?? identity.name;
  return `az role assignment create --assignee ${shellWord(assignee)} --role "${role}" --scope ${shellWord(resourceId)}`;
}

/** The Azure portal of each cloud Microsoft runs; a custom cloud (Azure Stack, the emulator) has none the app knows. */
const portals: Readonly<Record<string, string>> = {
  AzureCloud: 'https://portal.azure.com',
  AzureChinaCloud: 'https://portal.azure.cn',
  AzureUSGovernment: 'https://portal.azure.us',
};

/** The resource's Access control (IAM) blade in its cloud's portal, in the identity's tenant; undefined when the cloud has no portal. */
export function accessControlLink(cloud: string, tenantId: string, resourceId: string): string | undefined {
  const portal = portals[cloud];
  return portal && `${portal}/#@${tenantId}/resource${resourceId}/users`;
}
