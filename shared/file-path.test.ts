import { describe, expect, it } from 'vitest';
import { filePathSchema } from './file-path.ts';

// Found by the contract fuzzer (electron/core/contract-fuzz.test.ts): a NUL in an export path made
// Node's fs throw, which the core could only report as `internal`; other controls were quoted back.
describe('a path the core writes to', () => {
  it('refuses NUL, other controls, bidi overrides and lone surrogates with a field message', () => {
    for (const path of [
      '/tmp/token\u0000.json',
      '/tmp\u007f/x.json',
      '/tmp/\u202egnp.exe',
      '/tmp/a\nb',
      '/tmp/\ud800.json',
      '/tmp/\ufeffx',
    ]) {
      const parsed = filePathSchema.safeParse(path);
      expect(parsed.success, JSON.stringify(path)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/control or invisible character/);
    }
  });

  it('takes any path a person can see, in any script', () => {
    for (const path of ['/home/zoë/exports/トークン.json', 'C:\\Users\\Ana\\token (1).env', '/tmp/😀/roles.csv', '  /tmp/padded.json  ']) {
      expect(filePathSchema.safeParse(path).success, path).toBe(true);
    }
  });
});
