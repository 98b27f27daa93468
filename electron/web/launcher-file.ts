import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LaunchLink } from './server.ts';

/**
 * Where launcher files go: the user's runtime folder ($XDG_RUNTIME_DIR, 0700 and on tmpfs) when
 * there is one, else the data folder. Never a folder other users can list.
 */
export function launcherFolder(env: NodeJS.ProcessEnv, dataFolder: string): string {
  const runtime = env['XDG_RUNTIME_DIR'];
  return runtime && path.isAbsolute(runtime) ? runtime : dataFolder;
}

/**
 * Writes a launch link into an HTML file only this user can read (0600), for the browser to open
 * by path: a URL given to `xdg-open` sits in its argv and the browser's, which every local user can
 * read in /proc/<pid>/cmdline, while a path holds nothing secret. The page goes on to the link at
 * once; the file is removed as soon as the link stops working (used, expired, replaced, or the
 * server closed). Jupyter opens its server the same way (the `*-open.html` file in its runtime folder,
 * from notebook/templates/browser-open.html).
 */
export async function writeLauncherFile(link: LaunchLink, folder: string): Promise<string> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = path.join(folder, `azcred-browser-mode-${randomBytes(6).toString('hex')}.html`);
  const href = link.url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const html = [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<title>Azure Credential Manager</title>',
    `<p>Opening <a href="${href}">Azure Credential Manager</a>…</p>`,
    '',
  ].join('\n');
  await writeFile(file, html, { mode: 0o600, flag: 'wx' });
  void link.spent.then(() => rmSync(file, { force: true }));
  return file;
}
