/**
 * `npm start`: builds what is out of date, then starts the desktop app when Electron can run here,
 * and browser mode (the same app, served on 127.0.0.1 to the default browser) when it cannot,
 * saying why in one paragraph. `npm start -- --browser` goes straight to browser mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const forceBrowser = process.argv.includes('--browser');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Runs an npm script only when its output is missing or older than its sources. */
function buildIfStale(script: string, output: string, sources: string[]): void {
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

function startBrowserMode(why?: { reason: string; remedy: string }): void {
  if (why) {
    console.log(
      `\nThe desktop window cannot open on this machine: ${why.reason}. ` +
        'Starting browser mode instead: the same app, served only to this machine on 127.0.0.1 and opened in your ' +
        'default browser with a one-session launch link. Your data folder and keychain are the same as the desktop ' +
        `app's. ${why.remedy}\n`,
    );
  }
  const child = spawn(process.execPath, [path.join(root, 'electron/web/main.ts'), ...process.argv.slice(2).filter((a) => a !== '--browser')], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

buildIfStale('build:renderer', 'dist/renderer/index.html', ['renderer', 'shared']);

if (forceBrowser) {
  startBrowserMode();
} else if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
  startBrowserMode({
    reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
    remedy: 'On a remote machine, forward the printed port (ssh -L) and open the link locally.',
  });
} else {
  const electron = electronBinary();
  if ('reason' in electron) {
    startBrowserMode({
      reason: `Electron is not installed and ${electron.reason}`,
      remedy: "For the desktop window, run `npm start` again where Electron's download site can be reached.",
    });
  } else {
    buildIfStale('build:electron', 'dist/electron/main.cjs', ['electron', 'shared']);
    const child = spawn(electron.path, [root], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
