import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputLimitBytes } from './cli-io.ts';
import { runAzcred } from './test-support/run-azcred.ts';

const bin = fileURLToPath(new URL('../../bin/azcred.js', import.meta.url));
let home: string;

/** Runs azcred with stdin from /dev/zero, as `azcred ... < /dev/zero` does: it must stop by itself. */
function withEndlessStdin(args: string[]): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', '"$0" "$@" < /dev/zero', process.execPath, bin, ...args], {
      env: { ...process.env, AZCRED_HOME: home, AZCRED_NO_BROWSER: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, ms: Date.now() - started }));
  });
}

// The data folder holds nothing secret here: no vault is needed to refuse an input.
describe('azcred refusing inputs that are not files or are too large', () => {
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'azcred-limits-'));
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('refuses a device or a folder named as an import file, with exit 2 and one line, reading nothing', async () => {
    for (const file of ['/dev/zero', os.tmpdir()]) {
      const run = await runAzcred(['account', 'import', file], { home });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(
          `^azcred: ${file} is not a regular file \\(a device, pipe or folder\\): name .+ as a file, or give .+ - to read it ` +
            `from stdin\\.\\n$`,
        ),
      );
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await readdir(home)).filter((f) => f.startsWith('accounts'))).toEqual([]);
  });

  it('refuses a file over the documented limit', async () => {
    const big = path.join(home, 'big.env');
    await writeFile(big, Buffer.alloc(inputLimitBytes + 1, 'a'));
    const run = await runAzcred(['account', 'import', big], { home });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/big\.env is larger than 8 MiB/);
  });

  it('stops reading an endless stdin at the limit, for a file given as - and for a secret', async () => {
    for (const args of [
      ['account', 'import', '-'],
      ['account', 'add', 'acs', 'endless'],
    ]) {
      const run = await withEndlessStdin(args);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/stdin gave more than 8 MiB/);
    }
  }, 60_000);
});
