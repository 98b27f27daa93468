import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario, jwtClaims, scenarioUser, secretServicePrincipal } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { printCachedToken } from './cached-token.ts';
import { arrPrimaryKey, closeEmulatorDataFolder, deviceCodeLogin, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { addEmulatorArr, servicePrincipalLogin, westEuropeArr } from './test-support/azcred-arguments.ts';
import { azcredIn, type AzcredRun, keyringSession } from './test-support/run-azcred.ts';
import { expectFitsEightyColumns } from './test-support/table-width.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const { accountId } = westEuropeArr;
let emulator: RunningEmulator;
let home: string;
let primaryKey: string;
const runs: (AzcredRun & { args: readonly string[] })[] = [];
const azcredHere = azcredIn(() => home);
const azcred = async (args: string[], stdin?: string) => {
  const run = await azcredHere(args, stdin);
  runs.push({ ...run, args });
  return run;
};
/** Sets the expiry of every kept STS token in tokens.json, as if they had been minted earlier. */
async function stsTokensExpireIn(ms: number): Promise<void> {
  const file = path.join(home, 'tokens.json');
  const kept = JSON.parse(await readFile(file, 'utf8')) as { tokens: { kind: string; expiresAt: string }[] };
  for (const token of kept.tokens) if (token.kind === 'arr-sts') token.expiresAt = new Date(Date.now() + ms).toISOString();
  await writeFile(file, JSON.stringify(kept));
}

describe.runIf(keyringSession)('azcred token commands against the emulator', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-tokens-', { scenario: defaultScenario({ deviceCodeIntervalSeconds: 1 }) }));
    primaryKey = arrPrimaryKey(emulator, westEuropeArr);
    expect(await azcred(addEmulatorArr('contoso', westEuropeArr), primaryKey)).toMatchObject({ code: 0 });
    expect(
      await azcred(['account', 'add', 'acs', 'chat', '--cloud', 'AzureEmulator'], emulator.acsConnectionString('contoso-acs-chat')),
    ).toMatchObject({ code: 0 });
  }, 60_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('prints an ARR token alone, reuses it while it has five minutes left, and mints anew with --fresh', async () => {
    const first = await azcred(['token', 'arr', 'contoso']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const token = first.stdout.trim();
    expect(jwtClaims(token)).toMatchObject({ aid: accountId });
    expect((await azcred(['token', 'arr', 'contoso'])).stdout.trim()).toBe(token);
    const fresh = (await azcred(['token', 'arr', 'contoso', '--fresh'])).stdout.trim();
    expect(fresh).not.toBe(token);
    const json = JSON.parse((await azcred(['token', 'arr', 'contoso', '--json'])).stdout) as {
      token: string;
      expiresAt: string;
      source: { via: { credential: string } };
    };
    expect(json.token).toBe(fresh);
    expect(Date.parse(json.expiresAt)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(json.source.via.credential).toBe('primaryKey');
  });

  it('prints a cached ARR token on the quick path, the one the full CLI reuses, and leaves the rest to the full CLI', async () => {
    const quick = async (...args: string[]) => {
      const printed: string[] = [];
      return { served: await printCachedToken(['token', 'arr', ...args], (text) => printed.push(text), { AZCRED_HOME: home }), printed };
    };
    const fresh = (await azcred(['token', 'arr', 'contoso', '--fresh'])).stdout.trim();
    // Several kept tokens of the account now: both paths pick the newest, by the name as typed in any case.
    expect(await quick(' Contoso ')).toEqual({ served: true, printed: [fresh] });
    expect((await azcred(['token', 'arr', 'contoso'])).stdout.trim()).toBe(fresh);
    // No kept token paid for by the secondary key, and an unknown name: the full CLI's business.
    expect(await quick('contoso', '--key', 'secondary')).toEqual({ served: false, printed: [] });
    expect(await quick('nobody')).toEqual({ served: false, printed: [] });
  });

  it.runIf(existsSync(path.join(repo, 'dist', 'cli', 'azcred.cjs')))(
    'serves a cached token from the bundle without loading the full CLI (MSAL, the Azure SDKs)',
    async () => {
      // A copy of the installed layout whose full CLI is missing: only the quick path can answer.
      const copy = await mkdtemp(path.join(os.tmpdir(), 'azcred-quick-only-'));
      try {
        await mkdir(path.join(copy, 'bin'));
        await mkdir(path.join(copy, 'dist', 'cli'), { recursive: true });
        for (const file of ['bin/azcred.js', 'bin/node-version.cjs', 'bin/package.json', 'dist/cli/azcred.cjs', 'package.json'])
          await copyFile(path.join(repo, file), path.join(copy, file));
        await symlink(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'));
        const quickOnly = (...args: string[]) =>
          execFileSync(process.execPath, [path.join(copy, 'bin', 'azcred.js'), 'token', 'arr', ...args], {
            env: { ...process.env, AZCRED_HOME: home },
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          });
        const cached = (await azcred(['token', 'arr', 'contoso'])).stdout;
        expect(quickOnly('contoso')).toBe(cached);
        // --fresh needs the full CLI, which this copy lacks: the check above would fail had the quick path loaded it.
        expect(() => quickOnly('contoso', '--fresh')).toThrow();
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    },
  );

  it('reuses a kept ARR token only while it has more than five minutes left, on the quick path and the full one', async () => {
    const kept = (await azcred(['token', 'arr', 'contoso', '--fresh'])).stdout.trim();
    const quick = async () => {
      const printed: string[] = [];
      return (await printCachedToken(['token', 'arr', 'contoso'], (text) => printed.push(text), { AZCRED_HOME: home })) ? printed : [];
    };
    await stsTokensExpireIn(6 * 60_000);
    expect(await quick()).toEqual([kept]);
    expect((await azcred(['token', 'arr', 'contoso'])).stdout.trim()).toBe(kept);
    await stsTokensExpireIn(4 * 60_000);
    expect(await quick()).toEqual([]);
    const next = (await azcred(['token', 'arr', 'contoso'])).stdout.trim();
    expect(jwtClaims(next)).toMatchObject({ aid: accountId });
    expect(next).not.toBe(kept);
  });

  it('mints an ACS user token for a new identity, then reuses it for that identity; a bad lifetime is a usage error', async () => {
    const minted = JSON.parse(
      (await azcred(['token', 'acs', 'chat', '--scopes', 'chat,voip', '--new-user', 'bot', '--minutes', '60', '--json'])).stdout,
    ) as { token: string; userId: string };
    expect(minted.userId).toMatch(/^8:acs:/);
    expect((await azcred(['token', 'acs', 'chat', '--scopes', 'voip,chat', '--user', 'bot'])).stdout.trim()).toBe(minted.token);
    const bad = await azcred(['token', 'acs', 'chat', '--scopes', 'chat', '--new-user', 'x', '--minutes', '59']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/60/);
  });

  it('signs in a service principal with its secret from stdin and prints an Entra token for a scope', async () => {
    const login = await azcred(servicePrincipalLogin(), secretServicePrincipal.secret);
    expect(login.code).toBe(0);
    const token = (await azcred(['token', 'entra', '--scope', 'https://management.azure.com/.default'])).stdout.trim();
    expect(jwtClaims(token)).toMatchObject({ appid: secretServicePrincipal.appId, aud: 'https://management.azure.com' });
  });

  it('passes credentials to a child process through its environment only', async () => {
    const script =
      'const e = process.env; console.log(JSON.stringify({ id: e.ARR_ACCOUNT_ID, domain: e.ARR_ACCOUNT_DOMAIN, token: ' +
      'e.ARR_ACCESS_TOKEN, key: e.ARR_ACCOUNT_KEY ?? null, argv: process.argv }))';
    // --no-masking: the test reads the token back; by default azcred masks it in the child's output (cli-run-references.test.ts).
    const run = await azcred(['run', '--account', 'contoso', '--no-masking', '--', process.execPath, '-e', script]);
    expect(run.code).toBe(0);
    const seen = JSON.parse(run.stdout) as { id: string; domain: string; token: string; key: string | null; argv: string[] };
    expect(seen).toMatchObject({ id: accountId, domain: 'westeurope.mixedreality.azure.com', key: null });
    expect(jwtClaims(seen.token)['aid']).toBe(accountId);
    expect(seen.argv.join(' ')).not.toContain(seen.token);
    expect((await azcred(['run', '--account', 'contoso', '--', process.execPath, '-e', 'process.exit(7)'])).code).toBe(7);
  });

  it('exports shell lines that give back the exact values, and the key only with --reveal', async () => {
    const plain = await azcred(['export', 'contoso', '--format', 'shell']);
    expect(plain.stdout).not.toContain(primaryKey);
    const revealed = (await azcred(['export', 'contoso', '--format', 'shell', '--reveal'])).stdout;
    const echoed = execFileSync('bash', ['-c', `${revealed}\nprintf '%s|%s' "$ARR_ACCOUNT_ID" "$ARR_ACCOUNT_KEY"`], { encoding: 'utf8' });
    expect(echoed).toBe(`${accountId}|${primaryKey}`);
  });

  it('passes several accounts, each ARR one prefixed with its name, and leaves the calling shell without them', async () => {
    expect(await azcred(addEmulatorArr('contoso 2', westEuropeArr), primaryKey)).toMatchObject({ code: 0 });
    const script = 'console.log(JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => /ARR_|ACS_/.test(k)))))';
    const run = await azcred([
      'run',
      '--account',
      'contoso',
      '--account',
      'contoso 2',
      '--account',
      'chat',
      '--',
      process.execPath,
      '-e',
      script,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout) as Record<string, string>;
    expect(Object.keys(seen).sort()).toEqual([
      'ACS_ENDPOINT',
      'CONTOSO_2_ARR_ACCESS_TOKEN',
      'CONTOSO_2_ARR_ACCOUNT_DOMAIN',
      'CONTOSO_2_ARR_ACCOUNT_ID',
      'CONTOSO_ARR_ACCESS_TOKEN',
      'CONTOSO_ARR_ACCOUNT_DOMAIN',
      'CONTOSO_ARR_ACCOUNT_ID',
    ]);
    expect(seen['ACS_ENDPOINT']?.replace(/\/$/, '')).toBe(emulator.urls.acs['contoso-acs-chat']?.replace(/\/$/, ''));
    // The shell that ran azcred: its environment and what it printed hold no credential.
    const shell = execFileSync(
      'bash',
      [
        '-c',
        `"$0" "$1" run --account contoso -- "$0" -e 'process.stdout.write(process.env.ARR_ACCESS_TOKEN.length > 100 ? "child ` +
          `had it\\n" : "")'; printf 'after:%s' "\${ARR_ACCESS_TOKEN-unset}"`,
        process.execPath,
        path.join(repo, 'bin', 'azcred.js'),
      ],
      { env: { ...process.env, AZCRED_HOME: home }, encoding: 'utf8' },
    );
    expect(shell).toBe('child had it\nafter:unset');
    expect(await azcred(['account', 'remove', 'contoso 2'])).toMatchObject({ code: 0 });
  });

  it('exports an account as .env, JSON and PowerShell lines with the same values', async () => {
    const json = JSON.parse((await azcred(['export', 'contoso', '--format', 'json'])).stdout) as Record<string, string>;
    expect(Object.keys(json).sort()).toEqual(['ARR_ACCESS_TOKEN', 'ARR_ACCOUNT_DOMAIN', 'ARR_ACCOUNT_ID']);
    expect(jwtClaims(json['ARR_ACCESS_TOKEN'] ?? '')).toMatchObject({ aid: accountId });
    const env = (await azcred(['export', 'contoso'])).stdout;
    expect(env).toContain(`ARR_ACCOUNT_ID=${accountId}`);
    expect(env).toContain(`ARR_ACCESS_TOKEN=${json['ARR_ACCESS_TOKEN']}`);
    const powershell = (await azcred(['export', 'contoso', '--format', 'powershell'])).stdout;
    expect(powershell).toContain(`$env:ARR_ACCOUNT_ID = '${accountId}'`);
    expect(powershell).not.toContain(primaryKey);
    expect((await azcred(['export', 'contoso', '--format', 'json', '--reveal'])).stdout).toContain(primaryKey);
  });

  it('says what to do when the key is refused, in one line with exit 6', async () => {
    expect(await azcred(addEmulatorArr('stale', westEuropeArr), 'c3RhbGUta2V5LXRoYXQtd2FzLXJlZ2VuZXJhdGVkIQ==')).toMatchObject({ code: 0 });
    const refused = await azcred(['token', 'arr', 'stale']);
    expect(refused.code).toBe(6);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/key/i);
  });

  it('audits roles as a table and as CSV', async () => {
    const tableRun = await azcred(['roles']);
    expect(tableRun.code, tableRun.stderr).toBe(0);
    expect(tableRun.stdout.split('\n')[0]).toMatch(/^IDENTITY\s+RESOURCE\s+ROLES\s+CAN\s+CANNOT$/);
    expect(tableRun.stdout).toContain('contoso');
    const csv = await azcred(['roles', '--csv', '--resource', 'contoso']);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes('contoso'))).toBe(true);
    expect(await azcred(['roles', '--csv', '--markdown'])).toMatchObject({ code: 2 });
  });

  it('fits the roles table to COLUMNS=80, with why each cell is unreadable said once under it, every word still there', async () => {
    const narrow = await expectFitsEightyColumns(['roles'], home);
    expect(narrow[0]).toMatch(/^IDENTITY\s+RESOURCE\s+ROLES\s+CAN\s+CANNOT$/);
  });

  it('signs a user in with a device code, lists the identity, and signs it out', async () => {
    const alex = scenarioUser(emulator, 'alex.wilber');
    const login = await deviceCodeLogin(emulator, home, alex.userName);
    runs.push({ ...login, args: ['login', '--device-code'] });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain(alex.userName);
    const listed = JSON.parse((await azcred(['identity', 'list', '--json'])).stdout) as { username?: string; kind: string }[];
    expect(listed.map((i) => i.username)).toContain(alex.userName);
    // Alex may regenerate keys (Contributor in the scenario): the secondary key, which this account does not store.
    const rotated = await azcred(['account', 'rotate-key', 'contoso', '--key', 'secondary', '--identity', alex.userName]);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('Regenerated the secondary key of contoso');
    expect(await azcred(['account', 'rotate-key', 'contoso', '--key', 'tertiary'])).toMatchObject({ code: 2 });
    expect(await azcred(['logout', alex.userName])).toMatchObject({ code: 0 });
    expect((await azcred(['identity', 'list'])).stdout).not.toContain(alex.userName);
    expect(await azcred(['logout', alex.userName])).toMatchObject({ code: 3 });
  });

  it('signs an ACS request with the access key as a curl command or headers', async () => {
    const endpoint = emulator.urls.acs['contoso-acs-chat'] ?? '';
    const url = `${endpoint.replace(/\/$/, '')}/identities?api-version=2023-10-01`;
    const curl = await azcred(
      ['sign', 'acs', 'chat', '--method', 'POST', '--url', url, '--body', '-'],
      '{"createTokenWithScopes":["chat"]}',
    );
    expect(curl.code, curl.stderr).toBe(0);
    expect(curl.stdout).toMatch(/^curl /);
    expect(curl.stdout).toContain('HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=');
    const headers = await azcred(['sign', 'acs', 'chat', '--method', 'GET', '--url', url, '--format', 'headers']);
    expect(headers.stdout).toMatch(/^x-ms-date: /m);
    expect(await azcred(['sign', 'acs', 'chat', '--method', 'GET', '--url', 'https://elsewhere.example/identities'])).toMatchObject({
      code: 2,
    });
  });

  it('imports accounts from a .env on stdin, previewing first', async () => {
    const env = `LAB_ARR_ACCOUNT_ID=8a2d6a1f-3c4b-4d5e-9f60-7a8b9c0d1e2f\nLAB_ARR_ACCOUNT_DOMAIN=eastus\nLAB_ARR_ACCOUNT_KEY=${primaryKey}\n`;
    const preview = await azcred(['account', 'import', '-', '--dry-run'], env);
    expect(preview.stdout).toMatch(/lab\s+arr\s+ready/);
    expect(preview.stdout).not.toContain(primaryKey);
    expect((await azcred(['account', 'list'])).stdout).not.toMatch(/^lab /m);
    expect((await azcred(['account', 'import', '-'], env)).stdout).toContain('Imported 1.');
    expect((await azcred(['account', 'list'])).stdout).toMatch(/^lab /m);
  });

  it('never writes a key, secret or token to stderr or to a file outside the vault, nor takes one in argv', async () => {
    const tokens = runs.flatMap((r) => r.stdout.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g) ?? []);
    const secrets = [primaryKey, secretServicePrincipal.secret, ...tokens];
    for (const run of runs)
      for (const secret of secrets) {
        expect(run.stderr).not.toContain(secret);
        expect(run.args.join(' ')).not.toContain(secret);
      }
    for (const name of (await readdir(home)).filter((n) => !n.startsWith('vault.bin'))) {
      const text = await readFile(path.join(home, name), 'utf8').catch(() => '');
      for (const secret of secrets) expect(text, name).not.toContain(secret);
    }
  });
});
