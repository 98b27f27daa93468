import { rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the desktop shell into dist/electron: main.cjs (the main process, with the core and its
 * dependencies inside) and preload.cjs. Both are CommonJS: a sandboxed preload cannot load ES
 * modules, and Electron's main process loads a .cjs file the same on every platform.
 * `npm run build:electron`.
 */

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'dist', 'electron');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 45 runs Node 22
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

async function bundle(entry: string, outfile: string, external: string[]): Promise<void> {
  const result = await build({
    ...common,
    entryPoints: [path.join(root, entry)],
    outfile: path.join(outDir, outfile),
    external,
    // main.ts finds its siblings from import.meta.dirname; in CommonJS that is __dirname. The core
    // loads keytar through createRequire(import.meta.url): in CommonJS that is this file's URL.
    define: { 'import.meta.dirname': '__dirname', 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  // A warning here (for example import.meta left empty in a CJS bundle) is a bug that would only
  // show when the app starts on someone's machine, so it fails the build.
  if (result.warnings.length > 0)
    throw new Error(`${entry}: esbuild reported ${result.warnings.length} warning(s); fix them before shipping.`);
}

await rm(outDir, { recursive: true, force: true });
// keytar is a native module: it stays in node_modules (unpacked from the asar, see electron-builder.yml).
await bundle('electron/main/main.ts', 'main.cjs', ['electron', 'keytar']);
await bundle('electron/main/preload.ts', 'preload.cjs', ['electron']);
console.log(`Built ${path.relative(root, outDir)}/main.cjs and preload.cjs.`);
