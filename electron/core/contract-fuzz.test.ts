import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import { contosoTenantId, defaultScenario } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator } from '../../e2e/azure-emulator/server.ts';
import { dispatch } from './api.ts';
import type { Core } from './core.ts';
import { contractExamples, exampleSecrets, type SeededFolder } from './test-support/contract-examples.ts';
import { errorProblems, secretsIn } from './test-support/error-message-problems.ts';
import { folderChanges, restoreFolder, snapshotFolder, type FolderSnapshot } from './test-support/folder-snapshot.ts';
import { malformedInputs } from './test-support/malformed-inputs.ts';
import { coreValues, testCore } from './test-support/test-core.ts';
import { addEmulatorAccounts, addRenderPipeline, recordingRetry } from './tokens/test-support/tokens-fixtures.ts';
import { createMemoryKeychain, keytarKeychain, type KeychainPort } from './vault/keychain.ts';

/**
 * Property-based fuzzing of every contract method through `dispatch`, the path the desktop IPC
 * bridge and browser mode's /api/<method> both take. Each input is a near miss of a valid one (or
 * any value at all); whatever it is, the call resolves in time with a known error code that is not
 * `internal`, in a plain sentence that quotes no secret, makes no network attempt when the schema
 * refuses it, and leaves the data folder (a real account, settings, a vault, an identity, a token)
 * and the export folder byte for byte as they were. A valid input may succeed; the folders are then
 * put back and the core started again.
 */

// The real Secret Service inside scripts/with-keyring.sh (as `npm test` runs it); the in-memory
// stand-in only when a developer runs this file bare, so the properties still get checked.
const keychain: KeychainPort = process.env['AZCRED_IN_KEYRING_SESSION'] === '1' ? keytarKeychain() : createMemoryKeychain();
const seed = Number(process.env['AZCRED_FUZZ_SEED'] ?? 20_240_611);
const callDeadlineMs = 8_000;

/** Connection attempts and HTTP requests this process starts, seen through Node's diagnostics channels. */
const network = { attempts: 0, last: '' };
const channels = ['net.client.socket', 'undici:request:create', 'http.client.request.start'];
const countAttempt = (message: unknown, name: string | symbol) => {
  network.attempts += 1;
  const request = (message as { request?: { origin?: string; path?: string } }).request;
  network.last = `${String(name)} ${request?.origin ?? ''}${request?.path ?? ''}`;
};

let dataFolder: string;
let exportFolder: string;
let core: Core;
let seeded: SeededFolder;
let secrets: string[];
let baseline: { data: FolderSnapshot; exports: FolderSnapshot };

const newCore = () => testCore(dataFolder, { keychain, tokens: { retry: recordingRetry({ tries: 1, timeoutMs: 1000 }).retry } });

beforeAll(async () => {
  dataFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-fuzz-data-'));
  exportFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-fuzz-exports-'));
  await writeFile(path.join(exportFolder, 'existing.txt'), 'a file the user already had\n', { mode: 0o644 });
  await symlink(dataFolder, path.join(exportFolder, 'data-link'));

  // Seeded through the real emulator, which then goes away: a call that reaches for Azure later
  // meets a closed port (a `network` error), and the diagnostics channels count the attempt.
  const emulator = await startEmulator({ scenario: defaultScenario() });
  core = newCore();
  try {
    const accounts = await addEmulatorAccounts(core, emulator);
    const identity = await addRenderPipeline(core);
    await coreValues(core).settings.update({ theme: 'dark', defaultCloud: 'AzureEmulator' });
    const token = await coreValues(core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey', keep: true });
    const acsIdentity = await coreValues(core).acsIdentities.create({
      accountId: accounts.chat.id,
      label: 'seeded',
    });
    const tokenValue = await coreValues(core).tokens.reveal({ id: token.id });
    seeded = {
      dataFolder,
      exportFolder,
      cloud: 'AzureEmulator',
      arrAccountId: accounts.westeurope.id,
      acsAccountId: accounts.chat.id,
      acsEndpoint: accounts.chat.kind === 'acs' ? accounts.chat.endpoint : '',
      identityId: identity.id,
      tenantId: contosoTenantId,
      tokenId: token.id,
      acsIdentityId: acsIdentity.identity.id,
    };
    const scenario = emulator.scenario;
    secrets = [
      ...exampleSecrets,
      tokenValue.value,
      ...scenario.remoteRenderingAccounts.flatMap((account) => [account.primaryKey, account.secondaryKey]),
      ...(emulator
        .acsConnectionString('contoso-acs-chat')
        .match(/accesskey=([^;]+)/i)
        ?.slice(1) ?? []),
    ];
  } finally {
    await emulator.close();
  }
  // A fresh core, so nothing of the seeding (open connections, pending timers) carries over.
  await core.close();
  core = newCore();
  await coreValues(core).vault.status();
  baseline = { data: snapshotFolder(dataFolder), exports: snapshotFolder(exportFolder) };
  for (const name of channels) subscribe(name, countAttempt);
}, 90_000);

afterAll(async () => {
  for (const name of channels) unsubscribe(name, countAttempt);
  await core?.close();
  await Promise.all([dataFolder, exportFolder].map((folder) => folder && rm(folder, { recursive: true, force: true })));
});

async function bounded(method: string, input: unknown): Promise<Result<unknown> | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), callDeadlineMs)));
  try {
    return await Promise.race([dispatch(core, method, input), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** One call and everything it must hold; a problem throws, so fast-check shrinks and reports the input and seed. */
async function checkCall(method: MethodName, input: unknown): Promise<void> {
  const valid = contract[method].input.safeParse(input).success;
  const attemptsBefore = network.attempts;
  const result = await bounded(method, input);
  if (result === 'hung') throw new Error(`${method} did not answer within ${callDeadlineMs / 1000} s`);
  expect(typeof result.ok, 'a Result').toBe('boolean');
  const after = { data: snapshotFolder(dataFolder), exports: snapshotFolder(exportFolder) };
  const changes = [
    ...folderChanges(baseline.data, after.data).map((c) => `data folder: ${c}`),
    ...folderChanges(baseline.exports, after.exports).map((c) => `export folder: ${c}`),
  ];
  if (!valid) {
    expect(result.ok, 'an input the schema refuses fails').toBe(false);
    expect(network.attempts - attemptsBefore, `no network attempt for a refused input (${network.last})`).toBe(0);
  }
  if (!result.ok) {
    expect(errorProblems(result.error, [...secrets, ...secretsIn(input)])).toEqual([]);
    expect(changes, 'a failed call changes nothing').toEqual([]);
  } else if (changes.length) {
    // A valid input did what it says: put everything back and start a core that reads it afresh.
    await core.close();
    await restoreFolder(dataFolder, baseline.data);
    await restoreFolder(exportFolder, baseline.exports);
    core = newCore();
  }
}

/** Inputs that once found a bug, tried first on every run (each names its fix). */
function regressions(seed: SeededFolder): Partial<Record<MethodName, unknown[]>> {
  const { exportFolder: folder, tokenId } = seed;
  return {
    // shared/file-path.ts: a NUL made Node's fs throw (an `internal` error); a DEL or bidi override was quoted back in the message.
    'tokens.export': [
      { id: tokenId, format: 'json', path: `${folder}/token\u0000.json` },
      { id: tokenId, format: 'json', path: `${folder}\u007f/token.json` },
    ],
    'accounts.export': [{ path: `${folder}/\u202egnp.json` }],
    'roles.exportReport': [
      { format: 'csv', path: `${folder}/roles\u0000.csv` },
      { format: 'csv', path: `${folder}/${'n'.repeat(300)}` },
    ], // and export-file.ts: ENAMETOOLONG was `internal`
  };
}

/**
 * Runs per method, by how much there is to get wrong: a method without input needs few, one with
 * nested fields more. About 1,000 calls in all, ~20 s on a loaded 2-core machine;
 * AZCRED_FUZZ_SCALE=10 (and AZCRED_FUZZ_SEED) for a longer hunt.
 */
const scale = Number(process.env['AZCRED_FUZZ_SCALE'] ?? 1);
const fieldCount = (value: unknown): number =>
  value !== null && typeof value === 'object' ? Object.values(value).reduce<number>((sum, item) => sum + 1 + fieldCount(item), 0) : 0;
const runsFor = (examples: readonly unknown[]) =>
  Math.round(scale * Math.min(45, 10 + 3 * examples.reduce<number>((sum, example) => sum + fieldCount(example), 0)));

describe('every contract method under malformed input', () => {
  it('has examples for exactly the methods of the contract', () => {
    expect(Object.keys(contractExamples(seeded)).sort()).toEqual([...methodNames].sort());
  });

  for (const method of methodNames) {
    it(`${method}: answers with an error code, in time, and changes nothing`, async () => {
      const examples = contractExamples(seeded)[method];
      for (const input of regressions(seeded)[method] ?? []) await checkCall(method, input);
      await fc.assert(
        fc.asyncProperty(malformedInputs(examples, { exportFolder, dataFolder }), (input) => checkCall(method, input)),
        { numRuns: runsFor(examples), seed, endOnFailure: true, includeErrorInReport: true },
      );
    });
  }
});
