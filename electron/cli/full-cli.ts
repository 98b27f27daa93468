import { appVersion } from '../core/platform/app-version.ts';
import { createCore } from '../core/core.ts';
import { resolveDataFolder } from '../core/platform/data-folder.ts';
import { openInDefaultBrowser } from '../core/platform/open-browser.ts';
import { azureTimeoutMs } from './azure-timeout.ts';
import { processIo } from './cli-io.ts';
import { commands } from './commands/index.ts';
import { runCli } from './run-cli.ts';
import { vaultPassphraseVariable } from './vault-passphrase.ts';

/** Every command, through the core: the same handlers as the app. */
export function runFullCli(argv: readonly string[], packageJson: URL): Promise<number> {
  const version = appVersion(packageJson);
  return runCli(argv, {
    io: processIo,
    version,
    commands,
    vaultPassphrase: process.env[vaultPassphraseVariable],
    // A bad AZCRED_TIMEOUT_SECONDS fails here, so only commands that use the core report it.
    createCore: (caller) => {
      const timeoutMs = azureTimeoutMs(process.env);
      return createCore({
        mode: 'cli',
        dataFolder: resolveDataFolder(),
        version,
        ...(caller && { caller }),
        platform: {
          openBrowser: async (url) => {
            if (!openInDefaultBrowser(url)) throw new Error('no browser to open');
          },
        },
        ...(timeoutMs ? { tokens: { retry: { policy: { timeoutMs } } } } : {}),
      });
    },
  });
}
