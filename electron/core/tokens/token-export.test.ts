import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract.ts';
import { readDotenv } from '../../../shared/account-files-dotenv.ts';
import type { Core } from '../core.ts';
import { foldersForThisFile } from '../test-support/folder-per-test.ts';
import { recordingClipboard } from '../test-support/recording-clipboard.ts';
import { coreApi, coreValues, rawCall } from '../test-support/test-core.ts';
import {
  addEmulatorAccounts,
  addRenderPipeline,
  emulatorAndCoreForThisFile,
  recordingRetry,
  tokensCore,
  westeuropeAccountId,
  type EmulatorAccounts,
} from './test-support/tokens-fixtures.ts';

const run = promisify(execFile);
const shared = emulatorAndCoreForThisFile('azcred-token-export-', recordingRetry());
const newOutFolder = foldersForThisFile('azcred-token-export-out-');
let accounts: EmulatorAccounts;
let out: string;

beforeAll(async () => {
  out = newOutFolder();
  accounts = await addEmulatorAccounts(shared.core, shared.emulator);
});

const exported = (input: MethodInput<'tokens.export'>) => coreValues(shared.core).tokens.export(input);
const reveal = async (id: string) => (await coreValues(shared.core).tokens.reveal({ id })).value;
const mintArr = (via: 'primaryKey' | 'secondaryKey' = 'primaryKey') =>
  coreValues(shared.core).tokens.mintArr({ accountId: accounts.westeurope.id, via });
const mintAcs = (scopes: MethodInput<'tokens.mintAcs'>['scopes']) =>
  coreValues(shared.core).tokens.mintAcs({
    accountId: accounts.chat.id,
    newIdentity: { label: 'export test' },
    scopes,
    minutes: 60,
  });

/** Runs an exported curl command in sh, trusting the shared.emulator's CA; returns the body and the HTTP status. */
async function curl(text: string): Promise<{ body: string; status: number }> {
  const { stdout } = await run('sh', ['-c', `${text.trimEnd()} -w '\\n%{http_code}'`], {
    env: { PATH: process.env['PATH'] ?? '', CURL_CA_BUNDLE: shared.emulator.caFile },
  });
  const lines = stdout.trimEnd().split('\n');
  return { status: Number(lines.pop()), body: lines.join('\n') };
}

describe('token export', () => {
  it('writes an ARR token as a .env file only the user can read, and replaces it only when asked', async () => {
    const token = await mintArr();
    const file = path.join(out, 'arr.env');
    expect(await exported({ id: token.id, format: 'env', path: file })).toMatchObject({ path: file, text: null });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const read = Object.fromEntries(readDotenv(readFileSync(file, 'utf8')).variables.map((v) => [v.name, v.value]));
    expect(read).toEqual({
      ARR_ACCOUNT_ID: westeuropeAccountId,
      ARR_ACCOUNT_DOMAIN: 'westeurope.mixedreality.azure.com',
      ARR_SERVICE_ENDPOINT: shared.emulator.urls.arr,
      ARR_ACCESS_TOKEN: await reveal(token.id),
      ARR_ACCESS_TOKEN_EXPIRES_ON: token.expiresAt,
    });

    expect(await coreApi(shared.core).tokens.export({ id: token.id, format: 'env', path: file })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already exists') },
    });
    const newer = await mintArr('secondaryKey');
    await exported({ id: newer.id, format: 'env', path: file, overwrite: true });
    expect(readFileSync(file, 'utf8')).toContain(await reveal(newer.id));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to write through a symbolic link or to a relative path', async () => {
    const token = await mintArr();
    const target = path.join(out, 'elsewhere.txt');
    writeFileSync(target, 'keep me');
    symlinkSync(target, path.join(out, 'link.env'));
    expect(
      await coreApi(shared.core).tokens.export({ id: token.id, format: 'env', path: path.join(out, 'link.env'), overwrite: true }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('symbolic link') } });
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(await coreApi(shared.core).tokens.export({ id: token.id, format: 'env', path: 'token.env' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'path' }] },
    });
  });

  it('returns the text for copying in every format, each with the same token', async () => {
    const token = await mintArr();
    const secret = await reveal(token.id);
    for (const format of ['env', 'shell', 'powershell', 'json', 'curl'] as const) {
      const result = await exported({ id: token.id, format });
      expect(result.path).toBeNull();
      expect(result.text).toContain(secret);
    }
    const json = JSON.parse((await exported({ id: token.id, format: 'json' })).text ?? '') as Record<string, unknown>;
    expect(json).toMatchObject({ kind: 'arr-sts', accountId: westeuropeAccountId, accessToken: secret, expiresOn: token.expiresAt });
    expect((await exported({ id: token.id, format: 'shell' })).text).toContain(`export ARR_ACCESS_TOKEN='${secret}'`);
    expect((await exported({ id: token.id, format: 'powershell' })).text).toContain(`$env:ARR_ACCESS_TOKEN = '${secret}'`);
  });

  it('writes a PowerShell file with a BOM, so Windows PowerShell 5.1 reads it as UTF-8', async () => {
    const token = await mintArr();
    const file = path.join(out, 'token.ps1');
    await exported({ id: token.id, format: 'powershell', path: file });
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('exports a curl command that lists the ARR sessions with the token', async () => {
    const token = await mintArr();
    const result = await exported({ id: token.id, format: 'curl' });
    expect(result.text).toContain(`${shared.emulator.urls.arr}/accounts/${westeuropeAccountId}/sessions?api-version=`);
    const answer = await curl(result.text ?? '');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty('sessions');
  });

  it('exports an ACS user token with its endpoint and user, and a curl command that reads chat threads', async () => {
    const { token } = await mintAcs(['chat', 'voip']);
    const env = Object.fromEntries(
      readDotenv((await exported({ id: token.id, format: 'env' })).text ?? '').variables.map((v) => [v.name, v.value]),
    );
    expect(env).toMatchObject({
      ACS_ENDPOINT: `${shared.emulator.urls.acs['contoso-acs-chat'] ?? ''}/`,
      ACS_USER_ID: expect.stringMatching(/^8:acs:/),
      ACS_USER_TOKEN: await reveal(token.id),
      ACS_USER_TOKEN_SCOPES: 'chat,voip',
    });
    const result = await exported({ id: token.id, format: 'curl' });
    expect(result.note).toBeNull();
    expect((await curl(result.text ?? '')).status).toBe(200);

    const { token: voip } = await mintAcs(['voip']);
    expect((await exported({ id: voip.id, format: 'curl' })).note).toContain('no chat scope');
  });

  it('exports an Entra token for ARM with a curl command that lists subscriptions', async () => {
    const identity = await addRenderPipeline(shared.core);
    const token = await coreValues(shared.core).tokens.mintEntra({
      identityId: identity.id,
      scope: 'https://management.azure.com/.default',
    });
    const env = (await exported({ id: token.id, format: 'env' })).text ?? '';
    expect(env).toContain(`AZURE_ACCESS_TOKEN=${await reveal(token.id)}`);
    expect(env).toContain('AZURE_ACCESS_TOKEN_AUDIENCE=https://management.azure.com');
    const result = await exported({ id: token.id, format: 'curl' });
    expect(result.text).toContain(`${shared.emulator.urls.arm}/subscriptions?api-version=`);
    expect((await curl(result.text ?? '')).status).toBe(200);
  });

  it('writes arrconfig.json with the key only when asked, the key the token came from', async () => {
    const token = await mintArr('secondaryKey');
    const without = await exported({ id: token.id, format: 'arrconfig' });
    const config = JSON.parse(without.text ?? '') as { accountSettings: Record<string, string> };
    expect(config.accountSettings).toMatchObject({
      arrAccountId: westeuropeAccountId,
      arrAccountDomain: 'westeurope.mixedreality.azure.com',
      arrAccountKey: '<fill in the account key from the Azure Portal>',
    });
    expect(without.note).toContain('no field for an access token');
    expect(without.text).not.toContain(await reveal(token.id));

    const file = path.join(out, 'arrconfig.json');
    const withKey = await exported({ id: token.id, format: 'arrconfig', includeAccountKey: true, path: file });
    expect(withKey.note).toContain('now holds');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secondary = shared.emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === westeuropeAccountId)?.secondaryKey;
    expect((JSON.parse(readFileSync(file, 'utf8')) as typeof config).accountSettings['arrAccountKey']).toBe(secondary);
  });

  it('refuses arrconfig.json for a token that is not for an ARR account', async () => {
    const { token } = await mintAcs(['chat']);
    expect(await coreApi(shared.core).tokens.export({ id: token.id, format: 'arrconfig', includeAccountKey: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('arrconfig.json is for ARR accounts') },
    });
  });

  it('copies the text in the shared.core when the front door has a clipboard, and clears it later', async () => {
    const clipboard = recordingClipboard();
    const second = tokensCore(mkdtempSync(path.join(out, 'copy-')), { clipboard });
    const secondAccounts = await addEmulatorAccounts(second, shared.emulator);
    const token = await coreValues(second).tokens.mintArr({ accountId: secondAccounts.westeurope.id, via: 'primaryKey' });
    const result = await coreValues(second).tokens.export({ id: token.id, format: 'shell', copy: true });
    expect(result).toMatchObject({ text: null, path: null, clearsAfterSeconds: 30 });
    expect(clipboard.text).toContain(`export ARR_ACCESS_TOKEN='${(await coreValues(second).tokens.reveal({ id: token.id })).value}'`);
    await second.close();
    expect(clipboard.text).toBe('');

    const browserToken = await mintArr();
    expect(await coreApi(shared.core).tokens.export({ id: browserToken.id, format: 'env', copy: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('no clipboard') },
    });
    expect(
      await coreApi(shared.core).tokens.export({ id: browserToken.id, format: 'env', copy: true, path: path.join(out, 'both.env') }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: 'copy' }] } });
  });

  it('refuses an unknown token and an unknown format', async () => {
    expect(await coreApi(shared.core).tokens.export({ id: '00000000-0000-4000-8000-000000000000', format: 'env' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const token = await mintArr();
    expect(await rawCall(shared.core, 'tokens.export', { id: token.id, format: 'yaml' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'format' }] },
    });
  });
});

/** A JWT with the claims given and a dummy signature: the export reads claims, it never checks signatures. */
function fixedJwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

describe('each export format for a fixed token', () => {
  const issuedAt = new Date('2030-01-02T03:04:05.000Z');
  const day = new Date('2030-01-03T03:04:05.000Z');
  const hour = new Date('2030-01-02T04:04:05.000Z');
  const seconds = (d: Date) => d.getTime() / 1000;
  const text = async (id: string, format: MethodInput<'tokens.export'>['format']) => (await exported({ id, format })).text ?? '';
  const add = (token: Parameters<Core['tokens']['registry']['add']>[0]) =>
    shared.core.tokens.registry.add(token, { keep: false, autoRefresh: false });

  it('writes an ARR access token exactly in all six formats', async () => {
    const jwt = fixedJwt({ aid: westeuropeAccountId, apr: 'westeurope', iat: seconds(issuedAt), exp: seconds(day) });
    const { id } = await add({
      kind: 'arr-sts',
      title: 'ARR access token · contoso-arr-westeurope (primary key)',
      source: { account: { id: accounts.westeurope.id, name: 'contoso-arr-westeurope', kind: 'arr' }, via: { credential: 'primaryKey' } },
      recipe: null,
      minted: { value: jwt, issuedAt, expiresAt: day, audience: 'https://remoterendering.westeurope.mixedreality.azure.com/', scopes: [] },
    });
    const heading = '# ARR access token · contoso-arr-westeurope (primary key), expires 2030-01-03T03:04:05.000Z\n';
    const arr = shared.emulator.urls.arr;
    expect(await text(id, 'env')).toBe(
      `${heading}ARR_ACCOUNT_ID=${westeuropeAccountId}\nARR_ACCOUNT_DOMAIN=westeurope.mixedreality.azure.com\nARR_SERVICE_ENDPOINT=${arr}\nARR_ACCESS_TOKEN=${jwt}\nARR_ACCESS_TOKEN_EXPIRES_ON=2030-01-03T03:04:05.000Z\n`,
    );
    expect(await text(id, 'shell')).toBe(
      `${heading}export ARR_ACCOUNT_ID='${westeuropeAccountId}'\nexport ` +
        `ARR_ACCOUNT_DOMAIN='westeurope.mixedreality.azure.com'\nexport ARR_SERVICE_ENDPOINT='${arr}'\nexport ` +
        `ARR_ACCESS_TOKEN='${jwt}'\nexport ARR_ACCESS_TOKEN_EXPIRES_ON='2030-01-03T03:04:05.000Z'\n`,
    );
    expect(await text(id, 'powershell')).toBe(
      `${heading}# These variables last for this PowerShell session only: dot-source the file (. ./token.ps1) to set them here.\n` +
        `$env:ARR_ACCOUNT_ID = '${westeuropeAccountId}'\n$env:ARR_ACCOUNT_DOMAIN = ` +
        `'westeurope.mixedreality.azure.com'\n$env:ARR_SERVICE_ENDPOINT = '${arr}'\n$env:ARR_ACCESS_TOKEN = ` +
        `'${jwt}'\n$env:ARR_ACCESS_TOKEN_EXPIRES_ON = '2030-01-03T03:04:05.000Z'\n`,
    );
    expect(await text(id, 'json')).toBe(
      `{\n  "kind": "arr-sts",\n  "title": "ARR access token · contoso-arr-westeurope (primary key)",\n  "issuedOn": ` +
        `"2030-01-02T03:04:05.000Z",\n  "expiresOn": "2030-01-03T03:04:05.000Z",\n` +
        `  "audience": "https://remoterendering.westeurope.mixedreality.azure.com/",\n  "scopes": [],\n  "accountId": ` +
        `"${westeuropeAccountId}",\n  "accountDomain": "westeurope.mixedreality.azure.com",\n` +
        `  "serviceEndpoint": "${arr}",\n  "accessToken": "${jwt}"\n}\n`,
    );
    expect(await text(id, 'curl')).toBe(
      `# Lists the rendering sessions of contoso-arr-westeurope with its ARR access token.\ncurl -sS -X GET ` +
        `'${arr}/accounts/${westeuropeAccountId}/sessions?api-version=2021-01-01' \\\n  -H 'Authorization: Bearer ${jwt}'\n`,
    );
    expect(await text(id, 'arrconfig')).toBe(
      [
        '{',
        '  "accountSettings": {',
        `    "arrAccountId": "${westeuropeAccountId}",`,
        '    "arrAccountKey": "<fill in the account key from the Azure Portal>",',
        '    "arrAccountDomain": "westeurope.mixedreality.azure.com",',
        '    "region": "westeurope"',
        '  },',
        '  "renderingSessionSettings": {',
        '    "remoteRenderingDomain": "westeurope.mixedreality.azure.com",',
        '    "vmSize": "<standard or premium>",',
        '    "maxLeaseTime": "<hh:mm:ss>"',
        '  },',
        '  "assetConversionSettings": {',
        '    "resourceGroup": "<resource group which contains the storage account you created, only needed when uploading or ' +
          'generating SAS>",',
        '    "storageAccountName": "<name of the storage account you created>",',
        '    "blobInputContainerName": "<input container inside the storage container>",',
        '    "blobOutputContainerName": "<output container inside the storage container>",',
        '    "localAssetDirectoryPath": "<fill in a path to a local directory containing your asset (and files referenced from ' +
          'it like textures)>",',
        '    "inputFolderPath": "<optional: base folderpath in the input container for asset upload. uses / as dir separator>",',
        '    "inputAssetPath": "<the path to the asset under inputcontainer/inputfolderpath pointing to the input asset e.g. box.fbx>",',
        '    "outputFolderPath": "<optional: base folderpath in the output container - the converted asset and log files will ' +
          'be placed here>",',
        '    "outputAssetFileName": "<optional: filename for the converted asset, this will be placed in the output container ' +
          'under the outputpath>"',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes an ACS user token exactly as .env, JSON and curl', async () => {
    const jwt = fixedJwt({ skypeid: 'acs:fixed-user', scp: 1792, iat: seconds(issuedAt), exp: seconds(hour) });
    const user = '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_fixed-user';
    const { id } = await add({
      kind: 'acs-user',
      title: 'ACS user token · contoso-acs-chat · Alice (access key)',
      source: {
        account: { id: accounts.chat.id, name: 'contoso-acs-chat', kind: 'acs' },
        via: { credential: 'accessKey' },
        subject: { kind: 'acs-identity', acsIdentityId: '00000000-0000-4000-8000-00000000a11c', communicationUserId: user, label: 'Alice' },
      },
      recipe: null,
      minted: { value: jwt, issuedAt, expiresAt: hour, audience: null, scopes: ['chat', 'voip'] },
    });
    const endpoint = `${shared.emulator.urls.acs['contoso-acs-chat'] ?? ''}/`;
    expect(await text(id, 'env')).toBe(
      `# ACS user token · contoso-acs-chat · Alice (access key), expires ` +
        `2030-01-02T04:04:05.000Z\nACS_ENDPOINT=${endpoint}\nACS_USER_ID=${user}\nACS_USER_TOKEN=${jwt}\nACS_USER_TOKEN_SCOPES=chat,voip\nACS_USER_TOKEN_EXPIRES_ON=2030-01-02T04:04:05.000Z\n`,
    );
    expect(await text(id, 'json')).toBe(
      `{\n  "kind": "acs-user",\n  "title": "ACS user token · contoso-acs-chat · Alice (access key)",\n  "issuedOn": ` +
        `"2030-01-02T03:04:05.000Z",\n  "expiresOn": "2030-01-02T04:04:05.000Z",\n` +
        `  "audience": null,\n  "scopes": [\n    "chat",\n    "voip"\n  ],\n  "endpoint": "${endpoint}",\n  ` +
        `"communicationUserId": "${user}",\n  "token": "${jwt}"\n}\n`,
    );
    expect(await text(id, 'curl')).toBe(
      `# Lists the chat threads of the ACS user on contoso-acs-chat.\ncurl -sS -X GET ` +
        `'${endpoint}chat/threads?api-version=2021-09-07' \\\n  -H 'Authorization: Bearer ${jwt}'\n`,
    );
  });

  it('writes an Entra token exactly as .env, JSON and curl', async () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const jwt = fixedJwt({ aud: 'https://management.azure.com', tid: tenant, iat: seconds(issuedAt), exp: seconds(hour) });
    // An identity the app no longer holds: the export falls back to the public cloud's endpoints.
    const { id } = await add({
      kind: 'entra',
      title: 'Entra token · render-pipeline for ARM',
      source: { via: { credential: 'entra', identityId: '00000000-0000-4000-8000-0000000e0a1d', identityName: 'render-pipeline' } },
      recipe: null,
      minted: {
        value: jwt,
        issuedAt,
        expiresAt: hour,
        audience: 'https://management.azure.com',
        scopes: ['https://management.azure.com/.default'],
      },
    });
    expect(await text(id, 'env')).toBe(
      `# Entra token · render-pipeline for ARM, expires ` +
        `2030-01-02T04:04:05.000Z\nAZURE_TENANT_ID=${tenant}\nAZURE_ACCESS_TOKEN=${jwt}\nAZURE_ACCESS_TOKEN_AUDIENCE=https://management.azure.com\nAZURE_ACCESS_TOKEN_EXPIRES_ON=2030-01-02T04:04:05.000Z\n`,
    );
    expect(await text(id, 'json')).toBe(
      `{\n  "kind": "entra",\n  "title": "Entra token · render-pipeline for ARM",\n  "issuedOn": "2030-01-02T03:04:05.000Z",\n  ` +
        `"expiresOn": "2030-01-02T04:04:05.000Z",\n` +
        `  "audience": "https://management.azure.com",\n  "scopes": [\n    "https://management.azure.com/.default"\n  ],\n  ` +
        `"tenantId": "${tenant}",\n  "accessToken": "${jwt}"\n}\n`,
    );
    expect(await text(id, 'curl')).toBe(
      `# Lists the subscriptions the identity can see, through Azure Resource Manager.\ncurl -sS -X GET ` +
        `'https://management.azure.com/subscriptions?api-version=2022-12-01' \\\n  -H 'Authorization: Bearer ${jwt}'\n`,
    );
  });
});
