import { describe, expect, it } from 'vitest';
import { maskText, OutputMasker } from './output-masking.ts';

/** Everything a masker shows for `chunks`, written one after another, then the end of the stream. */
function shown(secrets: string[], chunks: (string | Buffer)[]): string {
  const masker = new OutputMasker(secrets);
  const out = chunks.map((c) => masker.write(Buffer.isBuffer(c) ? c : Buffer.from(c)));
  return Buffer.concat([...out, masker.end()]).toString();
}

describe('masking secrets in a program output', () => {
  const key = 'Zm9vYmFyLWtleS0xMjM0NTY3ODkw';

  it('masks every occurrence in one write', () => {
    expect(shown([key], [`a ${key} b ${key}`])).toBe(`a ${maskText} b ${maskText}`);
  });

  it('masks a secret written a byte at a time, and shows what only began like one', () => {
    const bytes = [...Buffer.from(`x${key}y${key.slice(0, 5)}`)].map((b) => Buffer.from([b]));
    expect(shown([key], bytes)).toBe(`x${maskText}y${key.slice(0, 5)}`);
  });

  it('holds back only a possible start of a secret, and shows the rest at once', () => {
    const masker = new OutputMasker([key]);
    expect(masker.write(Buffer.from(`hello ${key.slice(0, 3)}`)).toString()).toBe('hello ');
    expect(masker.write(Buffer.from('!')).toString()).toBe(`${key.slice(0, 3)}!`);
  });

  it('masks a connection string whole and its key alone, and keeps a character split across writes intact', () => {
    const connection = `endpoint=https://x/;accesskey=${key}`;
    expect(shown([connection, key], [connection, ` and ${key}`])).toBe(`${maskText} and ${maskText}`);
    const euro = Buffer.from('€ ok');
    expect(shown([key], [euro.subarray(0, 1), euro.subarray(1)])).toBe('€ ok');
  });

  it('masks nothing when it has no secrets, and ignores values too short to be one', () => {
    expect(new OutputMasker([]).active).toBe(false);
    expect(new OutputMasker(['ab']).active).toBe(false);
    expect(shown(['ab'], ['abc'])).toBe('abc');
  });
});
