import { createInterface } from 'node:readline';
import { writeLauncherFile } from './launcher-file.ts';
import { browserCommand, openInDefaultBrowserAndSee, whyNoBrowser, type BrowserOpening } from '../core/platform/open-browser.ts';
import type { LaunchLink, WebServer } from './server.ts';

/** The lines that hand the user a launch link in the terminal (theirs alone): the link and what it is good for. */
export function launchLinkLines(link: LaunchLink): string[] {
  const seconds = Math.max(1, Math.round((link.expiresAt - Date.now()) / 1000));
  return [
    `  Open: ${link.url}`,
    `  The link signs in one browser, once, within ${seconds} s; do not share it. Press Enter here for a fresh link.`,
  ];
}

/**
 * Opens a launch link in the default browser through a 0600 launcher file, so the opener's and
 * the browser's argv (readable by every local user) hold a path, never the token.
 */
export async function openLaunchLink(link: LaunchLink, folder: string, env: NodeJS.ProcessEnv = process.env): Promise<BrowserOpening> {
  if (!browserCommand('', env, process.platform)) return { state: 'not-tried', why: whyNoBrowser(env) };
  let file: string;
  try {
    file = await writeLauncherFile(link, folder);
  } catch (error) {
    return {
      state: 'failed',
      why: `the launcher file could not be written in ${folder} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    };
  }
  return openInDefaultBrowserAndSee(file, env);
}

/**
 * Prints a fresh launch link each time the user presses Enter in the terminal (a link works
 * once, briefly, so a second browser or a closed tab needs a new one). Returns a function that stops listening.
 */
export function printFreshLinksOnEnter(server: WebServer, input: NodeJS.ReadableStream, print: (text: string) => void): () => void {
  const lines = createInterface({ input });
  lines.on('line', () => print(['', ...launchLinkLines(server.newLaunchLink()), ''].join('\n')));
  return () => lines.close();
}
