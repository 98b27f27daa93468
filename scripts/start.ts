/**
 * `npm start`: builds what is out of date, then starts the desktop app when Electron can run here,
 * and browser mode (the same app, served on 127.0.0.1 at a printed link) when it cannot,
 * saying why in one paragraph. `npm start -- --browser` goes straight to browser mode.
 */
import { spawn } from 'node:child_process';
import { browserHostEntry, buildBrowserHostIfStale, buildRendererIfStale, desktopRuntime, root, type NoDesktop } from './app-launch.ts';

const forceBrowser = process.argv.includes('--browser');

function startBrowserMode(why?: NoDesktop): void {
  if (why) {
    console.log(
      `\nThe desktop window cannot open on this machine: ${why.reason}. ` +
        'Starting browser mode instead: the same app, served only to this machine on 127.0.0.1 at a launch link printed below ' +
        '(and opened in your default browser when one can be); a link signs in one browser, once, and Enter there prints a ' +
        'fresh one. Your data folder and keychain are the same as the desktop ' +
        `app's. ${why.remedy}\n`,
    );
  }
  buildBrowserHostIfStale();
  const child = spawn(process.execPath, [browserHostEntry, ...process.argv.slice(2).filter((a) => a !== '--browser')], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

buildRendererIfStale();

const desktop = forceBrowser ? undefined : desktopRuntime('npm start');
if (!desktop) {
  startBrowserMode();
} else if ('reason' in desktop) {
  startBrowserMode(desktop);
} else {
  const child = spawn(desktop.path, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
