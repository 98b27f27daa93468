import { describe, expect, it } from 'vitest';
import { fileDate, fileInFolder } from './save-path.ts';

describe('the suggested save path', () => {
  it('joins with the separator the folder already uses, once', () => {
    expect(fileInFolder('/home/ana', 'a.env')).toBe('/home/ana/a.env');
    expect(fileInFolder('/home/ana/', 'a.env')).toBe('/home/ana/a.env');
    expect(fileInFolder('C:\\Users\\ana', 'a.env')).toBe('C:\\Users\\ana\\a.env');
    expect(fileInFolder('C:\\Users\\ana\\', 'a.env')).toBe('C:\\Users\\ana\\a.env');
  });

  it('dates a file name by the local day, zero-padded', () => {
    expect(fileDate(new Date(2025, 0, 5))).toBe('2025-01-05');
    expect(fileDate(new Date(2025, 11, 31))).toBe('2025-12-31');
  });
});
