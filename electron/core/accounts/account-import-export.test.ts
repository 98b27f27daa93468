import type { MethodInput } from '../../../shared/contract.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { coreApi, coreValues, testCore } from '../test-support/test-core.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';

const keys = { show: 'U0hPV1JPT00ta2V5LXByaW1hcnk=', lab: 'TEFCLWtleS1wcmltYXJ5LXZhbHVl', chat: 'Q0hBVC1hY2Nlc3Mta2V5LXZhbHVl' };
const env = `
# two ARR accounts, one ACS resource, one broken and one taken name
SHOWROOM_ARR_ACCOUNT_ID=11111111-2222-4333-8444-555555555555
SHOWROOM_ARR_ACCOUNT_DOMAIN=westeurope
SHOWROOM_ARR_ACCOUNT_KEY=${keys.show}
LAB_ARR_ACCOUNT_ID=21111111-2222-4333-8444-555555555555
LAB_ARR_ACCOUNT_DOMAIN=eastus
LAB_ARR_ACCOUNT_KEY=${keys.lab}
CHAT_ACS_CONNECTION_STRING=endpoint=https://chat.communication.azure.com/;accesskey=${keys.chat}
BROKEN_ARR_ACCOUNT_ID=not-a-guid
BROKEN_ARR_ACCOUNT_DOMAIN=westeurope
BROKEN_ARR_ACCOUNT_KEY=${keys.lab}
TAKEN_ARR_ACCOUNT_ID=31111111-2222-4333-8444-555555555555
TAKEN_ARR_ACCOUNT_DOMAIN=westeurope
TAKEN_ARR_ACCOUNT_KEY=${keys.lab}
`;

let folder: string;
let outside: string;
let core: Core;
let keychain: ReturnType<typeof createMemoryKeychain>;
const newCore = (dataFolder = folder) => testCore(dataFolder, { keychain });
const names = async (target = core) => (await coreValues(target).accounts.list()).map((a) => a.name);
const importText = (input: MethodInput<'accounts.import'>, target = core) => coreApi(target).accounts.import(input);

beforeEach(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'azcred-import-'));
  outside = mkdtempSync(path.join(tmpdir(), 'azcred-export-'));
  keychain = createMemoryKeychain();
  core = newCore();
  await coreValues(core).accounts.add({ kind: 'acs', name: 'taken', endpoint: 'https://taken.communication.azure.com' });
});
afterEach(() => [folder, outside].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('import', () => {
  it('previews a .env file item by item without saving anything', async () => {
    const before = readFileSync(path.join(folder, 'accounts.json'));
    const preview = await coreValues(core).accounts.import({ text: env, fileName: 'team.env', dryRun: true });
    expect(preview.format).toBe('env');
    expect(preview.added).toBe(0);
    const byName = Object.fromEntries(preview.items.map((item) => [item.name, item]));
    expect(byName['showroom']).toMatchObject({ kind: 'arr', status: 'ready', secrets: ['primaryKey'], issues: [] });
    expect(byName['chat']).toMatchObject({ kind: 'acs', status: 'ready', secrets: ['accessKey'] });
    expect(byName['broken']).toMatchObject({
      status: 'invalid',
      issues: [{ path: 'accountId', message: expect.stringContaining('GUID') }],
    });
    expect(byName['taken']).toMatchObject({
      status: 'duplicate',
      issues: [{ path: 'name', message: expect.stringContaining('already exists') }],
    });
    expect(JSON.stringify(preview)).not.toMatch(new RegExp(Object.values(keys).join('|')));
    expect(readFileSync(path.join(folder, 'accounts.json'))).toEqual(before);
  });

  it('adds every ready item together and reports the rest', async () => {
    const report = await coreValues(core).accounts.import({ text: env });
    expect(report.added).toBe(3);
    expect(report.items.map((item) => [item.name, item.status])).toEqual([
      ['showroom', 'added'],
      ['lab', 'added'],
      ['chat', 'added'],
      ['broken', 'invalid'],
      ['taken', 'duplicate'],
    ]);
    const lab = report.items.find((item) => item.name === 'lab');
    expect(await coreValues(newCore()).accounts.reveal({ id: lab?.id ?? '', secret: 'primaryKey' })).toMatchObject({ value: keys.lab });
    expect(await names()).toEqual(['chat', 'lab', 'showroom', 'taken']);
  });

  it('adds only the chosen items, and refuses the whole import when a chosen one is invalid or taken', async () => {
    for (const [only, code] of [
      [[0, 3], 'invalid_input'],
      [[1, 4], 'conflict'],
    ] as const) {
      const result = await importText({ text: env, only: [...only] });
      expect(result, JSON.stringify(only)).toMatchObject({
        ok: false,
        error: { code, message: expect.stringMatching(/^Nothing was imported/) },
      });
    }
    expect(await names()).toEqual(['taken']);
    const report = await coreValues(core).accounts.import({ text: env, only: [2] });
    expect(report.items.map((item) => item.status)).toEqual(['skipped', 'skipped', 'added', 'invalid', 'duplicate']);
    expect(await names()).toEqual(['chat', 'taken']);
  });

  it('refuses a name taken since the preview, adding nothing', async () => {
    const preview = await coreValues(core).accounts.import({ text: env, dryRun: true });
    expect(preview.items[1]).toMatchObject({ name: 'lab', status: 'ready' });
    await coreValues(newCore()).accounts.add({ kind: 'acs', name: 'LAB', endpoint: 'https://lab.communication.azure.com' });
    expect(await importText({ text: env, only: [0, 1] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await names()).toEqual(['LAB', 'taken']);
  });

  it('treats a second account with the same name in one file as a duplicate', async () => {
    const json = JSON.stringify([
      { kind: 'acs', name: 'Twin', endpoint: 'https://a.communication.azure.com' },
      { kind: 'acs', name: 'twin ', endpoint: 'https://b.communication.azure.com' },
    ]);
    const preview = await coreValues(core).accounts.import({ text: json, dryRun: true });
    expect(preview.items.map((item) => item.status)).toEqual(['ready', 'duplicate']);
    expect(preview.items[1]?.issues[0]?.message).toMatch(/earlier account in the file/);
  });

  it('names a pasted connection string after its file, and refuses text that holds no account', async () => {
    const report = await coreValues(core).accounts.import({
      text: `endpoint=https://x.communication.azure.com/;accesskey=${keys.chat}`,
      fileName: 'contoso.txt',
    });
    expect(report).toMatchObject({ format: 'connection-string', added: 1, items: [{ name: 'contoso', status: 'added' }] });
    expect(await importText({ text: 'hello world' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('export', () => {
  const exportTo = (input: MethodInput<'accounts.export'>, target = core) => coreApi(target).accounts.export(input);

  it('writes definitions without secrets as plain JSON, 0600, and will not replace a file unasked', async () => {
    await coreValues(core).accounts.import({ text: env });
    const file = path.join(outside, 'accounts-export.json');
    expect(await exportTo({ path: file })).toEqual({ ok: true, value: { path: file, count: 4, encrypted: false } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      format: 'azcred.accounts',
      includesSecrets: false,
      accounts: expect.arrayContaining([expect.objectContaining({ name: 'lab', accountDomain: 'eastus.mixedreality.azure.com' })]),
    });
    expect(text).not.toMatch(new RegExp(Object.values(keys).join('|')));
    expect(await exportTo({ path: file })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'path' }] } });
    expect(await exportTo({ path: file, overwrite: true })).toMatchObject({ ok: true });
  });

  it('re-imports a definitions-only export elsewhere as accounts for Entra ID use, without keys', async () => {
    await coreValues(core).accounts.import({ text: env });
    const file = path.join(outside, 'definitions.json');
    await coreValues(core).accounts.export({ path: file });
    const target = newCore(mkdtempSync(path.join(outside, 'second-')));
    const imported = await coreValues(target).accounts.import({
      text: readFileSync(file, 'utf8'),
      fileName: 'definitions.json',
    });
    expect(imported).toMatchObject({ format: 'json', added: 4 });
    const lab = (await coreValues(target).accounts.list()).find((a) => a.name === 'lab');
    expect(lab).toMatchObject({
      kind: 'arr',
      accountDomain: 'eastus.mixedreality.azure.com',
      hasPrimaryKey: false,
      hasSecondaryKey: false,
    });
    expect(await coreApi(target).accounts.reveal({ id: lab?.id ?? '', secret: 'primaryKey' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses a relative path, secrets without a passphrase, and an unknown account', async () => {
    expect(await exportTo({ path: 'export.json' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'path' }] },
    });
    expect(await exportTo({ path: path.join(outside, 'a.json'), includeSecrets: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'passphrase' }] },
    });
    expect(await exportTo({ path: path.join(outside, 'b.json'), ids: ['7b0c0e4e-4a40-4e1b-9f59-6d1a3b1f2c3d'] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(existsSync(path.join(outside, 'a.json')) || existsSync(path.join(outside, 'b.json'))).toBe(false);
  });

  it('round-trips chosen accounts with their keys through a passphrase-encrypted file into another data folder', async () => {
    const report = await coreValues(core).accounts.import({ text: env });
    const ids = report.items.filter((item) => item.name === 'lab' || item.name === 'chat').map((item) => item.id ?? '');
    const file = path.join(outside, 'with-keys.json');
    expect(await exportTo({ path: file, ids, includeSecrets: true, passphrase: 'a long export passphrase' })).toMatchObject({
      ok: true,
      value: { count: 2, encrypted: true },
    });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(new RegExp([...Object.values(keys), 'chat\\.communication'].join('|')));
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const elsewhere = mkdtempSync(path.join(outside, 'second-'));
    const target = newCore(elsewhere);
    expect(await importText({ text }, target)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'passphrase' }] },
    });
    expect(await importText({ text, passphrase: 'the wrong passphrase' }, target)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'passphrase' }] },
    });
    const imported = await coreValues(target).accounts.import({ text, passphrase: 'a long export passphrase' });
    expect(imported).toMatchObject({ format: 'encrypted-json', added: 2 });
    const chat = imported.items.find((item) => item.name === 'chat');
    expect(await coreValues(target).accounts.reveal({ id: chat?.id ?? '', secret: 'connectionString' })).toMatchObject({
      value: `endpoint=https://chat.communication.azure.com/;accesskey=${keys.chat}`,
    });
  });

  it('exports nothing when the vault cannot be opened for the keys, and writes no file', async () => {
    await coreValues(core).accounts.import({ text: env });
    const locked = testCore(folder, {
      keychain: {
        getPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
        setPassword: () => Promise.reject(new Error('locked')),
        deletePassword: () => Promise.reject(new Error('locked')),
      },
    });
    const file = path.join(outside, 'never.json');
    expect(await exportTo({ path: file, includeSecrets: true, passphrase: 'a long export passphrase' }, locked)).toMatchObject({
      ok: false,
      error: { code: 'vault_unavailable' },
    });
    expect(existsSync(file)).toBe(false);
  });
});
