import { describe, expect, it } from 'vitest';
import { judge, markdown, machine, pairedCase, type CaseResult } from './report.ts';
import { summarize } from './stats.ts';

const ms = (...samples: number[]) => summarize(samples);
const result = (subject: number[], target: CaseResult['target'], baseline?: number[]): CaseResult => ({
  id: 'case',
  title: 'A case',
  unit: 'ms',
  subject: ms(...subject),
  ...(baseline && { baseline: { label: 'floor', summary: ms(...baseline) } }),
  target,
});

describe('the bench report', () => {
  it('reports a ratio over its target as missed, and one within it as met', () => {
    expect(judge(result([14, 15, 16], { kind: 'ratio', max: 1.3 }, [10, 10, 10]))).toMatchObject({ ratio: 1.5, met: false });
    expect(judge(result([12, 12, 13], { kind: 'ratio', max: 1.3 }, [10, 10, 10]))).toMatchObject({ ratio: 1.2, met: true });
  });

  it('reports a median at or over an absolute bound as missed', () => {
    expect(judge(result([500, 500, 510], { kind: 'below', max: 500 })).met).toBe(false);
    expect(judge(result([400, 490, 800], { kind: 'below', max: 500 })).met).toBe(true);
  });

  it('reports an exact count as missed when one run differs, even with the median on target', () => {
    expect(judge(result([1, 1, 1, 2], { kind: 'exactly', value: 1 })).met).toBe(false);
    expect(judge(result([1, 1, 1, 1], { kind: 'exactly', value: 1 })).met).toBe(true);
  });

  it('writes a missed case as MISSED in the Markdown table', () => {
    const table = markdown([judge(result([14], { kind: 'ratio', max: 1.3 }, [10]))], new Date(0), machine());
    expect(table).toMatch(/^\| A case \| 14\.0 ms \| .* \| 1\.40× \| ≤ 1\.3× baseline \| MISSED \|$/m);
  });

  it('judges a paired measurement against the baseline measured beside it, in ms unless told', () => {
    const measured = { subject: ms(13, 13, 13), baseline: ms(10, 10, 10) };
    const kept = pairedCase('kept', 'Kept', measured, 'bare request', { kind: 'reported' }, { unit: 'ms/s', note: 'wanted' });
    expect(kept).toMatchObject({ unit: 'ms/s', note: 'wanted', baseline: { label: 'bare request', summary: { median: 10 } } });
    expect(judge(pairedCase('call', 'A call', measured, 'bare request', { kind: 'ratio', max: 1.2 }))).toMatchObject({
      unit: 'ms',
      ratio: 1.3,
      met: false,
    });
  });
});
