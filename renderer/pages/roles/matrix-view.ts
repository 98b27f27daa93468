import {
  capabilities,
  type AuditedIdentity,
  type AuditedResource,
  type CapabilityId,
  type CapabilityResult,
  type RoleAuditCell,
  type RoleAuditReport,
} from '../../../shared/roles.ts';
import { displayName } from './principal-labels.ts';
import { capabilityLabels, capabilityState, type CapabilityState } from './role-words.ts';

/** What the matrix is narrowed to and how it is ordered. Empty id lists mean "all". */
export interface MatrixFilter {
  identityIds: string[];
  accountIds: string[];
  capability: CapabilityId | 'any';
  /** Only the capabilities that are missing, and only the rows and columns that have one. */
  missingOnly: boolean;
  sort: MatrixSort;
}

export type MatrixSort = 'name' | 'most-granted' | 'fewest-granted';

export const noMatrixFilter: MatrixFilter = { identityIds: [], accountIds: [], capability: 'any', missingOnly: false, sort: 'name' };

export const sortLabels: Record<MatrixSort, string> = {
  name: 'Name',
  'most-granted': 'Most capabilities first',
  'fewest-granted': 'Fewest capabilities first',
};

export function isMatrixFiltered(filter: MatrixFilter): boolean {
  return filter.identityIds.length > 0 || filter.accountIds.length > 0 || filter.capability !== 'any' || filter.missingOnly;
}

export interface MatrixView {
  rows: AuditedIdentity[];
  columns: AuditedResource[];
  /** The audited cell, or undefined when the identity and the resource are in different clouds. */
  cell(identityId: string, accountId: string): RoleAuditCell | undefined;
  /** The capabilities a cell shows under the filter. */
  shown(cell: RoleAuditCell): CapabilityResult[];
  /** The capability chosen, whose verdict each cell then is. */
  chosen: CapabilityId | undefined;
  /** Only what is missing is asked for: then a cell shows its missing capabilities, which it otherwise leaves to its details. */
  missingOnly: boolean;
  /** An audited identity's display name, by its id. */
  nameOf(identityId: string): string | undefined;
}

export const cellKey = (identityId: string, accountId: string) => `${identityId} ${accountId}`;

// One collator for every comparison: localeCompare with options builds one per call.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
// People by the name the rows show.
const byDisplayName = (a: AuditedIdentity, b: AuditedIdentity) => collator.compare(displayName(a), displayName(b));

/** The rows, columns and cell contents the matrix draws for a report and a filter. */
export function matrixView(report: RoleAuditReport, filter: MatrixFilter): MatrixView {
  const cells = new Map(report.cells.map((c) => [cellKey(c.identityId, c.accountId), c]));
  const cell = (identityId: string, accountId: string) => cells.get(cellKey(identityId, accountId));
  const capabilityKind = filter.capability === 'any' ? undefined : capabilities.find((c) => c.id === filter.capability)?.kind;
  const shown = (c: RoleAuditCell) =>
    c.capabilities.filter((r) => (filter.capability === 'any' || r.id === filter.capability) && (!filter.missingOnly || !r.granted));
  // An unreadable cell is kept: nobody knows what it lacks, and that is worth seeing.
  const matters = (c: RoleAuditCell | undefined) => c !== undefined && (c.state === 'unreadable' || shown(c).length > 0);

  let rows = report.identities.filter((i) => filter.identityIds.length === 0 || filter.identityIds.includes(i.id));
  let columns = report.resources.filter(
    (r) =>
      (filter.accountIds.length === 0 || filter.accountIds.includes(r.accountId)) &&
      (capabilityKind === undefined || r.kind === capabilityKind),
  );
  if (filter.missingOnly || filter.capability !== 'any') {
    rows = rows.filter((i) => columns.some((r) => matters(cell(i.id, r.accountId))));
    columns = columns.filter((r) => rows.some((i) => matters(cell(i.id, r.accountId))));
  }

  const granted = (c: RoleAuditCell | undefined) =>
    c ? c.capabilities.filter((r) => r.granted && (filter.capability === 'any' || r.id === filter.capability)).length : 0;
  if (filter.sort === 'name') {
    rows = [...rows].sort(byDisplayName);
    columns = [...columns].sort(byName);
  } else {
    const sign = filter.sort === 'most-granted' ? -1 : 1;
    const rowScore = new Map(rows.map((i) => [i.id, columns.reduce((n, r) => n + granted(cell(i.id, r.accountId)), 0)]));
    const columnScore = new Map(columns.map((r) => [r.accountId, rows.reduce((n, i) => n + granted(cell(i.id, r.accountId)), 0)]));
    rows = [...rows].sort((a, b) => sign * ((rowScore.get(a.id) ?? 0) - (rowScore.get(b.id) ?? 0)) || byDisplayName(a, b));
    columns = [...columns].sort(
      (a, b) => sign * ((columnScore.get(a.accountId) ?? 0) - (columnScore.get(b.accountId) ?? 0)) || byName(a, b),
    );
  }
  const chosen = filter.capability === 'any' ? undefined : filter.capability;
  const nameOf = (id: string) => {
    const identity = report.identities.find((i) => i.id === id);
    return identity && displayName(identity);
  };
  return { rows, columns, cell, shown, chosen, missingOnly: filter.missingOnly, nameOf };
}

/**
 * What the chips of a cell say in words, for a screen reader (the chips show it with a tick or a
 * cross): "Can: List keys. Missing: Render."
 */
export function capabilityWords(shown: readonly CapabilityResult[]): string {
  const named = (state: CapabilityState) => shown.filter((c) => capabilityState(c) === state).map((c) => capabilityLabels[c.id]);
  const [can, denied, eligible, cannot] = [named('granted'), named('denied'), named('eligible'), named('missing')];
  return [
    can.length ? `Can: ${can.join(', ')}.` : '',
    denied.length ? `Denied: ${denied.join(', ')}.` : '',
    eligible.length ? `Eligible through PIM: ${eligible.join(', ')}.` : '',
    cannot.length ? `Missing: ${cannot.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
