/**
 * electron/cli/: `azcred`, the command-line front door beside main/ (Electron) and web/ (browser
 * mode). This entry prints a cached token straight from the data folder and the vault file (the quick
 * path, through the layout module and vault-peek.ts); every other command loads full-cli.ts, which
 * calls the core's dispatch. It imports electron/core/ and shared/, never main/ or web/.
 */

import { writeSync } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import { cacheFolder } from '../core/platform/data-folder.ts';
import { printCachedToken } from './cached-token.ts';

/**
 * `azcred`: the same core as the app, over the same data folder and vault. A token that is
 * already cached is printed without loading the rest (scripts call `$(azcred token ...)` often).
 * No top-level await: this entry is bundled as CommonJS, which Node starts about 10 ms sooner than
 * an ES module (npm run bench), and the full CLI is an ES module it imports when needed.
 */
const argv = process.argv.slice(2);
void printCachedToken(argv, (text) => writeOut(`${text}\n`))
  // The quick path never reports its own failures: the full CLI retries and words them.
  .then(
    (printed) => (printed ? 0 : full(argv)),
    () => full(argv),
  )
  // Exit explicitly: a keychain call that timed out leaves keytar's thread blocked, which would
  // otherwise keep the process alive after the answer is printed.
  .then((code) => process.exit(code));

async function full(args: readonly string[]): Promise<number> {
  // The full CLI is megabytes of JavaScript: V8's code for it, kept in the OS cache folder, cuts
  // about a quarter of its start. Not before the cached-token path, whose start it slows.
  // Node 20 has no compile cache (added in 22.1): the CLI runs there without it.
  (nodeModule as Partial<typeof nodeModule>).enableCompileCache?.(path.join(cacheFolder(), 'compile-cache'));
  const { runFullCli } = await import('./full-cli.ts');
  // The bundle sits in dist/cli and the sources in electron/cli: both are two levels below package.json.
  return runFullCli(args, new URL('../../package.json', import.meta.url));
}

/**
 * Writes to file descriptor 1 directly: `process.stdout` would load Node's stream and socket
 * modules, which cost the quick path more than its file reads. What a non-blocking or full pipe
 * does not take goes through `process.stdout` as before.
 */
function writeOut(text: string): void {
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch {
    process.stdout.write(bytes.subarray(written));
  }
}
