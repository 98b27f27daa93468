import { printCachedToken } from './cached-token.ts';

/**
 * `azcred`: the same core as the app, over the same data folder and vault. A token that is
 * already cached is printed without loading the rest (scripts call `$(azcred token ...)` often).
 */
const argv = process.argv.slice(2);
let code: number;
try {
  code = (await printCachedToken(argv, (text) => process.stdout.write(`${text}\n`))) ? 0 : await full(argv);
} catch {
  // The quick path never reports its own failures: the full CLI retries and words them.
  code = await full(argv);
}
// Exit explicitly: a keychain call that timed out leaves keytar's thread blocked, which would
// otherwise keep the process alive after the answer is printed.
process.exit(code);

async function full(args: readonly string[]): Promise<number> {
  const { runFullCli } = await import('./full-cli.ts');
  // The bundle sits in dist/cli and the sources in electron/cli: both are two levels below package.json.
  return runFullCli(args, new URL('../../package.json', import.meta.url));
}
