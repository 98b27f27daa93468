import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The bundle `npm run build:web` makes (bench/run.ts rebuilds it when stale), as `npm start -- --browser` runs it. */
export const hostBundle = fileURLToPath(new URL('../dist/web/main.mjs', import.meta.url));

/** Browser mode's host in a process of its own, as `npm start -- --browser` runs it. */
export interface HostProcess {
  launchUrl: string;
  /** The server's origin with a trailing slash. */
  url: string;
  /** The host process's resident set size now, in MB (from /proc). */
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

export function startHost(dataFolder: string, entry = hostBundle): Promise<HostProcess> {
  const child = spawn(process.execPath, [entry, '--port', '0'], {
    env: { ...process.env, AZCRED_HOME: dataFolder, AZCRED_NO_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const failed = (why: string) => reject(new Error(`The browser-mode host did not start (${why}): ${output.trim().slice(-500)}`));
    const timer = setTimeout(() => failed('no launch link within 30 s'), 30_000);
    child.once('error', (error) => failed(error.message));
    child.once('exit', (code) => failed(`exited with ${code}`));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const launchUrl = /Open: (\S+)/.exec(output)?.[1];
      if (!launchUrl) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ launchUrl, url: new URL('/', launchUrl).href, rssMb: () => rssMb(child), stop: () => stop(child) });
    });
  });
}

async function rssMb(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error('No VmRSS in /proc for the host process.');
  return kb / 1024;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
