import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract.ts';
import type { Core } from '../core/core.ts';
import { contractExamples, exampleSecrets, type SeededFolder } from '../core/test-support/contract-examples.ts';
import { errorProblems, secretsIn } from '../core/test-support/error-message-problems.ts';
import { folderChanges, snapshotFolder, type FolderSnapshot } from '../core/test-support/folder-snapshot.ts';
import { malformedInputs } from '../core/test-support/malformed-inputs.ts';
import { coreValues, testCore } from '../core/test-support/test-core.ts';
import { createMemoryKeychain, keytarKeychain } from '../core/vault/keychain.ts';
import { startWebServer, type WebServer } from './server.ts';
import { send, signedInHeaders, type Answer } from './test-support/browser-session.ts';

/**
 * The contract fuzzer's inputs (electron/core/contract-fuzz.test.ts) sent the way browser mode
 * sends them: POST /api/<method> with the session cookie. The transport must add no crash of its
 * own: every answer to an /api/ request is JSON with a known error code, bad bodies and method
 * names included, the server keeps answering, and the data folder stays as it was.
 */

const keychain = process.env['AZCRED_IN_KEYRING_SESSION'] === '1' ? keytarKeychain() : createMemoryKeychain();
const arrKey = exampleSecrets[0] ?? '';

let dataFolder: string;
let exportFolder: string;
let core: Core;
let server: WebServer;
let headers: Record<string, string>;
let seeded: SeededFolder;
let baseline: FolderSnapshot;

beforeAll(async () => {
  dataFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-web-fuzz-'));
  exportFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-web-fuzz-exports-'));
  await symlink(dataFolder, path.join(exportFolder, 'data-link'));
  core = testCore(dataFolder, { keychain });
  const account = await coreValues(core).accounts.add({
    kind: 'arr',
    name: 'seeded',
    accountId: '0f6c8e4a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
    accountDomain: 'westeurope.mixedreality.azure.com',
    primaryKey: arrKey,
  });
  await coreValues(core).settings.update({ theme: 'dark' });
  server = await startWebServer({ core });
  headers = await signedInHeaders(server);
  const unknown = '7d3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
  seeded = {
    dataFolder,
    exportFolder,
    cloud: 'AzureCloud',
    arrAccountId: account.id,
    acsAccountId: unknown,
    acsEndpoint: 'https://fuzz.communication.azure.com',
    identityId: unknown,
    tenantId: 'organizations',
    tokenId: unknown,
    acsIdentityId: unknown,
  };
  baseline = snapshotFolder(dataFolder);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await core?.close();
  await Promise.all([dataFolder, exportFolder].map((folder) => folder && rm(folder, { recursive: true, force: true })));
});

const api = (methodPath: string, body: string | Buffer | undefined, contentType = 'application/json') =>
  send(new URL(`/api/${methodPath}`, server.url), 'POST', { ...headers, ...(contentType && { 'Content-Type': contentType }) }, body);

/** An /api/ answer: JSON, a Result, and when it failed a known code and a plain message. */
function result(answer: Answer): { ok: boolean; error?: unknown } {
  expect(answer.headers['content-type'], `${answer.status} ${answer.text.slice(0, 200)}`).toMatch(/^application\/json/);
  const parsed = JSON.parse(answer.text) as { ok: boolean; error?: unknown };
  expect(typeof parsed.ok).toBe('boolean');
  if (!parsed.ok) expect(errorProblems(parsed.error, exampleSecrets)).toEqual([]);
  return parsed;
}

const sampled: MethodName[] = [
  'settings.update',
  'vault.open',
  'accounts.add',
  'accounts.update',
  'accounts.reveal',
  'accounts.import',
  'accounts.export',
  'clouds.import',
  'tokens.export',
  'roles.exportReport',
];

describe('browser mode under malformed requests', () => {
  it('answers fuzzed inputs to the contract with JSON errors and changes nothing', async () => {
    const examples = contractExamples(seeded);
    const cases = fc
      .constantFrom(...sampled)
      .chain((method) => malformedInputs(examples[method], { exportFolder, dataFolder }).map((input) => ({ method, input })));
    await fc.assert(
      fc.asyncProperty(cases, async ({ method, input }) => {
        const body = JSON.stringify(input) ?? '';
        // What arrives is the JSON (NaN became null, undefined fields went): valid arrivals are the core fuzzer's business.
        fc.pre(!contract[method].input.safeParse(body ? JSON.parse(body) : undefined).success);
        const answer = await api(method, body);
        if (Buffer.byteLength(body) > 1024 * 1024) {
          expect(answer.status).toBe(413);
        } else {
          expect(answer.status).toBe(200);
        }
        const parsed = result(answer);
        expect(parsed.ok).toBe(false);
        expect(errorProblems(parsed.error, secretsIn(input))).toEqual([]);
        expect(folderChanges(baseline, snapshotFolder(dataFolder))).toEqual([]);
      }),
      { numRuns: Number(process.env['AZCRED_FUZZ_RUNS'] ?? 40), seed: Number(process.env['AZCRED_FUZZ_SEED'] ?? 20_240_611) },
    );
  });

  it('answers a bad body, a wrong content type, a huge body and unknown methods with a JSON error code', async () => {
    const cases: [string, string | Buffer | undefined, string, number, string][] = [
      ['settings.update', '{"theme":', 'application/json', 400, 'invalid_input'],
      ['settings.update', '\u0000\u0001', 'application/json', 400, 'invalid_input'],
      ['settings.update', '\ufeff{"theme":"dark"}', 'application/json', 400, 'invalid_input'],
      ['settings.update', Buffer.from([0xff, 0xfe, 0x00, 0x7b]), 'application/json', 400, 'invalid_input'],
      ['settings.update', '{"theme":"dark"}', 'text/plain', 415, 'invalid_input'],
      ['settings.update', '{"theme":"dark"}', '', 415, 'invalid_input'],
      ['settings.update', `{"notes":"${'a'.repeat(1024 * 1024)}"}`, 'application/json', 413, 'invalid_input'],
      ['settings.update', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'application/json', 200, 'invalid_input'],
      ['vault.dump', '{}', 'application/json', 200, 'unknown_method'],
      ['__proto__', '{}', 'application/json', 200, 'unknown_method'],
      ['constructor', '{}', 'application/json', 200, 'unknown_method'],
      ['settings.get%00', '{}', 'application/json', 200, 'unknown_method'],
      // A malformed %-escape made decodeURIComponent throw: a plain-text 500 instead of a JSON error.
      ['%E0%A4%A', '{}', 'application/json', 200, 'unknown_method'],
      ['%', '{}', 'application/json', 200, 'unknown_method'],
      ['..%2F..%2Fsettings.get', '{}', 'application/json', 200, 'unknown_method'],
      ['', '{}', 'application/json', 200, 'unknown_method'],
    ];
    for (const [method, body, contentType, status, code] of cases) {
      const answer = await api(method, body, contentType).catch((error: Error) =>
        Promise.reject(new Error(`${method} ${String(body).slice(0, 20)}: ${error.message}`)),
      );
      expect(answer.status, `${method} ${contentType}`).toBe(status);
      expect(result(answer), method).toMatchObject({ ok: false, error: { code } });
    }
    expect(folderChanges(baseline, snapshotFolder(dataFolder))).toEqual([]);
    // Still serving, and the settings are the seeded ones.
    expect(result(await api('settings.get', ''))).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });
});
