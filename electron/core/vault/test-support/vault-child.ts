/**
 * Test helper, run as its own process by the integration tests (`node vault-child.ts '<json>'`):
 * opens the vault like a second app or CLI process would and prints one JSON line with the result.
 */
import { openVault } from '../vault.ts';
import { VaultError } from '../vault-error.ts';

interface Job {
  dataFolder: string;
  op: 'read' | 'write-each' | 'open' | 'rewrite';
  /** For write-each: name → value, written one `set` at a time to maximise interleaving. */
  secrets?: Record<string, string>;
  /** For rewrite: the size of the value written to `big` again and again, until the process is killed. */
  size?: number;
  keychainTimeoutMs?: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
/** Writes one line and waits until it is out: stdout to a pipe is asynchronous on POSIX, and an exit or a kill would cut it. */
const writeLine = (line: string) => new Promise<void>((resolve) => process.stdout.write(`${line}\n`, () => resolve()));
const started = Date.now();
let lastReason: string | undefined;
try {
  const vault = await openVault({
    dataFolder: job.dataFolder,
    ...(job.keychainTimeoutMs ? { keychainTimeoutMs: job.keychainTimeoutMs } : {}),
  });
  if (job.op === 'write-each') {
    for (const [name, value] of Object.entries(job.secrets ?? {})) await vault.set(name, value);
  }
  // Never returns: the test kills the process in the middle of a write. Each finished write is announced.
  for (let round = 1; job.op === 'rewrite'; round++) {
    await vault.set('big', `${round}:${'x'.repeat(job.size ?? 0)}`);
    await writeLine(`wrote ${round}`);
  }
  const secrets = job.op === 'read' ? Object.fromEntries(vault.names().map((name) => [name, vault.get(name)])) : undefined;
  await writeLine(JSON.stringify({ ok: true, info: vault.info(), secrets, elapsedMs: Date.now() - started }));
} catch (error) {
  const reason = error instanceof VaultError ? error.reason : undefined;
  lastReason = reason;
  const message = error instanceof Error ? error.message : String(error);
  await writeLine(JSON.stringify({ ok: false, reason, message, elapsedMs: Date.now() - started }));
}
// After a keychain timeout keytar's worker thread is still blocked in libsecret (a silent bus never
// answers), and Node joins its thread pool on exit, so process.exit() would hang (measured). The
// line above is out before the kill: writeLine waited for it.
if (lastReason === 'keychain_timeout') process.kill(process.pid, 'SIGKILL');
process.exit(0);
