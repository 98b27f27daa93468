import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const azcred = fileURLToPath(new URL('../../bin/azcred.js', import.meta.url));

/** Runs the real CLI on the app's data folder, as a user in a terminal beside the open window; resolves at its exit. */
export function runAzcred(args: readonly string[], home: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [azcred, ...args], {
      env: { ...process.env, AZCRED_HOME: home, AZCRED_NO_BROWSER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Whether a request goes to browser mode's Server-Sent Events stream (the page holds one). */
export const isEventStream = (url: string) => new URL(url).pathname === '/api/events';
