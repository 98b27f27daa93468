import { describe, expect, it } from 'vitest';
import {
  capabilities,
  type AuditedIdentity,
  type AuditedResource,
  type CapabilityId,
  type RoleAuditCell,
  type RoleAuditReport,
} from '../../../shared/roles.ts';
import { capabilityWords, matrixView, noMatrixFilter } from './matrix-view.ts';

const identity = (id: string, name: string): AuditedIdentity => ({
  id,
  name,
  kind: 'user',
  cloud: 'AzureCloud',
  tenantId: 't',
  objectId: 'o',
});
const resource = (accountId: string, name: string, kind: 'arr' | 'acs'): AuditedResource => ({
  accountId,
  name,
  kind,
  cloud: 'AzureCloud',
  resourceId: `/r/${name}`,
  problem: null,
});
const cell = (
  identityId: string,
  accountId: string,
  kind: 'arr' | 'acs',
  granted: CapabilityId[],
  roleNames: string[] = [],
): RoleAuditCell => ({
  identityId,
  accountId,
  state: 'audited',
  problem: null,
  readBy: null,
  roleNames,
  assignments: [],
  roles: [],
  capabilities: capabilities
    .filter((c) => c.kind === kind)
    .map((c) => ({
      id: c.id,
      label: c.label,
      operation: c.operation,
      permissionKind: c.permissionKind,
      granted: granted.includes(c.id),
      grantedBy: [],
      excludedBy: [],
      suggestedRoles: [],
      why: '',
    })),
});

const owner = identity('i1', 'zoe@contoso');
const reader = identity('i2', 'adele@contoso');
const arr = resource('a1', 'westeurope', 'arr');
const chat = resource('a2', 'chat', 'acs');
const report: RoleAuditReport = {
  generatedAt: '',
  identities: [owner, reader],
  resources: [arr, chat],
  cells: [
    cell('i1', 'a1', 'arr', ['arr.listKeys', 'arr.regenerateKeys'], ['Owner']),
    cell('i1', 'a2', 'acs', ['acs.entraIdentities', 'acs.listKeys', 'acs.regenerateKeys', 'acs.manage'], ['Owner']),
    cell('i2', 'a1', 'arr', ['arr.convert', 'arr.manageSessions', 'arr.render', 'arr.diagnostics'], ['Remote Rendering Administrator']),
    {
      ...cell('i2', 'a2', 'acs', []),
      state: 'unreadable',
      problem: { code: 'azure_forbidden', message: 'No one may read' },
      capabilities: [],
    },
  ],
};
const names = (list: { name: string }[]) => list.map((x) => x.name);

describe('the role matrix', () => {
  it('lists identities and resources by name, every capability in each cell', () => {
    const view = matrixView(report, noMatrixFilter);
    expect(names(view.rows)).toEqual(['adele@contoso', 'zoe@contoso']);
    expect(names(view.columns)).toEqual(['chat', 'westeurope']);
    expect(view.shown(view.cell('i1', 'a1') as RoleAuditCell)).toHaveLength(6);
    expect(view.cell('i1', 'nope')).toBeUndefined();
  });

  it('narrows to one capability: only resources of its kind, only that capability in each cell', () => {
    const view = matrixView(report, { ...noMatrixFilter, capability: 'arr.render' });
    expect(names(view.columns)).toEqual(['westeurope']);
    expect(view.shown(view.cell('i1', 'a1') as RoleAuditCell).map((c) => [c.id, c.granted])).toEqual([['arr.render', false]]);
  });

  it('shows only what is missing, keeping unreadable cells, and drops rows and columns with nothing missing', () => {
    const view = matrixView(report, { ...noMatrixFilter, missingOnly: true });
    expect(view.shown(view.cell('i1', 'a1') as RoleAuditCell).map((c) => c.id)).toEqual([
      'arr.convert',
      'arr.manageSessions',
      'arr.render',
      'arr.diagnostics',
    ]);
    expect(names(view.columns)).toEqual(['chat', 'westeurope']);
    const onlyRender = matrixView(report, { ...noMatrixFilter, missingOnly: true, capability: 'arr.render', identityIds: ['i2'] });
    expect(onlyRender.rows).toEqual([]);
    expect(onlyRender.columns).toEqual([]);
  });

  it('sorts rows and columns by how many capabilities they grant, names breaking ties', () => {
    const most = matrixView(report, { ...noMatrixFilter, sort: 'most-granted' });
    expect(names(most.rows)).toEqual(['zoe@contoso', 'adele@contoso']);
    expect(names(most.columns)).toEqual(['westeurope', 'chat']);
    const fewest = matrixView(report, { ...noMatrixFilter, sort: 'fewest-granted', accountIds: ['a1'] });
    expect(names(fewest.rows)).toEqual(['zoe@contoso', 'adele@contoso']);
    expect(names(fewest.columns)).toEqual(['westeurope']);
  });

  it('says in words what the chips of a cell show', () => {
    const c = report.cells[0] as RoleAuditCell;
    expect(capabilityWords(c.capabilities)).toBe(
      'Can: List keys, Regenerate keys. Missing: Convert models, Manage sessions, Render, Read diagnostics.',
    );
    expect(capabilityWords(c.capabilities.filter((x) => x.granted))).toBe('Can: List keys, Regenerate keys.');
    expect(capabilityWords([])).toBe('');
  });
});
