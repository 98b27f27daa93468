import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/azcred.js', import.meta.url));

export interface AzcredRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `azcred` as a user does: a child process with its own stdin, stdout and stderr. `onStderr`
 * sees stderr as it arrives (and the process, to signal it); `nodeOptions` go to Node before the script (`--import` a module recorder).
 */
export function runAzcred(args: readonly string[], options: { home: string; stdin?: string; env?: Record<string, string>; nodeOptions?: readonly string[]; onStderr?: (text: string, child: ChildProcess) => void }): Promise<AzcredRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), bin, ...args], { env: { ...process.env, AZCRED_HOME: options.home, AZCRED_NO_BROWSER: '1', ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
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
