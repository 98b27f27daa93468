/**
 * electron/web/: browser mode, one of the three front doors beside main/ (the Electron window) and
 * cli/ (azcred). It serves the built renderer and the contract over HTTP on 127.0.0.1 only: a
 * one-use launch link opens a session bound to the tab's secret, every `POST /api/<method>` goes to
 * the core's dispatch, and `GET /api/events` carries the core's event stream as Server-Sent Events.
 * It imports electron/core/ and shared/, never main/ or cli/.
 */

import { appVersion } from '../core/platform/app-version.ts';
import { createCore } from '../core/core.ts';
import { resolveDataFolder } from '../core/platform/data-folder.ts';
import { launcherFolder } from './launcher-file.ts';
import { launchLinkLines, openLaunchLink, printFreshLinksOnEnter } from './launch-links.ts';
import { browserOpeningLine } from '../core/platform/open-browser.ts';
import { defaultSessionIdleMs, startWebServer } from './server.ts';

/** Browser mode's entry point: `node electron/web/main.ts [--port N] [--idle-minutes M]`. */
function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const port = numberArg('--port', 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('azcred: --port takes a number from 0 to 65535 (0 picks a free port).');
  process.exit(2);
}
const idleMinutes = numberArg('--idle-minutes', defaultSessionIdleMs / 60_000);
if (!Number.isFinite(idleMinutes) || idleMinutes <= 0) {
  console.error('azcred: --idle-minutes takes a number of minutes above 0 (how long a browser may sit idle before its session ends).');
  process.exit(2);
}

const dataFolder = resolveDataFolder();
const core = createCore({ mode: 'browser', dataFolder, version: appVersion(new URL('../../package.json', import.meta.url)) });
const server = await startWebServer({ core, port, sessionIdleMs: idleMinutes * 60_000 });
const link = server.newLaunchLink();
const opening = openLaunchLink(link, launcherFolder(process.env, dataFolder.path));
console.log(['', 'Azure Credential Manager is running in browser mode.', ...launchLinkLines(link), '  Press Ctrl+C to stop.'].join('\n'));
// The link is printed at once; whether a browser opened is known a moment later.
void opening.then((result) => console.log(`  ${browserOpeningLine(result)}\n`));
printFreshLinksOnEnter(server, process.stdin, (text) => console.log(text));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.allSettled([core.close(), server.close()]).then(() => process.exit(0));
  });
}
