import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretServicePrincipal } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import type { ActivityEntry } from '../../shared/activity.ts';
import { maskText } from './output-masking.ts';
import { addEmulatorArr, eastUsArr, servicePrincipalLogin, westEuropeArr } from './test-support/azcred-arguments.ts';
import { arrPrimaryKey, closeEmulatorDataFolder, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { keyringSession, runAzcred } from './test-support/run-azcred.ts';

let emulator: RunningEmulator;
let home: string;
let envFile: string;

const azcred = (args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) => runAzcred(args, { home, ...options });
/** A Node one-liner for the program azcred runs. */
const node = (script: string) => [process.execPath, '-e', script];
const printVariables = node('process.stdout.write(JSON.stringify(process.env))');

async function accessLog(): Promise<ActivityEntry[]> {
  const text = await readFile(path.join(home, 'access-log.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ActivityEntry);
}

describe.runIf(keyringSession)('azcred run with secret references and masked output', () => {
  let arrKey = '';
  let connectionString = '';
  let accessKey = '';
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-run-references-'));
    arrKey = arrPrimaryKey(emulator, westEuropeArr);
    connectionString = emulator.acsConnectionString('contoso-acs-chat');
    accessKey = /accesskey=([^;]+)/i.exec(connectionString)?.[1] ?? '';
    expect(await azcred(addEmulatorArr('Showroom west', westEuropeArr), { stdin: arrKey })).toMatchObject({ code: 0 });
    expect(await azcred(addEmulatorArr('east', eastUsArr, '--no-key'))).toMatchObject({ code: 0 });
    expect(await azcred(['account', 'add', 'acs', 'chat', '--cloud', 'AzureEmulator'], { stdin: connectionString })).toMatchObject({
      code: 0,
    });
    expect(await azcred(servicePrincipalLogin('--name', 'pipeline'), { stdin: secretServicePrincipal.secret })).toMatchObject({ code: 0 });
    envFile = path.join(home, 'app.env');
    await writeFile(
      envFile,
      [
        '# committed to the repository: references only',
        'ARR_ID=azcred://Showroom%20west/accountId',
        'ARR_KEY=azcred://Showroom%20west/primaryKey',
        'CHAT_CONNECTION=azcred://chat/connectionString',
        'CHAT_KEY="azcred://chat/accessKey"',
        'GREETING=hello',
      ].join('\n'),
    );
  }, 60_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('hands the program the values a .env refers to, and references already in its environment', async () => {
    const run = await azcred(['run', '--env-file', envFile, '--no-masking', '--', ...printVariables], {
      env: { CHAT_ENDPOINT: 'azcred://chat/endpoint' },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ARR_ID: westEuropeArr.accountId,
      ARR_KEY: arrKey,
      CHAT_CONNECTION: connectionString,
      CHAT_KEY: accessKey,
      CHAT_ENDPOINT: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\/?$/),
      GREETING: 'hello',
    });
  });

  it('masks the secrets it passed in what the program prints, and leaves ids and other text alone', async () => {
    const run = await azcred(['run', '--env-file', envFile, '--', ...printVariables]);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, string>;
    expect(printed).toMatchObject({
      ARR_ID: westEuropeArr.accountId,
      ARR_KEY: maskText,
      CHAT_CONNECTION: maskText,
      CHAT_KEY: maskText,
      GREETING: 'hello',
    });
    expect(run.stdout).not.toContain(arrKey);
    expect(run.stdout).not.toContain(accessKey);
  });

  it('masks a secret written a byte at a time, on stdout and on stderr', async () => {
    const script =
      'const sleep = () => new Promise((r) => setTimeout(r, 1));' +
      '(async () => { for (const stream of [process.stdout, process.stderr]) {' +
      ' stream.write("key: "); for (const byte of Buffer.from(process.env.ARR_KEY)) { stream.write(Buffer.from([byte])); await sleep(); }' +
      ' stream.write(" end; almost: " + process.env.ARR_KEY.slice(0, -1) + "\\n"); } })()';
    const run = await azcred(['run', '--env-file', envFile, '--', ...node(script)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`key: ${maskText} end; almost: ${arrKey.slice(0, -1)}\n`);
    expect(run.stderr).toBe(`key: ${maskText} end; almost: ${arrKey.slice(0, -1)}\n`);
  });

  it('starts nothing when a reference names an unknown account or field, and says which variable and what exists', async () => {
    const marker = node('process.stdout.write("started")');
    const account = await azcred(['run', '--', ...marker], { env: { KEY: 'azcred://Showroom east/primaryKey' } });
    expect(account).toMatchObject({ code: 3, stdout: '' });
    expect(account.stderr).toContain('KEY refers to an account "Showroom east"');
    const field = await azcred(['run', '--', ...marker], { env: { KEY: 'azcred://chat/primaryKey' } });
    expect(field).toMatchObject({ code: 2, stdout: '' });
    expect(field.stderr).toContain('endpoint, connectionString, accessKey');
    const keyless = await azcred(['run', '--', ...marker], { env: { KEY: 'azcred://east/primaryKey' } });
    expect(keyless).toMatchObject({ code: 3, stdout: '', stderr: expect.stringContaining('KEY: east has no primaryKey stored') });
    const shape = await azcred(['run', '--', ...marker], { env: { KEY: 'azcred://chat' } });
    expect(shape).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('azcred://<account>/<field>') });
  });

  it('keeps --account --identity as before: an ARR token minted through the identity, masked, and no endpoint', async () => {
    const run = await azcred(['run', '--account', 'east', '--identity', 'pipeline', '--', ...printVariables]);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, string>;
    expect(printed).toMatchObject({ ARR_ACCOUNT_ID: eastUsArr.accountId, ARR_ACCESS_TOKEN: maskText });
    expect(printed['IDENTITY_ENDPOINT']).toBeUndefined();
    expect(
      await azcred(['run', '--account', 'east', '--identity', 'pipeline', '--identity', 'pipeline', '--', ...printVariables]),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('give it once'),
    });
    expect(await azcred(['run', '--allow', 'https://management.azure.com', '--', ...printVariables])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--allow'),
    });
  });

  it('logs what was passed and what export printed, never a value', async () => {
    const before = (await accessLog()).length;
    expect(await azcred(['run', '--env-file', envFile, '--', ...node('')])).toMatchObject({ code: 0 });
    expect(await azcred(['export', 'Showroom west', '--reveal'])).toMatchObject({ code: 0 });
    const entries = (await accessLog()).slice(before);
    const served = entries.filter((e) => e.action === 'serve');
    expect(served.map((e) => [e.kind, e.what])).toEqual([
      ['account-key', 'primaryKey of Showroom west as ARR_KEY'],
      ['connection-string', 'connectionString of chat as CHAT_CONNECTION'],
      ['account-key', 'accessKey of chat as CHAT_KEY'],
    ]);
    expect(new Set(served.map((e) => e.sessionId)).size).toBe(1);
    // Handed to the program, not shown on a screen: no entry says revealed.
    expect(entries.filter((e) => e.action === 'reveal')).toEqual([]);
    expect(entries.filter((e) => e.action === 'print').map((e) => e.kind)).toEqual(expect.arrayContaining(['arr-sts', 'account-key']));
    const text = JSON.stringify(entries);
    for (const secret of [arrKey, accessKey]) expect(text).not.toContain(secret);
  });
});
