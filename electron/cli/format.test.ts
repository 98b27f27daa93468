import { describe, expect, it } from 'vitest';
import { outputColumns } from './cli-io.ts';
import { listOutput, table } from './format.ts';

const header = ['IDENTITY', 'RESOURCE', 'CAN'];
const capabilities = 'convert models, start sessions, render, read diagnostics, list keys, regenerate keys';
const rows = [
  ['pipeline', 'contoso', capabilities],
  ['alex.wilber@contoso.example', 'chat', '(none)'],
];
const words = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .sort();

describe('table', () => {
  it('pads each column to its widest cell and leaves a table that fits as it was', () => {
    const plain = table(header, rows);
    expect(plain.split('\n')[0]).toBe('IDENTITY                     RESOURCE  CAN');
    expect(table(header, rows, { width: 200 })).toBe(plain);
  });

  it('wraps a list cell between its items to fit the width, every item kept whole, rows apart by a blank line', () => {
    const fitted = table(header, rows, { width: 60 });
    const lines = fitted.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(words(fitted)).toEqual(words(table(header, rows)));
    for (const item of capabilities.split(', ')) expect(lines.some((l) => l.includes(item))).toBe(true);
    expect(lines[0]).toMatch(/^IDENTITY\s+RESOURCE\s+CAN$/);
    expect(lines[1]).toMatch(/^pipeline\s+contoso\s+convert models,/);
    expect(lines).toContain('');
  });

  it('wraps between words where items do not fit, and cuts only a word longer than its column, marked with "…"', () => {
    const fitted = table(header, rows, { width: 40 });
    expect(Math.max(...fitted.split('\n').map((l) => l.length))).toBeLessThanOrEqual(40);
    const lines = fitted.split('\n');
    const cut = lines.findIndex((l) => l.includes('…'));
    // The address goes on in its column on the next line: cut there, and nowhere else.
    expect(`${lines[cut]?.split('…')[0]}${lines[cut + 1]?.split(/\s+/)[0]}`).toBe('alex.wilber@contoso.example');
    expect(lines.filter((l) => l.includes('…'))).toHaveLength(1);
    // A list too narrow for its items wraps between words, none of them cut.
    for (const word of words(capabilities)) expect(lines.some((l) => l.split(/[\s,]+/).includes(word))).toBe(true);
  });
});

describe('listOutput', () => {
  const list = { columns: ['NAME', 'CLOUD'], row: (a: { name: string; cloud: string }) => [a.name, a.cloud], empty: 'No accounts yet.' };

  it('prints a table with a row an item, the items as JSON with --json, and the empty message only when there are none', () => {
    const accounts = [{ name: 'Showroom', cloud: 'AzureCloud' }];
    expect(listOutput(accounts, false, list)).toBe('NAME      CLOUD\nShowroom  AzureCloud');
    expect(JSON.parse(listOutput(accounts, true, list))).toEqual(accounts);
    expect(listOutput([], false, list)).toBe('No accounts yet.');
    expect(listOutput([], true, list)).toBe('[]');
    expect(listOutput([], false, { columns: list.columns, row: list.row })).toBe('NAME  CLOUD');
  });
});

describe('outputColumns', () => {
  it('is the terminal width, else COLUMNS, else 100', () => {
    expect(outputColumns({ isTTY: true, columns: 132 }, { COLUMNS: '80' })).toBe(132);
    expect(outputColumns({}, { COLUMNS: '80' })).toBe(80);
    expect(outputColumns({}, { COLUMNS: 'wide' })).toBe(100);
    expect(outputColumns({}, {})).toBe(100);
  });
});
