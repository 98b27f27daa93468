import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../shared/accounts.ts';
import type { MethodInput } from '../../../shared/contract.ts';
import type { Core } from '../core.ts';
import { recordingClipboard } from '../test-support/recording-clipboard.ts';
import { coreApi, coreValues, rawCall, testCore } from '../test-support/test-core.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';
import { openVault } from '../vault/vault.ts';

type AccountInput = MethodInput<'accounts.add'>;

const keys = { primary: 'QVJSLXByaW1hcnkta2V5LW9uZQ==', secondary: 'QVJSLXNlY29uZGFyeS1rZXktdHdv', access: 'QUNTLWFjY2Vzcy1rZXktdGhyZWU=' };
const arr = {
  kind: 'arr',
  name: 'Render dev',
  accountId: '0F6C8E4A-1B2C-4D3E-8F90-123456789ABC',
  accountDomain: 'westeurope',
  primaryKey: keys.primary,
  secondaryKey: keys.secondary,
  tags: ['dev'],
} satisfies AccountInput;
const acs = {
  kind: 'acs',
  name: 'Chat prod',
  connectionString: `endpoint=https://chat-prod.communication.azure.com;accesskey=${keys.access}`,
} satisfies AccountInput;

let folder: string;
let keychain: ReturnType<typeof createMemoryKeychain>;
let core: Core;
const newCore = (clipboard?: ReturnType<typeof recordingClipboard>) => testCore(folder, { keychain, ...(clipboard && { clipboard }) });
const accountsFile = () => path.join(folder, 'accounts.json');
const stored = () => JSON.parse(readFileSync(accountsFile(), 'utf8')) as { version: number; accounts: Record<string, unknown>[] };
const vaultNames = async () => (await openVault({ dataFolder: folder, keychain })).names();
const add = (input: AccountInput) => coreValues(core).accounts.add(input);

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'azcred-accounts-'));
  keychain = createMemoryKeychain();
  core = newCore();
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('adding and listing accounts', () => {
  it('keeps an ARR account and an ACS resource for the next process: metadata in accounts.json (0600), keys in the vault', async () => {
    const render = await add(arr);
    const chat = await add(acs);
    expect(render).toMatchObject({
      kind: 'arr',
      name: 'Render dev',
      accountId: '0f6c8e4a-1b2c-4d3e-8f90-123456789abc',
      accountDomain: 'westeurope.mixedreality.azure.com',
      cloud: 'AzureCloud',
      tags: ['dev'],
      hasPrimaryKey: true,
      hasSecondaryKey: true,
      secretsMissing: [],
    });
    expect(chat).toMatchObject({ kind: 'acs', endpoint: 'https://chat-prod.communication.azure.com/', hasAccessKey: true });
    expect(JSON.stringify([render, chat])).not.toMatch(/QVJS|QUNT/);

    const next = newCore();
    expect((await coreValues(next).accounts.list()).map((a) => a.name)).toEqual(['Chat prod', 'Render dev']);
    expect(await coreValues(next).accounts.reveal({ id: render.id, secret: 'secondaryKey' })).toEqual({
      value: keys.secondary,
      hideAfterSeconds: 20,
    });
    expect(await coreValues(next).accounts.reveal({ id: chat.id, secret: 'connectionString' })).toMatchObject({
      value: `endpoint=https://chat-prod.communication.azure.com/;accesskey=${keys.access}`,
    });

    expect(statSync(accountsFile()).mode & 0o777).toBe(0o600);
    expect(stored()).toMatchObject({
      version: 1,
      accounts: [
        { id: render.id, secrets: ['primaryKey', 'secondaryKey'] },
        { id: chat.id, secrets: ['accessKey'] },
      ],
    });
    expect(readFileSync(accountsFile(), 'utf8')).not.toMatch(/QVJS|QUNT/);
    expect(await vaultNames()).toEqual(
      [`account/${chat.id}/accessKey`, `account/${render.id}/primaryKey`, `account/${render.id}/secondaryKey`].sort(),
    );
    expect(readdirSync(folder).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  it('adds an ACS resource by endpoint alone without needing the vault', async () => {
    const broken = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus')),
      setPassword: () => Promise.reject(new Error('x')),
      deletePassword: () => Promise.reject(new Error('x')),
    };
    const offline = testCore(folder, { keychain: broken });
    const entraOnly = await coreValues(offline).accounts.add({
      kind: 'acs',
      name: 'Entra only',
      endpoint: 'https://calls.communication.azure.com',
    });
    expect(entraOnly).toMatchObject({ hasAccessKey: false, endpoint: 'https://calls.communication.azure.com/' });
    expect(await coreApi(offline).accounts.reveal({ id: entraOnly.id, secret: 'connectionString' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: '"Entra only" has no access key stored: it is used with Entra ID only. Add one with Edit.' },
    });
  });

  it('sees a secret another process added after this one opened the vault', async () => {
    await coreValues(core).vault.status();
    const other = await coreValues(newCore()).accounts.add(arr);
    expect(await coreValues(core).accounts.reveal({ id: other.id, secret: 'primaryKey' })).toMatchObject({ value: keys.primary });
    expect((await coreValues(core).accounts.list())[0]?.secretsMissing).toEqual([]);
  });

  it('removes the keys it wrote when the account list cannot be saved', async () => {
    const first = await add(arr);
    mkdirSync(path.join(folder, 'accounts.json.bak', 'blocked'), { recursive: true }); // the backup step now fails
    const result = await coreApi(core).accounts.add({ ...acs, name: 'Another' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await vaultNames()).toEqual([`account/${first.id}/primaryKey`, `account/${first.id}/secondaryKey`]);
    expect(stored().accounts).toHaveLength(1);
  });

  it('adds a batch all together or not at all, checking names against the list and within the batch', async () => {
    await add(arr);
    const parse = (input: object) => accountInputSchema.parse(input);
    const batch = [parse({ ...acs, name: 'One' }), parse({ ...arr, name: 'Two' }), parse({ ...acs, name: ' one ' })];
    await expect(core.accounts.addMany(batch)).rejects.toMatchObject({ code: 'conflict', issues: [{ path: '2.name' }] });
    await expect(core.accounts.addMany([parse({ ...acs, name: 'Three' }), parse({ ...arr, name: 'RENDER dev' })])).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ path: '1.name' }],
    });
    expect(stored().accounts).toHaveLength(1);
    expect(await vaultNames()).toHaveLength(2);
    expect((await core.accounts.addMany(batch.slice(0, 2))).map((view) => view.name)).toEqual(['One', 'Two']);
    expect(await vaultNames()).toHaveLength(5);
  });

  it('refuses a damaged account list instead of overwriting it', async () => {
    writeFileSync(accountsFile(), '{"version": 1, "accounts": [{"id": ');
    for (const [method, input] of [
      ['accounts.list', undefined],
      ['accounts.add', acs],
    ] as const) {
      expect(await rawCall(core, method, input)).toMatchObject({
        ok: false,
        error: { code: 'internal', message: expect.stringContaining('accounts.json in the data folder is damaged') },
      });
    }
    expect(readFileSync(accountsFile(), 'utf8')).toBe('{"version": 1, "accounts": [{"id": ');
  });
});

describe('input validation', () => {
  it('names the field of each bad input and saves nothing', async () => {
    await add(arr);
    const before = { accounts: readFileSync(accountsFile()), vault: readFileSync(path.join(folder, 'vault.bin')) };
    const cases: [string, AccountInput, string, RegExp][] = [
      ['bad GUID', { ...arr, name: 'x1', accountId: '0f6c8e4a-not-a-guid' }, 'accountId', /GUID/],
      [
        'unknown region',
        { ...arr, name: 'x2', accountDomain: 'marsnorth' },
        'accountDomain',
        /"marsnorth" is not a Remote Rendering region/,
      ],
      [
        'no accesskey',
        { ...acs, name: 'x3', connectionString: 'endpoint=https://x.communication.azure.com/' },
        'connectionString',
        /no accesskey/,
      ],
      ['non-base64 key', { ...arr, name: 'x4', primaryKey: 'not base64!' }, 'primaryKey', /base64/],
      ['empty name', { ...arr, name: '   ' }, 'name', /Enter a name/],
      ['unknown cloud', { ...arr, name: 'x5', cloud: 'MarsCloud' }, 'cloud', /"MarsCloud" is not a cloud profile/],
      ['text-direction override in the name', { ...arr, name: 'render\u202Eved' }, 'name', /characters you can see/],
      ['control character in a tag', { ...arr, name: 'x6', tags: ['ok', 'red\u001b[0m'] }, 'tags.1', /characters you can see/],
      ['duplicate name', { ...acs, name: '  render DEV ' }, 'name', /An account named "render DEV" already exists/],
    ];
    for (const [what, input, field, message] of cases) {
      const result = await coreApi(core).accounts.add(input);
      expect(result.ok, what).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, what).toBe(what === 'duplicate name' ? 'conflict' : 'invalid_input');
      expect(
        result.error.issues?.map((issue) => issue.path),
        what,
      ).toEqual([field]);
      expect(result.error.issues?.[0]?.message, what).toMatch(message);
      expect(JSON.stringify(result), what).not.toMatch(/QVJS|QUNT|not base64!/);
    }
    expect(readFileSync(accountsFile())).toEqual(before.accounts);
    expect(readFileSync(path.join(folder, 'vault.bin'))).toEqual(before.vault);
  });
});

describe('editing and deleting', () => {
  it('renames, changes notes, tags and cloud for the next process, and refuses a name another account has, case-insensitively', async () => {
    const render = await add(arr);
    await add(acs);
    const renamed = await coreValues(core).accounts.update({ id: render.id, changes: { kind: 'arr', name: 'Render staging' } });
    expect(renamed).toMatchObject({ name: 'Render staging', createdAt: render.createdAt, hasSecondaryKey: true });
    const described = await coreValues(core).accounts.update({
      id: render.id,
      changes: { kind: 'arr', notes: 'Showroom build\nkeys rotate monthly', tags: ['dev', 'showroom'], cloud: 'AzureUSGovernment' },
    });
    expect(described).toMatchObject({
      name: 'Render staging',
      notes: 'Showroom build\nkeys rotate monthly',
      tags: ['dev', 'showroom'],
      cloud: 'AzureUSGovernment',
    });
    expect((await coreValues(newCore()).accounts.list()).find((a) => a.id === render.id)).toMatchObject({
      notes: 'Showroom build\nkeys rotate monthly',
      tags: ['dev', 'showroom'],
      cloud: 'AzureUSGovernment',
    });
    expect(renamed.updatedAt >= render.updatedAt).toBe(true);
    const clash = await coreApi(core).accounts.update({ id: render.id, changes: { kind: 'arr', name: 'CHAT PROD' } });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'changes.name' }] } });
    // Renaming to its own name in another case is not a clash.
    expect(await coreApi(core).accounts.update({ id: render.id, changes: { kind: 'arr', name: 'RENDER STAGING' } })).toMatchObject({
      ok: true,
    });
  });

  it('refuses to change the kind of an account', async () => {
    const render = await add(arr);
    const result = await coreApi(core).accounts.update({ id: render.id, changes: { kind: 'acs', name: 'Now ACS' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'changes.kind' }] } });
    expect(stored().accounts[0]).toMatchObject({ kind: 'arr', name: 'Render dev' });
  });

  it('replaces the primary key and removes the secondary key of an ARR account', async () => {
    const render = await add(arr);
    const newKey = 'bmV3LXByaW1hcnkta2V5LXZhbHVl';
    const edited = await coreValues(core).accounts.update({
      id: render.id,
      changes: { kind: 'arr', primaryKey: newKey, secondaryKey: null, accountDomain: 'eastus' },
    });
    expect(edited).toMatchObject({ hasPrimaryKey: true, hasSecondaryKey: false, accountDomain: 'eastus.mixedreality.azure.com' });
    expect(await coreValues(newCore()).accounts.reveal({ id: render.id, secret: 'primaryKey' })).toMatchObject({ value: newKey });
    expect(await vaultNames()).toEqual([`account/${render.id}/primaryKey`]);
    expect(await coreApi(core).accounts.reveal({ id: render.id, secret: 'secondaryKey' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('replaces an ACS endpoint and key from a connection string, keeps the key on an endpoint change, and drops it when asked', async () => {
    const chat = await add(acs);
    const newKey = 'bmV3LWFjY2Vzcy1rZXktdmFsdWU=';
    await coreValues(core).accounts.update({
      id: chat.id,
      changes: { kind: 'acs', connectionString: `endpoint=https://chat-2.communication.azure.com/;accesskey=${newKey}` },
    });
    expect(await coreValues(core).accounts.reveal({ id: chat.id, secret: 'connectionString' })).toMatchObject({
      value: `endpoint=https://chat-2.communication.azure.com/;accesskey=${newKey}`,
    });
    const moved = await coreValues(core).accounts.update({
      id: chat.id,
      changes: { kind: 'acs', endpoint: 'https://chat-3.communication.azure.com' },
    });
    expect(moved).toMatchObject({ endpoint: 'https://chat-3.communication.azure.com/', hasAccessKey: true });
    const both = await coreApi(core).accounts.update({
      id: chat.id,
      changes: { kind: 'acs', connectionString: `endpoint=https://a.communication.azure.com/;accesskey=${newKey}`, removeAccessKey: true },
    });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'changes.removeAccessKey' }] } });
    expect(await coreValues(core).accounts.update({ id: chat.id, changes: { kind: 'acs', removeAccessKey: true } })).toMatchObject({
      hasAccessKey: false,
    });
    expect(await vaultNames()).toEqual([]);
  });

  it('deletes an account with its keys, and says an unknown account is gone', async () => {
    const render = await add(arr);
    const chat = await add(acs);
    expect(await coreValues(core).accounts.delete({ id: render.id })).toEqual({ id: render.id });
    expect((await coreValues(newCore()).accounts.list()).map((a) => a.id)).toEqual([chat.id]);
    expect(await vaultNames()).toEqual([`account/${chat.id}/accessKey`]);
    for (const [method, input] of [
      ['accounts.delete', { id: render.id }],
      ['accounts.update', { id: render.id, changes: { kind: 'arr', name: 'Back' } }],
      ['accounts.reveal', { id: render.id, secret: 'primaryKey' }],
    ] as const) {
      expect(await rawCall(core, method, input), method).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: expect.stringContaining('no longer exists') },
      });
    }
  });
});

describe('reveal and copy', () => {
  it('reveals for as long as Settings says, and refuses a secret the kind does not have', async () => {
    const chat = await add(acs);
    await coreValues(core).settings.update({ revealSeconds: 7 });
    expect(await coreValues(core).accounts.reveal({ id: chat.id, secret: 'accessKey' })).toEqual({
      value: keys.access,
      hideAfterSeconds: 7,
    });
    const wrong = await coreApi(core).accounts.reveal({ id: chat.id, secret: 'primaryKey' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'secret', message: expect.stringContaining('accessKey or connectionString') }] },
    });
  });

  it('copies in the core, clearing after the configured time; browser mode is told the page copies', async () => {
    const clipboard = recordingClipboard();
    const desktop = newCore(clipboard);
    const render = await coreValues(desktop).accounts.add(arr);
    await coreValues(desktop).settings.update({ clipboardClearSeconds: 45 });
    expect(await coreValues(desktop).app.info()).toMatchObject({ coreClipboard: true });
    expect(await coreValues(desktop).accounts.copy({ id: render.id, secret: 'primaryKey' })).toEqual({ clearsAfterSeconds: 45 });
    expect(clipboard.text).toBe(keys.primary);

    expect(await coreValues(core).app.info()).toMatchObject({ coreClipboard: false, homeFolder: expect.any(String) });
    const browser = await coreApi(core).accounts.copy({ id: render.id, secret: 'primaryKey' });
    expect(browser).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining("the page copies the value through the browser's clipboard") },
    });
  });

  it('clears the clipboard on close only while it still holds the copied key', async () => {
    const clipboard = recordingClipboard();
    const desktop = newCore(clipboard);
    const render = await coreValues(desktop).accounts.add(arr);
    await coreValues(desktop).accounts.copy({ id: render.id, secret: 'secondaryKey' });
    await desktop.close();
    expect(clipboard.text).toBe('');

    const again = newCore(clipboard);
    await coreValues(again).accounts.copy({ id: render.id, secret: 'primaryKey' });
    clipboard.text = 'the user copied a URL since';
    await again.close();
    expect(clipboard.text).toBe('the user copied a URL since');
    expect(clipboard.calls).toEqual(['writeSecret', 'clear', 'writeSecret']);
  });
});

describe('a damaged vault file', () => {
  it('is quarantined while the account list stays intact, and says which keys to enter again', async () => {
    const render = await add(arr);
    const chat = await add({ kind: 'acs', name: 'Entra only', endpoint: 'https://calls.communication.azure.com' });
    const file = path.join(folder, 'vault.bin');
    const bytes = readFileSync(file);
    bytes[bytes.length - 3]! ^= 0xff;
    writeFileSync(file, bytes);

    const next = newCore();
    expect(await coreValues(next).vault.status()).toMatchObject({
      state: 'open',
      secretCount: 0,
      quarantined: { problem: 'damaged', path: expect.stringContaining('vault.bin.corrupt-') },
    });
    const listed = await coreValues(next).accounts.list();
    expect(listed.find((a) => a.id === render.id)).toMatchObject({ hasPrimaryKey: true, secretsMissing: ['primaryKey', 'secondaryKey'] });
    expect(listed.find((a) => a.id === chat.id)).toMatchObject({ secretsMissing: [] });
    expect(await coreApi(next).accounts.reveal({ id: render.id, secret: 'primaryKey' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('Enter it again with Edit') },
    });

    const renamed = await coreValues(next).accounts.update({
      id: render.id,
      changes: { kind: 'arr', name: 'Render (keys lost)' },
    });
    expect(renamed.secretsMissing).toEqual(['primaryKey', 'secondaryKey']);
    await coreValues(next).accounts.update({
      id: render.id,
      changes: { kind: 'arr', primaryKey: keys.primary, secondaryKey: keys.secondary },
    });
    expect((await coreValues(next).accounts.list()).find((a) => a.id === render.id)?.secretsMissing).toEqual([]);
  });
});
