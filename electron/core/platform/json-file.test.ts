import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'azcred-json-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const schema = z.object({ version: z.literal(1), names: z.array(z.string()) });
const damaged = () => new Error('damaged');

describe('a data file read again', () => {
  it('sees every change another process makes, and hands each caller its own copy', async () => {
    const file = path.join(folder, 'names.json');
    await writeJsonFile(file, { version: 1, names: ['a'] });
    const first = await readJsonFile(file, schema, damaged);
    first?.names.push('changed by the caller');
    expect(await readJsonFile(file, schema, damaged)).toEqual({ version: 1, names: ['a'] });

    // Replaced by rename, as every writer here does; then written in place, as an editor might.
    await writeJsonFile(file, { version: 1, names: ['a', 'b'] });
    expect(await readJsonFile(file, schema, damaged)).toEqual({ version: 1, names: ['a', 'b'] });
    writeFileSync(file, JSON.stringify({ version: 1, names: ['edited'] }));
    expect(await readJsonFile(file, schema, damaged)).toEqual({ version: 1, names: ['edited'] });
    writeFileSync(file, '{"version": 1, "names": [');
    await expect(readJsonFile(file, schema, damaged)).rejects.toThrow('damaged');
    rmSync(file);
    expect(await readJsonFile(file, schema, damaged)).toBeUndefined();
  });
});
