import { rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles browser mode's host (`electron/web/main.ts`) into dist/web/main.mjs, as the CLI is
 * bundled: Node running the TypeScript sources keeps every one of them, stripped and compiled, in
 * memory (the host took about 40 MB more than the bundle, npm run bench). Split: MSAL and the ACS
 * SDK, which the core loads on first use, are chunks of their own that load only then.
 * `npm run build:web`; `npm start -- --browser` runs it, rebuilding it first when it is stale.
 */
const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'web');

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { main: path.join(root, 'electron', 'web', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // keytar is native and stays in node_modules; the rest is bundled.
  external: ['keytar'],
  // Some CommonJS dependencies call require(): give the ES module bundle one.
  banner: {
    js: "import { createRequire as __azcredCreateRequire } from 'node:module'; const require = __azcredCreateRequire(import.meta.url);",
  },
  outExtension: { '.js': '.mjs' },
  legalComments: 'none',
  logLevel: 'warning',
});
if (result.warnings.length > 0) throw new Error(`esbuild reported ${result.warnings.length} warning(s) bundling browser mode.`);
console.log(`Built ${path.relative(root, outdir)}/main.mjs.`);
