import { createServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contosoTenantId,
  devRegistrationClientId,
  scenarioUser,
  secretServicePrincipal,
} from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import type { ActivityEntry } from '../../shared/activity.ts';
import { servicePrincipalLogin } from './test-support/azcred-arguments.ts';
import { closeEmulatorDataFolder, deviceCodeLogin, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { importEmulatorCloud, keyringSession, runAzcred, type AzcredRun } from './test-support/run-azcred.ts';

const child = fileURLToPath(new URL('./test-support/run-as-child.ts', import.meta.url));
const arm = 'https://management.azure.com';
const acs = 'https://communication.azure.com';

let emulator: RunningEmulator;
let home: string;
/** A loopback port nothing listens on: where a managed-identity credential would look for IMDS, so no test can reach 169.254.169.254. */
let closedPort: number;

/** `azcred run ARGS -- node run-as-child.ts ACTION…`, and the child's one JSON line. */
async function runAs(args: string[], action: string[], env: Record<string, string> = {}): Promise<{ run: AzcredRun; seen: unknown }> {
  const run = await runAzcred(['run', ...args, '--', process.execPath, child, ...action], {
    home,
    env: { AZURE_POD_IDENTITY_AUTHORITY_HOST: `http://127.0.0.1:${closedPort}`, ...env },
  });
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  return { run, seen: line.startsWith('{') || line.startsWith('[') ? JSON.parse(line) : undefined };
}

async function accessLog(): Promise<ActivityEntry[]> {
  const text = await readFile(path.join(home, 'access-log.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ActivityEntry);
}

describe.runIf(keyringSession)('azcred run --identity: a managed-identity endpoint for the official Azure SDK', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-run-as-'));
    const login = await runAzcred(servicePrincipalLogin('--name', 'pipeline'), { home, stdin: secretServicePrincipal.secret });
    expect(login.code, login.stderr).toBe(0);
    // Alex signs in through an app registered in the tenant: Entra refuses the default app (the Azure CLI's) ACS tokens (AADSTS65002).
    await importEmulatorCloud(emulator, home, { clientId: devRegistrationClientId });
    const userLogin = await deviceCodeLogin(emulator, home, scenarioUser(emulator, 'alex.wilber').userName);
    expect(userLogin.code, userLogin.stderr).toBe(0);
    closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
  }, 90_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('gives DefaultAzureCredential and ManagedIdentityCredential ARM and ACS tokens of a signed-in user', async () => {
    const { run, seen } = await runAs(['--identity', 'alex.wilber@contoso.onmicrosoft.com'], ['tokens', arm, acs]);
    expect(run.code, run.stderr).toBe(0);
    const alex = scenarioUser(emulator, 'alex.wilber');
    expect(seen).toEqual([
      expect.objectContaining({
        resource: arm,
        dac: expect.objectContaining({ aud: arm, oid: alex.id }),
        mi: expect.objectContaining({ oid: alex.id }),
      }),
      expect.objectContaining({
        resource: acs,
        dac: expect.objectContaining({ aud: acs, oid: alex.id }),
        mi: expect.objectContaining({ aud: acs }),
      }),
    ]);
    // expires_on was read as seconds from now, not as milliseconds or a date in 1970.
    for (const token of seen as { expiresInSeconds: number }[]) expect(token.expiresInSeconds).toBeGreaterThan(60);
  });

  it('gives them tokens of a service principal, and an official ARM client lists subscriptions with them', async () => {
    const tokens = await runAs(['--identity', 'pipeline'], ['tokens', arm, acs]);
    expect(tokens.run.code, tokens.run.stderr).toBe(0);
    expect(tokens.seen).toEqual([
      expect.objectContaining({ dac: expect.objectContaining({ aud: arm, appid: secretServicePrincipal.appId, tid: contosoTenantId }) }),
      expect.objectContaining({ mi: expect.objectContaining({ aud: acs, appid: secretServicePrincipal.appId }) }),
    ]);
    const asUser = await runAs(['--identity', 'alex.wilber@contoso.onmicrosoft.com'], ['subscriptions', emulator.urls.arm]);
    expect(asUser.run.code, asUser.run.stderr).toBe(0);
    expect(asUser.seen).toEqual(['Contoso Mixed Reality Dev']);
    const asPipeline = await runAs(['--identity', 'pipeline'], ['subscriptions', emulator.urls.arm]);
    expect(asPipeline.run.code, asPipeline.run.stderr).toBe(0);
    expect(asPipeline.seen).toEqual(['Contoso Mixed Reality Dev']);
  });

  it('puts the endpoint and its header secret in the environment, and no key, secret, token or vault passphrase', async () => {
    const passphrase = 'a-vault-passphrase-the-child-must-not-see';
    const { run, seen } = await runAs(['--identity', 'pipeline'], ['env'], {
      AZCRED_VAULT_PASSPHRASE: passphrase,
      AZURE_CLIENT_SECRET: 'a-shell-secret-that-would-sign-in-as-someone-else',
    });
    expect(run.code, run.stderr).toBe(0);
    const env = seen as Record<string, string>;
    expect(env['IDENTITY_ENDPOINT']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/msi\/token$/);
    expect(env['MSI_ENDPOINT']).toBe(env['IDENTITY_ENDPOINT']);
    expect(env['IDENTITY_HEADER']).toMatch(/^[0-9a-f]{64}$/);
    expect(env['MSI_SECRET']).toBe(env['IDENTITY_HEADER']);
    expect(env['AZCRED_VAULT_PASSPHRASE']).toBeUndefined();
    expect(env['AZURE_CLIENT_SECRET']).toBeUndefined();
    const values = Object.values(env).join('\n');
    expect(values).not.toContain(secretServicePrincipal.secret);
    expect(values).not.toContain(passphrase);
    expect(values).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
    for (const account of emulator.scenario.remoteRenderingAccounts) expect(values).not.toContain(account.primaryKey);
  });

  it('refuses a request without the header or with a wrong one (401), and answers the 2017-09-01 form with its own expiry text', async () => {
    const { run, seen } = await runAs(['--identity', 'pipeline'], ['raw']);
    expect(run.code, run.stderr).toBe(0);
    expect(seen).toMatchObject({
      noHeader: { status: 401, gotToken: false, message: expect.stringContaining('X-IDENTITY-HEADER header is missing') },
      wrongHeader: { status: 401, gotToken: false, message: expect.stringContaining('header is wrong') },
      form2017: {
        status: 200,
        gotToken: true,
        tokenType: 'Bearer',
        expiresOn: expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d \+00:00$/),
      },
      form2019: { status: 200, gotToken: true, expiresOn: expect.stringMatching(/^\d{10}$/) },
    });
  });

  it('refuses a resource --allow does not name, saying which flag allows it, and serves the one it names', async () => {
    const allowed = ['--identity', 'pipeline', '--allow', arm];
    const refused = await runAs(allowed, ['one', `${acs}/.default`]);
    expect(refused.run.code, refused.run.stderr).toBe(0);
    expect((refused.seen as { error: string }).error).toContain(`--allow ${acs}`);
    const served = await runAs(allowed, ['one', `${arm}/.default`]);
    expect(served.seen).toMatchObject({ claims: { aud: arm } });
  });

  it("passes Entra's refusal of a resource on to the SDK at once, in words", async () => {
    const started = Date.now();
    const { run, seen } = await runAs(['--identity', 'pipeline'], ['one', 'https://nothing.example.com/.default']);
    expect(run.code, run.stderr).toBe(0);
    expect((seen as { error: string }).error).toContain('The resource asked for is not registered in the tenant');
    // A 400, not a server error the SDK would retry for seconds.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('lets a request pick another identity by client_id only when --identity names it too', async () => {
    const pick = ['one', `${arm}/.default`, `client_id=${secretServicePrincipal.appId}`];
    const alone = await runAs(['--identity', 'alex.wilber@contoso.onmicrosoft.com'], pick);
    expect((alone.seen as { error: string }).error).toContain('--identity');
    const both = await runAs(['--identity', 'alex.wilber@contoso.onmicrosoft.com', '--identity', 'pipeline'], pick);
    expect(both.seen).toMatchObject({ claims: { appid: secretServicePrincipal.appId } });
  });

  it('stops answering when the program exits', async () => {
    const { seen } = await runAs(['--identity', 'pipeline'], ['env']);
    const env = seen as Record<string, string>;
    const after = await fetch(`${env['IDENTITY_ENDPOINT']}?api-version=2019-08-01&resource=${arm}`, {
      headers: { 'X-IDENTITY-HEADER': env['IDENTITY_HEADER'] ?? '' },
    }).then(
      () => 'answered',
      (error: Error & { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(after).toBe('ECONNREFUSED');
  });

  it('refuses an unknown identity before starting anything, and passes the program its exit code', async () => {
    const unknown = await runAs(['--identity', 'nobody'], ['env']);
    expect(unknown.run).toMatchObject({ code: 3, stdout: '', stderr: expect.stringContaining('azcred identity list') });
    const failing = await runAzcred(['run', '--identity', 'pipeline', '--', process.execPath, '-e', 'process.exit(7)'], { home });
    expect(failing.code).toBe(7);
  });

  it('logs each run and every token it served, with the command line and never a token', async () => {
    const before = (await accessLog()).length;
    await runAs(['--identity', 'pipeline'], ['tokens', arm]);
    const entries = (await accessLog()).slice(before);
    const start = entries.find((e) => e.action === 'run-start');
    expect(start).toMatchObject({
      kind: 'identity-endpoint',
      identity: { name: 'pipeline' },
      to: { front: 'cli', program: expect.stringContaining('run-as-child.ts tokens') },
    });
    const served = entries.filter((e) => e.action === 'serve' && e.sessionId === start?.sessionId);
    // DefaultAzureCredential and ManagedIdentityCredential each asked once (MSAL in the child keeps what it got).
    expect(served.length).toBeGreaterThan(0);
    for (const entry of served) expect(entry).toMatchObject({ kind: 'entra', resource: arm, identity: { name: 'pipeline' } });
    expect(entries.find((e) => e.action === 'run-end')).toMatchObject({
      sessionId: start?.sessionId,
      what: expect.stringContaining('exited with 0'),
    });
    expect(JSON.stringify(entries)).not.toMatch(/eyJ[\w-]{10,}\./);
  });

  it('logs a run whose command line holds something secret-looking by the program alone', async () => {
    const before = (await accessLog()).length;
    const pasted = `eyJ${'a'.repeat(20)}.${'b'.repeat(20)}.${'c'.repeat(20)}`;
    const run = await runAzcred(['run', '--identity', 'pipeline', '--', process.execPath, '-e', '0', pasted], { home });
    expect(run.code, run.stderr).toBe(0);
    const entries = (await accessLog()).slice(before);
    expect(entries.map((e) => [e.action, e.to.program])).toEqual([
      ['run-start', process.execPath],
      ['run-end', process.execPath],
    ]);
  });
});
