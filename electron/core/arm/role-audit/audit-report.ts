import type { ReportFormat, RoleAuditCell, RoleAuditReport } from '../../../../shared/roles.ts';
import { writeExportFile } from '../../platform/export-file.ts';
import { resourceTypes } from '../../azure/resource-id.ts';

/**
 * The audit as a file people pass around: CSV (one row per capability, for a spreadsheet's
 * filters), JSON (the report as the app has it) or Markdown (the matrix, then every "why").
 */

/** The report limited to some identities and accounts (the others' cells and rows left out). */
export function filterReport(report: RoleAuditReport, identityIds?: readonly string[], accountIds?: readonly string[]): RoleAuditReport {
  const keepIdentity = (id: string) => identityIds === undefined || identityIds.includes(id);
  const keepAccount = (id: string) => accountIds === undefined || accountIds.includes(id);
  return {
    generatedAt: report.generatedAt,
    identities: report.identities.filter((i) => keepIdentity(i.id)),
    resources: report.resources.filter((r) => keepAccount(r.accountId)),
    cells: report.cells.filter((c) => keepIdentity(c.identityId) && keepAccount(c.accountId)),
    ...(report.principalNames && { principalNames: report.principalNames }),
    ...(report.namesNotice !== undefined && { namesNotice: report.namesNotice }),
  };
}

export function formatReport(report: RoleAuditReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return reportCsv(report);
    case 'markdown':
      return reportMarkdown(report);
  }
}

/** Writes the report (mode 0600, refusing to replace a file unless `overwrite`, or to write in the data folder). */
export async function writeReport(
  report: RoleAuditReport,
  format: ReportFormat,
  path: string,
  options: { overwrite: boolean; dataFolder: string },
): Promise<void> {
  await writeExportFile(path, formatReport(report, format), options);
}

interface Named {
  identity: string;
  identityKind: string;
  resource: string;
  resourceKind: string;
  resourceId: string;
  cell: RoleAuditCell;
}

function named(report: RoleAuditReport): Named[] {
  return report.cells.map((cell) => {
    const identity = report.identities.find((i) => i.id === cell.identityId);
    const resource = report.resources.find((r) => r.accountId === cell.accountId);
    return {
      identity: identity?.name ?? cell.identityId,
      identityKind: identity?.kind === 'service-principal' ? 'service principal' : 'user',
      // A resource seen in Azure but not added here says so, so a report of what an identity can see is not read as the accounts.
      resource: resource ? `${resource.name}${resource.discovered ? ' (not added)' : ''}` : cell.accountId,
      resourceKind: resource ? resourceTypes[resource.kind].label : '',
      resourceId: resource?.resourceId ?? '',
      cell,
    };
  });
}

const csvHeader = ['Identity', 'Identity type', 'Resource', 'Resource type', 'Resource ID', 'Roles', 'Capability', 'Granted', 'Why'];

export function reportCsv(report: RoleAuditReport): string {
  const rows: string[][] = [csvHeader];
  for (const n of named(report)) {
    const lead = [n.identity, n.identityKind, n.resource, n.resourceKind, n.resourceId, n.cell.roleNames.join('; ')];
    if (n.cell.state === 'unreadable') rows.push([...lead, '', 'unknown', n.cell.problem?.message ?? '']);
    for (const capability of n.cell.capabilities) rows.push([...lead, capability.label, capability.granted ? 'yes' : 'no', capability.why]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * RFC 4180 quoting; a field a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) gets a leading apostrophe, as OWASP advises for CSV injection.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function reportMarkdown(report: RoleAuditReport): string {
  const all = named(report);
  const lines = [
    '# Role audit',
    '',
    `Generated ${report.generatedAt}: ${report.identities.length} ` +
      `${report.identities.length === 1 ? 'identity' : 'identities'}, ${report.resources.length} ` +
      `${report.resources.length === 1 ? 'resource' : 'resources'}.`,
    ...(report.namesNotice ? ['', mdCell(report.namesNotice)] : []),
    '',
    '| Identity | Resource | Roles | Can | Cannot |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const n of all) {
    const can = n.cell.capabilities.filter((c) => c.granted).map((c) => c.label);
    const cannot =
      n.cell.state === 'unreadable'
        ? [`Not audited: ${n.cell.problem?.message ?? ''}`]
        : n.cell.capabilities.filter((c) => !c.granted).map((c) => c.label);
    lines.push(mdRow([n.identity, n.resource, n.cell.roleNames.join(', ') || '(none)', can.join(', '), cannot.join(', ')]));
  }
  lines.push('', '## Why', '', '| Identity | Resource | Capability | Granted | Why |', '| --- | --- | --- | --- | --- |');
  for (const n of all) {
    for (const capability of n.cell.capabilities)
      lines.push(mdRow([n.identity, n.resource, capability.label, capability.granted ? 'yes' : 'no', capability.why]));
  }
  return `${lines.join('\n')}\n`;
}

function mdRow(cells: readonly string[]): string {
  return `| ${cells.map(mdCell).join(' | ')} |`;
}

/** A table cell: Markdown's own characters escaped (a pipe would end the cell), line breaks as spaces. */
export function mdCell(value: string): string {
  return value.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
}
