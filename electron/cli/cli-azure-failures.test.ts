import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { scenarioUser } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { arrPrimaryKey, closeEmulatorDataFolder, deviceCodeLogin, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { addEmulatorArr, servicePrincipalLogin, westEuropeArr } from './test-support/azcred-arguments.ts';
import { azcredIn, type AzcredRun, keyringSession, runAzcred } from './test-support/run-azcred.ts';

let emulator: RunningEmulator;
let home: string;
let primaryKey: string;
const azcred = azcredIn(() => home);
const keptTokens = async () => (await readFile(path.join(home, 'tokens.json'), 'utf8').catch(() => '')).length;

/** One line on stderr, nothing on stdout, and no secret given to the command in either. */
function expectOneLineFailure(run: AzcredRun, code: number, says: RegExp, secrets: readonly string[] = [primaryKey]): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(says);
  for (const secret of secrets) expect(run.stderr).not.toContain(secret);
}

describe.runIf(keyringSession)('azcred when Azure or the input fails', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-failures-'));
    primaryKey = arrPrimaryKey(emulator, westEuropeArr);
    expect(await azcred(addEmulatorArr('contoso', westEuropeArr), primaryKey)).toMatchObject({ code: 0 });
  }, 60_000);
  afterEach(() => emulator.faults.clear());
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('says to wait and retry when the STS keeps throttling (429), exit 1, keeping no token', async () => {
    const before = await keptTokens();
    emulator.faults.add({ service: 'sts', kind: 'throttle', retryAfterSeconds: 0 });
    expectOneLineFailure(await azcred(['token', 'arr', 'contoso', '--fresh']), 1, /429.*try again/i);
    expect(await keptTokens()).toBe(before);
  });

  it('says to try again when the STS keeps failing (503), exit 1', async () => {
    emulator.faults.add({ service: 'sts', kind: 'error', status: 503 });
    expectOneLineFailure(await azcred(['token', 'arr', 'contoso', '--fresh']), 1, /try again/i);
  }, 30_000);

  it('says to check the network when the connection drops, exit 1', async () => {
    emulator.faults.add({ service: 'sts', kind: 'drop' });
    expectOneLineFailure(await azcred(['token', 'arr', 'contoso', '--fresh']), 1, /network/i);
  }, 30_000);

  it(
    'gives up on an STS that does not answer after AZCRED_TIMEOUT_SECONDS a try, in one line that says what to do, keeping no ' + 'token',
    async () => {
      const before = await keptTokens();
      emulator.faults.add({ service: 'sts', kind: 'slow', delayMs: 25_000 });
      const started = Date.now();
      const run = await runAzcred(['token', 'arr', 'contoso', '--fresh'], { home, env: { AZCRED_TIMEOUT_SECONDS: '1' } });
      // 3 tries of 1 s and two backoffs (at most 1 s and 2 s), not the 3 x 30 s of the default.
      expect(Date.now() - started).toBeLessThan(12_000);
      expectOneLineFailure(run, 1, /did not answer within 1 s.*try again/i);
      expect(await keptTokens()).toBe(before);
    },
  );

  it('refuses an AZCRED_TIMEOUT_SECONDS that is not a number of seconds, exit 2, naming the variable', async () => {
    for (const value of ['soon', '0', '0.05', '-5', '601']) {
      expectOneLineFailure(
        await runAzcred(['token', 'arr', 'contoso', '--fresh'], { home, env: { AZCRED_TIMEOUT_SECONDS: value } }),
        2,
        new RegExp(`AZCRED_TIMEOUT_SECONDS .*"${value}"`),
      );
    }
  });

  it('gets the token once a passing failure is over (one 503, then the STS answers)', async () => {
    emulator.faults.add({ service: 'sts', kind: 'error', status: 503, times: 1 });
    const run = await azcred(['token', 'arr', 'contoso', '--fresh']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  }, 30_000);

  it('refuses a wrong client secret with exit 5 (sign in again), without echoing it or keeping an identity', async () => {
    const wrong = 'wrong-client-secret-value~9876';
    const run = await azcred(servicePrincipalLogin(), wrong);
    expectOneLineFailure(run, 5, /secret/i, [wrong]);
    expect(JSON.parse((await azcred(['identity', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('names the field of a bad account and saves nothing, never echoing a key it was given', async () => {
    const badId = await azcred(
      ['account', 'add', 'arr', 'typo', '--account-id', 'not-a-guid', '--account-domain', 'westeurope'],
      primaryKey,
    );
    expectOneLineFailure(badId, 2, /account ?id/i);
    const acsKey = Buffer.from('an-acs-access-key-that-must-not-leak').toString('base64');
    const badEndpoint = await azcred(
      ['account', 'add', 'acs', 'plain'],
      `endpoint=http://chat.communication.azure.com/;accesskey=${acsKey}`,
    );
    expectOneLineFailure(badEndpoint, 2, /https/i, [acsKey]);
    expect((JSON.parse((await azcred(['account', 'list', '--json'])).stdout) as { name: string }[]).map((a) => a.name)).toEqual([
      'contoso',
    ]);
  });

  it('answers a missing file, an unknown account and a command that does not exist with their own exit codes', async () => {
    expectOneLineFailure(
      await azcred(['cloud', 'import', path.join(home, 'missing.json')]),
      2,
      /Cannot read the cloud profile .*missing\.json: check the path/,
    );
    expectOneLineFailure(
      await azcred(['account', 'import', path.join(home, 'missing.env')]),
      2,
      /Cannot read the file .*missing\.env: check the path/,
    );
    expectOneLineFailure(
      await azcred([
        'login',
        '--service-principal',
        '--client-id',
        '1b2c3d4e-0000-4000-8000-000000000001',
        '--tenant',
        'contoso.onmicrosoft.com',
        '--certificate',
        path.join(home, 'missing.pem'),
      ]),
      2,
      /Cannot read the certificate file .*missing\.pem/,
    );
    expectOneLineFailure(await azcred(['token', 'arr', 'nobody']), 3, /azcred account list/);
    expectOneLineFailure(await azcred(['export', 'contoso', '--format', 'yaml']), 2, /env, json, shell or powershell/);
    expectOneLineFailure(await azcred(['run', '--account', 'contoso']), 2, /after --/);
    expectOneLineFailure(await azcred(['run', '--account', 'contoso', '--', 'azcred-no-such-program']), 3, /no such command/);
  });

  it(
    'says a user signed in with the default app cannot get an ACS Entra token and how to fix it (AADSTS65002), exit 7, storing ' +
      'nothing and leaving the sign-in working',
    async () => {
      const adele = scenarioUser(emulator, 'adele.vance').userName;
      expect(await deviceCodeLogin(emulator, home, adele)).toMatchObject({ code: 0 });
      const before = await keptTokens();
      const identities = async () => JSON.parse((await azcred(['identity', 'list', '--json'])).stdout) as unknown[];
      const identitiesBefore = await identities();
      const run = await azcred(['token', 'entra', '--scope', 'https://communication.azure.com//.default', '--identity', adele]);
      expectOneLineFailure(run, 7, /cannot get tokens for this service.*azcred app register.*service principal/);
      expect(run.stderr).not.toMatch(/sign in again/i);
      expect(await keptTokens()).toBe(before);
      expect(await identities()).toEqual(identitiesBefore);
      const arm = await azcred(['token', 'entra', '--scope', 'https://management.azure.com/.default', '--identity', adele]);
      expect(arm.code, arm.stderr).toBe(0);
    },
    60_000,
  );
});
