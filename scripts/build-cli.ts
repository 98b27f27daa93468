import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/**
 * Bundles `azcred` into dist/cli: `azcred.cjs`, the entry `bin/azcred.js` loads, holds only the
 * cached-token path and loads nothing else until a command needs the full CLI, `full-cli.mjs`, with
 * MSAL and the Azure SDKs. The entry is one CommonJS file (not an ES module split into shared
 * chunks): Node starts a CommonJS file about 10 ms sooner, a third of its own start-up, and the
 * cached-token path is what scripts call over and over (npm run bench). An installed package runs
 * this bundle (Node will not strip types inside node_modules). `npm run build:cli`.
 */
const root = path.resolve(import.meta.dirname, '..');
const finalDir = path.join(root, 'dist', 'cli');
// Built beside it and swapped in whole by two renames: an azcred started meanwhile (a test run
// rebuilding a stale bundle) finds the old bundle, the new one, or none (then bin/ runs the
// sources), never a half-written one.
const outdir = `${finalDir}.building-${process.pid}`;

const common: BuildOptions = {
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node22',
  // keytar is native and stays in node_modules; the rest is bundled.
  external: ['keytar'],
  legalComments: 'none',
  logLevel: 'warning',
};

/** The entry's `import('./full-cli.ts')` loads the other bundle (as an ES module) instead of inlining it. */
const fullCliApart: Plugin = {
  name: 'full-cli-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/full-cli\.ts$/ }, () => ({ path: './full-cli.mjs', external: true }));
  },
};

const results = await Promise.all([
  build({
    ...common,
    entryPoints: {
      azcred: path.join(root, 'electron', 'cli', 'main.ts'),
      'vault-agent': path.join(root, 'electron', 'cli', 'vault-agent-main.ts'),
    },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // The sources locate keytar and package.json from import.meta.url, which CommonJS lacks.
    define: { 'import.meta.url': '__azcredModuleUrl' },
    banner: { js: "const __azcredModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [fullCliApart],
  }),
  build({
    ...common,
    entryPoints: { 'full-cli': path.join(root, 'electron', 'cli', 'full-cli.ts') },
    format: 'esm',
    // MSAL and the ACS SDK, which the core loads on first use, become chunks loaded only then.
    splitting: true,
    outExtension: { '.js': '.mjs' },
    // Some CommonJS dependencies call require(): give the ES module bundle one.
    banner: {
      js: "import { createRequire as __azcredCreateRequire } from 'node:module'; const require = __azcredCreateRequire(import.meta.url);",
    },
  }),
]).catch(async (error: unknown) => {
  await rm(outdir, { recursive: true, force: true });
  throw error;
});
const warnings = results.reduce((sum, r) => sum + r.warnings.length, 0);
if (warnings > 0) {
  await rm(outdir, { recursive: true, force: true });
  throw new Error(`esbuild reported ${warnings} warning(s) bundling azcred.`);
}
const previous = `${finalDir}.previous-${process.pid}`;
await rename(finalDir, previous).catch(() => undefined);
await rename(outdir, finalDir);
await rm(previous, { recursive: true, force: true });
console.log(`Built ${path.relative(root, finalDir)}/azcred.cjs and full-cli.mjs.`);
