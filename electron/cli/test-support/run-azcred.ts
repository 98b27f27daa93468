import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { RunningEmulator } from '../../../e2e/azure-emulator/server.ts';

const bin = fileURLToPath(new URL('../../../bin/azcred.js', import.meta.url));
/** `azcred` without its cached-token path in front: the full CLI alone, from the sources. */
export const fullCliOnly = fileURLToPath(new URL('./full-cli-only.ts', import.meta.url));

/** Tests that use the OS keychain run on Linux inside scripts/with-keyring.sh, which starts a Secret Service and sets this. */
export const keyringSession = process.platform === 'linux' && process.env['AZCRED_IN_KEYRING_SESSION'] === '1';

export interface AzcredRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `azcred` as a user does: a child process with its own stdin, stdout and stderr. `onStderr`
 * sees stderr as it arrives (and the process, to signal it); `nodeOptions` go to Node before the script (`--import` a module recorder);
 * `script` runs another entry point than bin/azcred.js (`fullCliOnly`).
 */
export function runAzcred(
  args: readonly string[],
  options: {
    home: string;
    stdin?: string;
    env?: Record<string, string>;
    nodeOptions?: readonly string[];
    script?: string;
    onStderr?: (text: string, child: ChildProcess) => void;
  },
): Promise<AzcredRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), options.script ?? bin, ...args], {
      env: { ...process.env, AZCRED_HOME: options.home, AZCRED_NO_BROWSER: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** `runAzcred` on the data folder `home()` names (read at each call), with `stdin` piped in when given. */
export function azcredIn(home: () => string): (args: readonly string[], stdin?: string) => Promise<AzcredRun> {
  return (args, stdin) => runAzcred(args, { home: home(), ...(stdin !== undefined ? { stdin } : {}) });
}

/**
 * A new, empty data folder for the tests of the file or block that calls this: made before they run,
 * deleted after them. `home` names it once the tests run; `azcred` runs there.
 */
export function emptyDataFolder(prefix: string): { readonly home: string; azcred: ReturnType<typeof azcredIn> } {
  let home = '';
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => rm(home, { recursive: true, force: true }));
  return {
    get home() {
      return home;
    },
    azcred: azcredIn(() => home),
  };
}

/**
 * Runs `azcred` on a pseudo-terminal (util-linux `script`), as a person at a terminal: each answer is
 * typed once `prompt` shows for that time, when the terminal is in raw mode, never before. Resolves
 * to the exit code and everything the terminal showed (stdout and stderr together).
 */
export function runAzcredOnTerminal(
  args: readonly string[],
  options: { home: string; prompt: string; answers: readonly string[] },
): Promise<{ code: number; screen: string }> {
  const command = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qefc', command, '/dev/null'], {
    env: { ...process.env, AZCRED_HOME: options.home, AZCRED_NO_BROWSER: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let typed = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    for (const shown = screen.split(options.prompt).length - 1; typed < shown; typed += 1)
      child.stdin.write(`${options.answers[typed] ?? ''}\r`);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      child.stdin.destroy();
      resolve({ code: code ?? -1, screen });
    });
  });
}

/**
 * Imports the emulator's cloud profile (what it writes to `.emulator/cloud-profile.json`) into the
 * data folder at `home` as a user does, with `azcred cloud import FILE`; the file goes afterwards.
 */
export async function importEmulatorCloud(emulator: RunningEmulator, home: string, options: { clientId?: string } = {}): Promise<void> {
  const profile = `${home}-cloud.json`;
  const publicClient = { ...emulator.cloudProfile.publicClient, ...(options.clientId ? { clientId: options.clientId } : {}) };
  await writeFile(profile, JSON.stringify({ ...emulator.cloudProfile, publicClient }));
  try {
    const run = await runAzcred(['cloud', 'import', profile], { home });
    if (run.code !== 0) throw new Error(`azcred cloud import failed: ${run.stderr}`);
  } finally {
    await rm(profile, { force: true });
  }
}
