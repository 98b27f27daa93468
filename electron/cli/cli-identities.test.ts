import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateServicePrincipalAppId,
  contosoTenantId,
  jwtClaims,
  secretServicePrincipal,
} from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { closeEmulatorDataFolder, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { addEmulatorArr, armScope, eastUsArr, servicePrincipalLogin, westEuropeArr } from './test-support/azcred-arguments.ts';
import { azcredIn, type AzcredRun, keyringSession, runAzcred } from './test-support/run-azcred.ts';
import { expectFitsEightyColumns } from './test-support/table-width.ts';

let emulator: RunningEmulator;
let stateDir: string;
let home: string;
const runs: { args: readonly string[]; run: AzcredRun }[] = [];
const azcredHere = azcredIn(() => home);
const azcred = async (args: string[], stdin?: string) => {
  const run = await azcredHere(args, stdin);
  runs.push({ args, run });
  return run;
};

describe.runIf(keyringSession)('azcred with Entra identities, against the emulator', () => {
  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(os.tmpdir(), 'azcred-emulator-state-'));
    // The emulator writes cloud-profile.json and the certificate service principal's PEM here, as `npm run emulator` does;
    // the first test imports that profile.
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-identities-', { stateDir, importCloud: false }));
  }, 60_000);
  afterAll(async () => {
    await closeEmulatorDataFolder(emulator, home);
    await rm(stateDir, { recursive: true, force: true });
  });

  it('imports the cloud profile file the emulator writes, and lists it', async () => {
    expect(await azcred(['cloud', 'import', path.join(stateDir, 'cloud-profile.json')])).toMatchObject({ code: 0, stderr: '' });
    expect((await azcred(['cloud', 'list'])).stdout).toMatch(/^AzureEmulator\s/m);
    expect(await azcred(addEmulatorArr('west', westEuropeArr, '--no-key'))).toMatchObject({ code: 0 });
    expect(await azcred(addEmulatorArr('east', eastUsArr, '--no-key'))).toMatchObject({ code: 0 });
  });

  it('signs in a service principal with a certificate file, reading nothing from stdin', async () => {
    const pem = path.join(stateDir, `service-principal-${certificateServicePrincipalAppId}.pem`);
    const certificateLogin = (file: string, ...more: string[]) => [
      ...['login', '--service-principal', '--client-id', certificateServicePrincipalAppId, '--tenant', contosoTenantId],
      ...['--cloud', 'AzureEmulator', '--certificate', file, ...more],
    ];
    const login = await azcred(certificateLogin(pem, '--name', 'build agent'));
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain('build agent');
    const missing = await azcred(certificateLogin(path.join(stateDir, 'nope.pem')));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.pem');
  });

  it('prints an Entra token as JSON with its expiry and source, for the identity named', async () => {
    expect(await azcred(servicePrincipalLogin('--name', 'pipeline'), secretServicePrincipal.secret)).toMatchObject({ code: 0 });
    const run = await azcred(['token', 'entra', '--scope', armScope, '--identity', 'build agent', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as { token: string; expiresAt: string; source: { via: { credential: string } } };
    expect(jwtClaims(printed.token)).toMatchObject({ appid: certificateServicePrincipalAppId, aud: 'https://management.azure.com' });
    expect(Date.parse(printed.expiresAt)).toBeGreaterThan(Date.now());
    expect(printed.source.via.credential).toBe('entra');
    expect(await azcred(['token', 'entra', '--scope', armScope, '--identity', 'nobody'])).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('azcred identity list'),
    });
    expect(await azcred(['token', 'entra', '--identity', 'pipeline'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--scope'),
    });
  });

  it('mints an ARR token through the identity that holds the role, and says which role is missing otherwise (exit 6)', async () => {
    // The pipeline principal is a Remote Rendering Client of the East US account only.
    const run = await azcred(['token', 'arr', 'east', '--identity', 'pipeline']);
    expect(run.code, run.stderr).toBe(0);
    expect(jwtClaims(run.stdout.trim())).toMatchObject({ aid: eastUsArr.accountId });
    const refused = await azcred(['token', 'arr', 'west', '--identity', 'pipeline']);
    expect(refused.code).toBe(6);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/role/i);
  });

  it('audits the roles of one identity as JSON, with what it can do on each account', async () => {
    const run = await azcred(['roles', '--identity', 'pipeline', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      identities: { name: string }[];
      resources: { accountId: string; name: string }[];
      cells: { accountId: string; roleNames: string[]; capabilities: { id: string; granted: boolean }[] }[];
    };
    expect(report.identities.map((i) => i.name)).toEqual(['pipeline']);
    const east = report.resources.find((r) => r.name === 'east')?.accountId;
    const cell = report.cells.find((c) => c.accountId === east);
    expect(cell?.roleNames).toEqual(['Remote Rendering Client']);
    expect(cell?.capabilities.filter((c) => c.granted).map((c) => c.id)).toContain('arr.render');
    expect(await azcred(['roles', '--identity', 'nobody'])).toMatchObject({ code: 3 });
  });

  it('fits the roles table to COLUMNS=80: what each identity can and cannot do wraps between whole capabilities, nothing lost', async () => {
    const narrow = await expectFitsEightyColumns(['roles', '--identity', 'pipeline'], home);
    const report = JSON.parse((await azcred(['roles', '--identity', 'pipeline', '--json'])).stdout) as {
      cells: { capabilities: { label: string }[] }[];
    };
    for (const { label } of report.cells.flatMap((c) => c.capabilities))
      expect(
        narrow.some((line) => line.includes(label)),
        label,
      ).toBe(true);
  });

  it('asks for a sign-in (exit 5) when no identity is signed in', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'azcred-no-identity-'));
    try {
      const run = await runAzcred(['token', 'entra', '--scope', armScope], { home: empty });
      expect(run.code).toBe(5);
      expect(run.stderr).toContain('azcred login');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('keeps the client secret and the certificate key out of argv, stderr and every file but the vault', async () => {
    const certificateKey =
      (await readFile(path.join(stateDir, `service-principal-${certificateServicePrincipalAppId}.pem`), 'utf8')).split('-----END')[0] ?? '';
    const tokens = runs.flatMap(({ run }) => run.stdout.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g) ?? []);
    const secrets = [secretServicePrincipal.secret, certificateKey.split('\n').slice(1, 3).join('\n'), ...tokens];
    for (const { args, run } of runs)
      for (const secret of secrets) {
        expect(args.join(' ')).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
    for (const name of (await readdir(home)).filter((n) => !n.startsWith('vault.bin'))) {
      const text = await readFile(path.join(home, name), 'utf8').catch(() => '');
      for (const secret of secrets) expect(text, name).not.toContain(secret);
    }
  });
});
