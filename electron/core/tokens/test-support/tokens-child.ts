/**
 * Test helper, run as its own process (`node tokens-child.ts '<json>'`) by the custom-CA test: a
 * fresh process whose Node trusts only what it started with, calling the core through `dispatch`
 * with an in-memory keychain, printing one JSON line with each call's result.
 */
import { dispatch } from '../../api.ts';
import { createCore } from '../../core.ts';
import { fastScrypt } from '../../test-support/test-core.ts';
import { createMemoryKeychain } from '../../vault/keychain.ts';

interface Job {
  dataFolder: string;
  /** Calls made in order; a string "$N" in an input stands for the id the N-th call returned. */
  calls: { method: string; input?: unknown }[];
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const core = createCore({
  mode: 'test',
  dataFolder: { path: job.dataFolder, source: 'AZCRED_HOME' },
  version: '0.0.0-test',
  vault: { keychain: createMemoryKeychain(), scryptParams: fastScrypt },
  tokens: { retry: { policy: { tries: 1, timeoutMs: 5000 } } },
});
const results: unknown[] = [];
const idOf = (n: number) => ((results[n] as { value?: { id?: unknown } } | undefined)?.value?.id ?? null) as string | null;
for (const { method, input } of job.calls) {
  const resolved =
    input === undefined
      ? undefined
      : (JSON.parse(JSON.stringify(input).replace(/"\$(\d+)"/g, (_, n: string) => JSON.stringify(idOf(Number(n))))) as unknown);
  results.push(await dispatch(core, method, resolved));
}
process.stdout.write(`${JSON.stringify({ results })}\n`);
await core.close();
process.exit(0);
