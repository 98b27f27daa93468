import { describe, expect, it } from 'vitest';
import { csvField, mdCell } from './audit-report.ts';

describe('report escaping', () => {
  it('quotes CSV fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1')).toBe("'-1");
  });

  it('escapes pipes and Markdown in a table cell and keeps it on one line', () => {
    expect(mdCell('a | b')).toBe('a \\| b');
    expect(mdCell('render/*_x_ `y`')).toBe('render/\\*\\_x\\_ \\`y\\`');
    expect(mdCell('one\r\ntwo')).toBe('one two');
  });
});
