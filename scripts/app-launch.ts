/**
 * What `npm start`, `npm run demo` and `npm run bench` share: building what is out of date, and finding out whether
 * the desktop window can open here (a display, the Electron runtime) or why not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The newest modification time of a file, or of any file in a folder (0 when it is missing). */
function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  if (!statSync(entry).isDirectory()) return statSync(entry).mtimeMs;
  let newest = 0;
  for (const file of readdirSync(entry, { withFileTypes: true, recursive: true })) {
    if (file.isFile()) newest = Math.max(newest, statSync(path.join(file.parentPath, file.name)).mtimeMs);
  }
  return newest;
}

/** Runs an npm script only when its output is missing or older than its sources (folders or files under the checkout). */
export function buildIfStale(script: string, output: string, sources: readonly string[]): void {
  const out = path.join(root, output);
  const stale = !existsSync(out) || sources.some((s) => newestMtime(path.join(root, s)) > statSync(out).mtimeMs);
  if (!stale) return;
  console.log(`Building (${script})…`);
  const result = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`azcred: \`npm run ${script}\` failed; see the messages above.`);
    process.exit(result.status ?? 1);
  }
}

/** Builds the renderer (Vite) when it is missing or older than its sources. */
export function buildRendererIfStale(): void {
  buildIfStale('build:renderer', 'dist/renderer/index.html', ['renderer', 'shared', 'vite.config.ts']);
}

/** Browser mode's host, bundled: run with `node`, it takes about 40 MB less memory than the TypeScript sources. */
export const browserHostEntry = path.join(root, 'dist', 'web', 'main.mjs');

/** Bundles browser mode's host (`npm run build:web`) when it is missing or older than its sources. */
export function buildBrowserHostIfStale(): void {
  buildIfStale('build:web', 'dist/web/main.mjs', ['electron', 'shared', 'scripts/build-web.ts', 'package-lock.json']);
}

/** Bundles the CLI (`npm run build:cli`), which `bin/azcred.js` loads, when it is missing or older than its sources. */
export function buildCliIfStale(): void {
  buildIfStale('build:cli', 'dist/cli/azcred.cjs', ['electron', 'shared', 'bin', 'scripts/build-cli.ts', 'package-lock.json']);
}

/** The Electron binary's path, fetching it once if the install step skipped it; or why not. */
function electronBinary(): { path: string } | { reason: string } {
  const packageDir = path.join(root, 'node_modules/electron');
  // Read what electron's own index.js reads, without requiring it: requiring it starts a download.
  const locate = () => {
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  };
  const found = locate();
  if (found) return { path: found };
  if (!existsSync(packageDir)) return { reason: 'its package is missing (run `npm install`)' };
  console.log('Fetching the Electron runtime (first start only)…');
  const install = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const fetched = locate();
  if (fetched) return { path: fetched };
  const detail = (install.stderr || install.stdout || '').trim().split('\n').pop() ?? 'no output';
  return { reason: `its runtime could not be downloaded (${install.error ? 'timed out' : detail})` };
}

/** Why the desktop window cannot open, in words, and what the user can do about it. */
export interface NoDesktop {
  reason: string;
  remedy: string;
}

/**
 * The Electron binary, with the Electron bundle built, when the desktop window can open here;
 * otherwise why not. `command` is what the user ran, for the remedy (`npm start`, `npm run demo`).
 */
export function desktopRuntime(command: string): { path: string } | NoDesktop {
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return {
      reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
      remedy: 'On a remote machine, forward the printed port (ssh -L) and open the link locally.',
    };
  }
  const electron = electronBinary();
  if ('reason' in electron) {
    return {
      reason: `Electron is not installed and ${electron.reason}`,
      remedy: `For the desktop window, run \`${command}\` again where Electron's download site can be reached.`,
    };
  }
  buildIfStale('build:electron', 'dist/electron/main.cjs', ['electron', 'shared', 'scripts/build-electron.ts', 'package-lock.json']);
  return electron;
}
