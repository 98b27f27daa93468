/**
 * Test helper, run as its own process by the accounts integration tests
 * (`node accounts-child.ts '<json>'`): a second app or CLI process with the real keychain, calling
 * the core through `dispatch` as every front door does, printing one JSON line with the results.
 */
import { dispatch } from '../../api.ts';
import { createCore } from '../../core.ts';

interface Job {
  dataFolder: string;
  /** Calls made in order; each result is reported. */
  calls: { method: string; input?: unknown }[];
  keychainTimeoutMs?: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const core = createCore({
  mode: 'test',
  dataFolder: { path: job.dataFolder, source: 'AZCRED_HOME' },
  version: '0.0.0-test',
  ...(job.keychainTimeoutMs ? { vault: { keychainTimeoutMs: job.keychainTimeoutMs } } : {}),
});
const started = Date.now();
const results: unknown[] = [];
for (const { method, input } of job.calls) results.push(await dispatch(core, method, input));
// Waits until the line is out: stdout to a pipe is asynchronous on POSIX, and the exit or kill below
// cut a long answer (the list of 450 accounts was cut at 146 KB).
await new Promise<void>((resolve) =>
  process.stdout.write(`${JSON.stringify({ results, elapsedMs: Date.now() - started })}\n`, () => resolve()),
);
const timedOut = results.some((result) => JSON.stringify(result).includes('keychain_timeout'));
// After a keychain timeout keytar's thread stays blocked and Node would wait for it on exit (see
// vault/test-support/vault-child.ts); the line above is out.
if (timedOut) process.kill(process.pid, 'SIGKILL');
await core.close();
process.exit(0);
