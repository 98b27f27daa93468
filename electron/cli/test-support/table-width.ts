import { expect } from 'vitest';
import { runAzcred } from './run-azcred.ts';

const lines = (text: string) => text.trimEnd().split('\n');
const words = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .sort();

/**
 * Runs `azcred ARGS` at COLUMNS=1000 and at COLUMNS=80 and checks the narrow table fits 80 columns
 * where the wide one does not, with every word of the wide one still there; resolves to the narrow table's lines.
 */
export async function expectFitsEightyColumns(args: readonly string[], home: string): Promise<string[]> {
  const at = (columns: string) => runAzcred(args, { home, env: { COLUMNS: columns } });
  const [wide, narrow] = [await at('1000'), await at('80')];
  expect(narrow.code, narrow.stderr).toBe(0);
  expect(Math.max(...lines(wide.stdout).map((line) => line.length))).toBeGreaterThan(80);
  expect(Math.max(...lines(narrow.stdout).map((line) => line.length))).toBeLessThanOrEqual(80);
  expect(words(narrow.stdout)).toEqual(words(wide.stdout));
  return lines(narrow.stdout);
}
