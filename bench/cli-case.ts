import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { RunningEmulator } from '../e2e/azure-emulator/server.ts';
import { contractCall } from '../scripts/contract-call.ts';
import { addEmulatorAccounts, benchCore, newDataFolder } from './fixtures.ts';
import type { CaseResult } from './report.ts';
import { paired } from './stats.ts';

const bin = fileURLToPath(new URL('../bin/azcred.js', import.meta.url));
const accountName = 'Showroom';

/** How long a child process takes from spawn to exit, failing the bench if it does not print `expect`. */
function timeProcess(args: readonly string[], env: NodeJS.ProcessEnv, expect?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const took = performance.now() - started;
      child.on('close', () => {
        if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr.trim().slice(0, 300)}`));
        else if (expect !== undefined && stdout.trim() !== expect) reject(new Error(`${args.join(' ')} did not print the cached token.`));
        else resolve(took);
      });
    });
  });
}

/**
 * `azcred token arr NAME` as a user runs it (`node bin/azcred.js`, the built bundle) with a valid
 * kept STS token minted at the emulator, against `node -e 0`: the floor of starting Node here.
 */
export async function measureCli(emulator: RunningEmulator, runs: number): Promise<CaseResult> {
  const home = await newDataFolder('cli');
  const core = benchCore(home);
  let token: string;
  try {
    const { arr } = await addEmulatorAccounts(core, emulator, accountName);
    const call = contractCall(core);
    const minted = await call('tokens.mintArr', { accountId: arr.id, via: 'primaryKey', keep: true });
    token = (await call('tokens.reveal', { id: minted.id })).value;
  } finally {
    await core.close();
  }
  const env = { ...process.env, AZCRED_HOME: home, AZCRED_NO_BROWSER: '1' };
  const args = [bin, 'token', 'arr', accountName];
  try {
    const measured = await paired(
      () => timeProcess(['-e', '0'], env),
      () => timeProcess(args, env, token),
      { warmup: 3, runs },
    );
    return {
      id: 'cli-cached-token',
      title: '`azcred token arr NAME`, cached token',
      unit: 'ms',
      subject: measured.subject,
      baseline: { label: '`node -e 0`', summary: measured.baseline },
      target: { kind: 'ratio', max: 1.5 },
    };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
