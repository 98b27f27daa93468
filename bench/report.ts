import os from 'node:os';
import type { Summary } from './stats.ts';

/**
 * What a case is held to: its median against the baseline's median (ratio), or an absolute bound;
 * `reported` is measured and shown beside the others but held to nothing (a cost that is wanted).
 */
export type Target =
  { kind: 'ratio'; max: number } | { kind: 'below'; max: number } | { kind: 'exactly'; value: number } | { kind: 'reported' };

/** One measured case: the subject and, where there is one, the baseline measured beside it. */
export interface CaseResult {
  id: string;
  title: string;
  unit: 'ms' | 'ms/s' | 'MB' | 'KB' | 'calls';
  subject: Summary;
  baseline?: { label: string; summary: Summary };
  target: Target;
  /** Something the figure needs to be read right (what was counted, why a target cannot be met here). */
  note?: string;
  /** Why the case has no figures on this machine (`az` not installed): the table says so, and the target is neither met nor missed. */
  notMeasured?: string;
}

/** A case measured beside its baseline (`paired`): in milliseconds unless `more.unit` says otherwise. */
export function pairedCase(
  id: string,
  title: string,
  measured: { subject: Summary; baseline: Summary },
  baseline: string,
  target: Target,
  more: { unit?: CaseResult['unit']; note?: string } = {},
): CaseResult {
  const { subject } = measured;
  return { id, title, unit: more.unit ?? 'ms', subject, baseline: { label: baseline, summary: measured.baseline }, target, ...more };
}

export interface JudgedCase extends CaseResult {
  /** subject median / baseline median, when there is a baseline. */
  ratio: number | null;
  met: boolean;
}

export function judge(result: CaseResult): JudgedCase {
  // No ratio against a baseline of zero (a page that runs no script at all).
  const ratio = result.baseline && result.baseline.summary.median > 0 ? result.subject.median / result.baseline.summary.median : null;
  const { target } = result;
  const met =
    target.kind === 'reported'
      ? true
      : target.kind === 'ratio'
        ? ratio !== null && ratio <= target.max
        : target.kind === 'below'
          ? result.subject.median < target.max
          : // A count holds for every run: one open in thirty that asks the keychain twice is a miss.
            result.subject.min === target.value && result.subject.max === target.value;
  return { ...result, ratio, met };
}

export function targetText(target: Target, unit: string): string {
  if (target.kind === 'ratio') return `≤ ${target.max}× baseline`;
  if (target.kind === 'below') return `< ${target.max} ${unit}`;
  if (target.kind === 'reported') return '— (no target)';
  return `= ${target.value} ${unit}`;
}

/** The machine the figures were taken on, for the report's header. */
export function machine(): { cpu: string; cores: number; memoryGb: number; os: string; node: string; loadAverage: number[] } {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

function figure(value: number, unit: string): string {
  const digits = unit === 'calls' ? 0 : value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

const header = ['case', 'median', 'p90', 'baseline', 'baseline median', 'baseline p90', 'ratio', 'target', 'result'];

function rows(cases: readonly JudgedCase[]): string[][] {
  return cases.map((c) =>
    c.notMeasured !== undefined
      ? [c.title, '—', '—', c.baseline?.label ?? '—', '—', '—', '—', targetText(c.target, c.unit), `not measured: ${c.notMeasured}`]
      : [
          c.title,
          figure(c.subject.median, c.unit),
          figure(c.subject.p90, c.unit),
          c.baseline?.label ?? '—',
          c.baseline ? figure(c.baseline.summary.median, c.unit) : '—',
          c.baseline ? figure(c.baseline.summary.p90, c.unit) : '—',
          c.ratio === null ? '—' : `${c.ratio.toFixed(2)}×`,
          targetText(c.target, c.unit),
          c.target.kind === 'reported' ? 'reported' : c.met ? 'met' : 'MISSED',
        ],
  );
}

/** The report as a Markdown table, with the runs of each case and the notes under it. */
export function markdown(cases: readonly JudgedCase[], when: Date, host: ReturnType<typeof machine>): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  const notes = cases.filter((c) => c.note).map((c) => `- **${c.title}**: ${c.note}`);
  return [
    `Measured ${when.toISOString()} on ${host.cpu} (${host.cores} cores, ${host.memoryGb} GB), ${host.os}, Node ${host.node}; ` +
      `load average at the end ${host.loadAverage.join(' / ')}.`,
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows(cases).map(line),
    '',
    `Runs per case: ${cases.map((c) => `${c.id} ${c.subject.runs}`).join(', ')}.`,
    ...(notes.length ? ['', ...notes] : []),
    '',
  ].join('\n');
}

/** The same table in plain columns for a terminal. */
export function textTable(cases: readonly JudgedCase[]): string {
  const all = [header, ...rows(cases).map((r) => r.map((cell) => cell.replaceAll('`', '')))];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r, index) =>
      r
        .map((cell, i) => (index > 0 && i > 0 && i < 3 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
