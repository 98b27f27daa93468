import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

// HOUSE-STYLE.md 12: Prettier decides layout and `npm run lint` checks it.
const root = path.resolve(import.meta.dirname, '..');
const ignorePath = path.join(root, '.prettierignore');
/** A file from each folder of the code, committed formatted. */
const oneFilePerFolder = [
  'electron/core/vault/vault.ts',
  'electron/cli/main.ts',
  'renderer/App.tsx',
  'shared/contract.ts',
  'e2e/tokens.spec.ts',
  'scripts/test.ts',
];

describe('formatting', () => {
  it('npm run lint runs prettier --check over the whole tree after eslint', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['lint']).toMatch(/^eslint .*&& prettier --check .* \.$/);
  });

  it('finds an unformatted source file in every folder of the code, and none ignored', async () => {
    for (const file of oneFilePerFolder) {
      const filepath = path.join(root, file);
      expect((await prettier.getFileInfo(filepath, { ignorePath })).ignored, file).toBe(false);
      const options = { ...(await prettier.resolveConfig(filepath)), filepath };
      const source = await readFile(filepath, 'utf8');
      expect(await prettier.check(source, options), `${file} as committed`).toBe(true);
      const squashed = source.replace(/\n\s*\n/, '\n\n\n\n').replace(/ = /, '  =  ');
      expect(await prettier.check(squashed, options), `${file} with its layout changed`).toBe(false);
    }
  });

  it('lays out lines to 140 characters', async () => {
    const options = { ...(await prettier.resolveConfig(path.join(root, 'shared/contract.ts'))), filepath: 'probe.ts' };
    const call = `const value = someFunction(${Array.from({ length: 12 }, (_, i) => `argument${i}`).join(', ')});\n`;
    const formatted = await prettier.format(call, options);
    expect(formatted.split('\n').every((line) => line.length <= 140)).toBe(true);
    expect(formatted.split('\n').length).toBeGreaterThan(2);
  });

  it('leaves fewer than 100 lines over 140 characters in the code, each a string, pattern or URL Prettier cannot split', async () => {
    const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.js', '*.cjs', '*.mjs', '*.css', '*.html'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    const long: string[] = [];
    for (const file of files) {
      const lines = (await readFile(path.join(root, file), 'utf8')).split('\n');
      lines.forEach((line, i) => line.length > 140 && long.push(`${file}:${i + 1}`));
    }
    expect(long.length, long.join('\n')).toBeLessThan(100);
  });
});
