import { spawn, type ChildProcess } from 'node:child_process';

/**
 * How to open a URL in the user's default browser on this machine, or undefined when there is
 * none to open: never in CI, and on Linux only with a display.
 */
export function browserCommand(
  url: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): { file: string; args: string[] } | undefined {
  if (env['CI'] || env['AZCRED_NO_BROWSER']) return undefined;
  if (platform === 'darwin') return { file: 'open', args: [url] };
  if (platform === 'win32') return { file: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return env['DISPLAY'] || env['WAYLAND_DISPLAY'] ? { file: 'xdg-open', args: [url] } : undefined;
}

/** Why `browserCommand` offered nothing, in words. */
export function whyNoBrowser(env: NodeJS.ProcessEnv): string {
  if (env['CI']) return 'CI is set';
  if (env['AZCRED_NO_BROWSER']) return 'AZCRED_NO_BROWSER is set';
  return 'this machine has no display';
}

/** Starts the opener detached, so the browser it starts outlives this process. Its argv is readable by every local user: give it
 * nothing secret. */
function startOpener(command: { file: string; args: string[] }, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command.file, command.args, { stdio: 'ignore', detached: true, env });
  child.unref();
  return child;
}

/**
 * Opens a URL in the default browser when there is one. Returns whether it tried; a failure to
 * launch is not an error, since the URL is printed anyway.
 */
export function openInDefaultBrowser(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const command = browserCommand(url, env, process.platform);
  if (!command) return false;
  startOpener(command, env).on('error', () => undefined);
  return true;
}

/** What came of trying to open the launch link, for the start-up message. */
export type BrowserOpening =
  /** The opener (xdg-open, open, rundll32) handed the link to the browser and exited with 0. */
  | { state: 'opened' }
  /** The opener still runs after the wait: xdg-open runs some browsers in its own place. */
  | { state: 'opening' }
  /** Nothing to open with here (CI, asked not to, no display). */
  | { state: 'not-tried'; why: string }
  /** The opener is missing or failed. */
  | { state: 'failed'; why: string };

/**
 * Opens a URL or file in the default browser and waits (at most `settleMs`) to learn whether that
 * worked, so the start-up message says what happened instead of what was meant to. One opener, one
 * try. Browser mode passes a launcher file's path (launcher-file.ts), never the launch link.
 */
export function openInDefaultBrowserAndSee(url: string, env: NodeJS.ProcessEnv = process.env, settleMs = 2_000): Promise<BrowserOpening> {
  const command = browserCommand(url, env, process.platform);
  if (!command) return Promise.resolve({ state: 'not-tried', why: whyNoBrowser(env) });
  return new Promise((resolve) => {
    const child = startOpener(command, env);
    const timer = setTimeout(() => resolve({ state: 'opening' }), settleMs);
    const settle = (opening: BrowserOpening) => {
      clearTimeout(timer);
      resolve(opening);
    };
    child.once('error', (error: NodeJS.ErrnoException) =>
      settle({
        state: 'failed',
        why: error.code === 'ENOENT' ? `${command.file} is not installed` : `${command.file} could not start: ${error.message}`,
      }),
    );
    child.once('exit', (code, signal) =>
      settle(
        code === 0
          ? { state: 'opened' }
          : { state: 'failed', why: `${command.file} ${signal ? `was ended by ${signal}` : `failed with exit code ${code ?? '?'}`}` },
      ),
    );
  });
}

/** The start-up message's line about the browser: true to what happened, and what to do when nothing opened. */
export function browserOpeningLine(opening: BrowserOpening): string {
  if (opening.state === 'opened') return 'Opened it in your default browser.';
  if (opening.state === 'opening') return 'Opening it in your default browser.';
  const what = opening.state === 'failed' ? 'No browser could be opened' : 'No browser was opened';
  return `${what} (${opening.why}): open the link above by hand, in a browser on this machine.`;
}
