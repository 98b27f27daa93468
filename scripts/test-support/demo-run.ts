import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// `npm run demo` as a user starts it, and the CLI command it prints run as printed: for the demo's own
// test and for the end-to-end spec that runs it without a keychain.

const demo = fileURLToPath(new URL('../demo.ts', import.meta.url));
const azcred = fileURLToPath(new URL('../../bin/azcred.js', import.meta.url));

export interface RunningDemo {
  child: ChildProcess;
  /** What it has printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the pattern's first group (or the whole match) once the output matches; rejects when the demo ends first. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

/** Starts the demo on the data below `home`, without opening a browser, with the arguments and environment given. */
export function startDemo(home: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): RunningDemo {
  const child = spawn(process.execPath, [demo, '--no-open', '--home', home, ...args], {
    env: { ...env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) return resolve(match[1] ?? match[0]);
          if (child.exitCode !== null) return reject(new Error(`the demo ended (${child.exitCode}) before ${pattern}:\n${output}`));
          waiters.push(check);
        };
        child.on('exit', check);
        check();
      }),
  };
}

/** What the CLI command the demo printed gave: the data folder it names, and the token it printed. */
export interface PrintedCliRun {
  dataFolder: string;
  token: string;
}

/**
 * Runs the CLI command the demo printed ("AZCRED_HOME=… node bin/azcred.js token arr Showroom") as printed,
 * with `env` added (a passphrase, no keychain); throws with what the CLI said when it printed anything on stderr.
 */
export function runPrintedCli(output: string, env: NodeJS.ProcessEnv = {}): PrintedCliRun {
  const dataFolder = /CLI on the same data: AZCRED_HOME=(\S+) node bin\/azcred\.js token arr Showroom/.exec(output)?.[1];
  if (dataFolder === undefined) throw new Error(`the demo printed no CLI command:\n${output}`);
  const cli = spawnSync(process.execPath, [azcred, 'token', 'arr', 'Showroom'], {
    env: { ...process.env, AZCRED_HOME: dataFolder, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (cli.stderr !== '' || cli.status !== 0) throw new Error(`the printed CLI command failed (${cli.status}): ${cli.stderr}`);
  return { dataFolder, token: cli.stdout.trim() };
}
