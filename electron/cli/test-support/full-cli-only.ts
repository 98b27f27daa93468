// `azcred` without its cached-token path: the full CLI alone, from the sources, for a test to
// compare what the quick path prints with what the full CLI prints for the same command line.
import { runFullCli } from '../full-cli.ts';

process.exitCode = await runFullCli(process.argv.slice(2), new URL('../../../package.json', import.meta.url));
