import { spawn } from 'node:child_process';

/**
 * Runs `node script` with `env` until what it printed (stdout and stderr together) passes `done`,
 * then stops it and resolves to all of it; after `wait.ms` without, stops it and fails with
 * "no <wait.for>" and the output.
 */
export function outputUntil(
  script: string,
  env: NodeJS.ProcessEnv,
  done: (output: string) => boolean,
  wait: { ms: number; for: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`no ${wait.for}:\n${output}`));
    }, wait.ms);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (done(output)) {
        clearTimeout(timer);
        child.once('exit', () => resolve(output));
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
  });
}
