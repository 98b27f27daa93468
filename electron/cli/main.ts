import { appVersion } from '../app-version.ts';
import { createCore } from '../core/core.ts';
import { resolveDataFolder } from '../core/data-folder.ts';
import { openInDefaultBrowser } from '../web/open-browser.ts';
import { processIo } from './cli-io.ts';
import { commands } from './commands/index.ts';
import { runCli } from './run-cli.ts';

/** `azcred`: the same core as the app, over the same data folder and vault. */
const version = appVersion(new URL('../../package.json', import.meta.url));
const code = await runCli(process.argv.slice(2), {
  io: processIo,
  version,
  commands,
  createCore: () =>
    createCore({
      mode: 'cli',
      dataFolder: resolveDataFolder(),
      version,
      platform: {
        openBrowser: async (url) => {
          if (!openInDefaultBrowser(url)) throw new Error('no browser to open');
        },
      },
    }),
});
// Exit explicitly: a keychain call that timed out leaves keytar's thread blocked, which would
// otherwise keep the process alive after the answer is printed.
process.exit(code);
