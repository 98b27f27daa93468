import { appVersion } from '../app-version.ts';
import { createCore } from '../core/core.ts';
import { resolveDataFolder } from '../core/data-folder.ts';
import { browserOpeningLine, openInDefaultBrowserAndSee } from './open-browser.ts';
import { startWebServer } from './server.ts';

/** Browser mode's entry point: `node electron/web/main.ts [--port N]`. */
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('azcred: --port takes a number from 0 to 65535 (0 picks a free port).');
  process.exit(2);
}

const core = createCore({ mode: 'browser', dataFolder: resolveDataFolder(), version: appVersion(new URL('../../package.json', import.meta.url)) });
const server = await startWebServer({ core, port });
const opening = openInDefaultBrowserAndSee(server.launchUrl);
console.log(
  [
    '',
    'Azure Credential Manager is running in browser mode.',
    `  Open: ${server.launchUrl}`,
    "  The link holds this session's launch token: anyone with it can use your credentials, so do not share it.",
    '  Press Ctrl+C to stop.',
  ].join('\n'),
);
// The link is printed at once; whether a browser opened is known a moment later.
void opening.then((result) => console.log(`  ${browserOpeningLine(result)}\n`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.allSettled([core.close(), server.close()]).then(() => process.exit(0));
  });
}
