import { rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles `azcred` into dist/cli (ES modules, split): the entry holds only the cached-token path,
 * and the full CLI with MSAL and the Azure SDKs is a chunk loaded when a command needs it. An
 * installed package runs this bundle (Node will not strip types inside node_modules).
 * `npm run build:cli`.
 */
const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'cli');

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { azcred: path.join(root, 'electron', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // keytar is native and stays in node_modules; the rest is bundled.
  external: ['keytar'],
  // Some CommonJS dependencies call require(): give the ES module bundle one.
  banner: { js: "import { createRequire as __azcredCreateRequire } from 'node:module'; const require = __azcredCreateRequire(import.meta.url);" },
  outExtension: { '.js': '.mjs' },
  legalComments: 'none',
  logLevel: 'warning',
});
if (result.warnings.length > 0) throw new Error(`esbuild reported ${result.warnings.length} warning(s) bundling azcred.`);
console.log(`Built ${path.relative(root, outdir)}/azcred.mjs.`);
