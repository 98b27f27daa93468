import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { closeEmulatorDataFolder, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { azcredIn, type AzcredRun, keyringSession } from './test-support/run-azcred.ts';

const curlPresent = existsSync('/usr/bin/curl');
let emulator: RunningEmulator;
let home: string;
let identitiesUrl: string;
const azcred = azcredIn(() => home);
const keptTokens = () => readFile(path.join(home, 'tokens.json'), 'utf8').catch(() => '');

/** Runs a printed curl command in bash, as a user pastes it, trusting the emulator's CA; resolves to the HTTP status and the body. */
async function runCurl(command: string): Promise<{ status: number; body: string }> {
  const { stdout } = await promisify(execFile)('bash', ['-c', `${command} -sS -w '\\n%{http_code}'`], {
    env: { ...process.env, CURL_CA_BUNDLE: emulator.caFile },
  });
  const lines = stdout.split('\n');
  return { status: Number(lines.pop()), body: lines.join('\n') };
}

/** Exit 2 with one line on stderr that says `says`, and nothing on stdout. */
function expectUsageError(run: AzcredRun, says: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(says);
}

describe.runIf(keyringSession)('azcred with an ACS resource', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-acs-'));
    expect(
      await azcred(['account', 'add', 'acs', 'chat', '--cloud', 'AzureEmulator'], emulator.acsConnectionString('contoso-acs-chat')),
    ).toMatchObject({ code: 0 });
    identitiesUrl = `${(emulator.urls.acs['contoso-acs-chat'] ?? '').replace(/\/$/, '')}/identities?api-version=2023-10-01`;
  }, 60_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it.runIf(curlPresent)(
    'signs a request with a JSON body from a file that ACS accepts when run with curl, and refuses once the body is changed (401)',
    async () => {
      const bodyFile = path.join(home, 'create-identity.json');
      await writeFile(bodyFile, '{"createTokenWithScopes":["chat"]}');
      const signed = await azcred(['sign', 'acs', 'chat', '--method', 'POST', '--url', identitiesUrl, '--body', bodyFile]);
      expect(signed.code, signed.stderr).toBe(0);
      const accepted = await runCurl(signed.stdout.trim());
      expect(accepted.status, accepted.body).toBe(201);
      expect(JSON.parse(accepted.body)).toMatchObject({
        identity: { id: expect.stringMatching(/^8:acs:/) },
        accessToken: { token: expect.any(String) },
      });
      // The same signature over another body: the content hash no longer matches.
      const tampered = signed.stdout.trim().replace('["chat"]', '["voip"]');
      expect(tampered).not.toBe(signed.stdout.trim());
      expect((await runCurl(tampered)).status).toBe(401);
      // The headers alone, with curl sending the file's own bytes: the content hash is the file's.
      const headers = await azcred([
        'sign',
        'acs',
        'chat',
        '--method',
        'POST',
        '--url',
        identitiesUrl,
        '--body',
        bodyFile,
        '--format',
        'headers',
      ]);
      const sent = headers.stdout
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('host:'))
        .map((line) => `-H '${line}'`);
      expect(
        await runCurl(`curl -X POST '${identitiesUrl}' ${sent.join(' ')} -H 'Content-Type: application/json' --data-binary @'${bodyFile}'`),
      ).toMatchObject({ status: 201 });
    },
  );

  it.runIf(curlPresent)("prints headers for a request without a body that ACS accepts (revoking an identity's tokens, 204)", async () => {
    const created = JSON.parse(
      (
        await runCurl(
          (await azcred(['sign', 'acs', 'chat', '--method', 'POST', '--url', identitiesUrl, '--body', '-'], '{}')).stdout.trim(),
        )
      ).body,
    ) as { identity: { id: string } };
    const url = identitiesUrl.replace('/identities?', `/identities/${encodeURIComponent(created.identity.id)}/:revokeAccessTokens?`);
    const headers = await azcred(['sign', 'acs', 'chat', '--method', 'POST', '--url', url, '--format', 'headers']);
    expect(headers.code, headers.stderr).toBe(0);
    const lines = headers.stdout.trim().split('\n');
    expect(lines.map((line) => line.split(':')[0])).toEqual(['x-ms-date', 'x-ms-content-sha256', 'Authorization', 'host']);
    // curl sends the host from the URL, as signed; the other three go as they were printed.
    const sent = lines.filter((line) => !line.startsWith('host:')).map((line) => `-H '${line}'`);
    expect(await runCurl(`curl -X POST '${url}' ${sent.join(' ')}`)).toMatchObject({ status: 204 });
  });

  it('refuses a URL off the resource, an unknown method and a missing body file: one line each, exit 2', async () => {
    expectUsageError(
      await azcred(['sign', 'acs', 'chat', '--method', 'GET', '--url', 'https://elsewhere.example/identities']),
      /resource's endpoint/,
    );
    expectUsageError(await azcred(['sign', 'acs', 'chat', '--method', 'FETCH', '--url', identitiesUrl]), /GET, POST, PUT, PATCH or DELETE/);
    expectUsageError(
      await azcred(['sign', 'acs', 'chat', '--method', 'POST', '--url', identitiesUrl, '--body', path.join(home, 'missing.json')]),
      /Cannot read the body file .*missing\.json/,
    );
  });

  it('refuses --user together with --new-user as a usage error that says to choose one, minting nothing', async () => {
    const before = await keptTokens();
    const run = await azcred(['token', 'acs', 'chat', '--scopes', 'chat', '--user', 'bot', '--new-user', 'bot 2']);
    expectUsageError(run, /Choose one of --user .* and --new-user/);
    expect(await keptTokens()).toBe(before);
  });

  it('creates a new ACS identity with --new-user alone, before another option or last, labelled with azcred and the time', async () => {
    for (const args of [
      ['--new-user', '--minutes', '60'],
      ['--minutes', '60', '--new-user'],
    ]) {
      const run = await azcred(['token', 'acs', 'chat', '--scopes', 'chat,voip', ...args, '--json']);
      expect(run.code, run.stderr).toBe(0);
      const minted = JSON.parse(run.stdout) as { userId: string; acsIdentity: { label: string }; expiresAt: string };
      expect(minted.userId).toMatch(/^8:acs:/);
      expect(minted.acsIdentity.label).toMatch(/^azcred \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
      expect(Date.parse(minted.expiresAt)).toBeLessThan(Date.now() + 61 * 60_000);
    }
  });

  it('labels a new ACS identity from --new-user=LABEL or --new-user --label LABEL, and --user finds it by that label', async () => {
    const labelled = async (...args: string[]) => {
      const run = await azcred(['token', 'acs', 'chat', '--scopes', 'chat', ...args, '--json']);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { token: string; userId: string; acsIdentity: { label: string } };
    };
    const equals = await labelled('--new-user=tester one', '--minutes', '60');
    expect(equals.acsIdentity.label).toBe('tester one');
    const separate = await labelled('--new-user', '--label', 'tester two');
    expect(separate.acsIdentity.label).toBe('tester two');
    expect(separate.userId).not.toBe(equals.userId);
    expect((await azcred(['token', 'acs', 'chat', '--scopes', 'chat', '--user', 'Tester Two'])).stdout.trim()).toBe(separate.token);
  });

  it(
    'refuses --label without --new-user, a label given twice, and --user with a bare --new-user: exit 2, one line, minting ' + 'nothing',
    async () => {
      const before = await keptTokens();
      expectUsageError(
        await azcred(['token', 'acs', 'chat', '--scopes', 'chat', '--label', 'lost']),
        /--label names a new ACS identity: give it with --new-user/,
      );
      expectUsageError(
        await azcred(['token', 'acs', 'chat', '--scopes', 'chat', '--new-user=one', '--label', 'two']),
        /label once: --new-user=LABEL or --new-user --label LABEL/,
      );
      expectUsageError(
        await azcred(['token', 'acs', 'chat', '--scopes', 'chat', '--user', 'bot', '--new-user']),
        /Choose one of --user .* and --new-user/,
      );
      expectUsageError(
        await azcred(['token', 'acs', 'chat', 'extra', '--scopes', 'chat', '--new-user', '--minutes', '60']),
        /too many arguments for token acs/,
      );
      expect(await keptTokens()).toBe(before);
    },
  );
});
