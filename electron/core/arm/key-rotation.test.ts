import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract.ts';
import type { AccountView } from '../../../shared/accounts.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { keyRotationGuidance } from '../../../shared/key-rotation.ts';
import { westeuropeScope } from './role-audit/test-support/arm-fixtures.ts';
import { coreApi, coreValues } from '../test-support/test-core.ts';
import {
  addChatResource,
  emulatorAndCoreForThisFile,
  recordingRetry,
  signInUser,
  westeuropeAccountId,
} from '../tokens/test-support/tokens-fixtures.ts';

let alex: IdentityView;
let adele: IdentityView;
let arr: AccountView;
const retry = recordingRetry({ timeoutMs: 2000 });
const shared = emulatorAndCoreForThisFile('azcred-key-rotation-', retry, { importCloud: true });

beforeAll(async () => {
  alex = await signInUser(shared.core, shared.emulator, 'alex.wilber');
  adele = await signInUser(shared.core, shared.emulator, 'adele.vance');
  const imported = await coreValues(shared.core).discovery.import({ identityId: alex.id, resourceIds: [westeuropeScope] });
  arr = imported.imported[0]?.account as AccountView;
}, 60_000);

const scenarioArr = () => shared.emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === westeuropeAccountId);
const scenarioAcs = () => shared.emulator.scenario.communicationServices.find((s) => s.name === 'contoso-acs-chat');
const reveal = async (id: string, secret: MethodInput<'accounts.reveal'>['secret']) =>
  (await coreValues(shared.core).accounts.reveal({ id, secret })).value;
/** The Mixed Reality STS's answer to a key, called as any client would. */
const stsStatus = async (key: string) =>
  (
    await fetch(`${shared.emulator.urls.sts}/Accounts/${westeuropeAccountId}/token`, {
      headers: { Authorization: `Bearer ${westeuropeAccountId}:${key}` },
    })
  ).status;

describe('key rotation', () => {
  it('regenerates the primary key, stores the new one, and the old one stops working at the STS', async () => {
    const old = await reveal(arr.id, 'primaryKey');
    const secondary = await reveal(arr.id, 'secondaryKey');
    expect(await stsStatus(old)).toBe(200);
    const rotated = await coreValues(shared.core).accounts.rotateKey({ id: arr.id, key: 'primary' });
    expect(rotated).toMatchObject({
      key: 'primary',
      storedKeyUpdated: true,
      by: { identityId: alex.id, name: 'alex.wilber@contoso.onmicrosoft.com' },
      account: { id: arr.id, keysRotatedAt: { primary: rotated.rotatedAt } },
    });
    expect(rotated.guidance).toContain('anything still using its old value now fails');
    const fresh = await reveal(arr.id, 'primaryKey');
    expect(fresh).not.toBe(old);
    expect(fresh).toBe(scenarioArr()?.primaryKey);
    expect(await reveal(arr.id, 'secondaryKey')).toBe(secondary);
    expect(await stsStatus(old)).toBe(401);
    expect(await stsStatus(fresh)).toBe(200);
    await expect(coreValues(shared.core).tokens.mintArr({ accountId: arr.id, via: 'primaryKey' })).resolves.toMatchObject({
      kind: 'arr-sts',
    });
    expect(JSON.stringify(rotated)).not.toContain(fresh);
    expect(readFileSync(path.join(shared.folder, 'accounts.json'), 'utf8')).not.toContain(fresh);
  });

  it('names the action and the roles when the identity may not regenerate keys, and changes nothing', async () => {
    const before = await reveal(arr.id, 'secondaryKey');
    const result = await coreApi(shared.core).accounts.rotateKey({ id: arr.id, key: 'secondary', identityId: adele.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'azure_forbidden' } });
    expect(!result.ok && result.error.message).toBe(
      'adele.vance@contoso.onmicrosoft.com may not regenerate the secondary key of contoso-arr-westeurope ' +
        '(AuthorizationFailed). That needs the permission Microsoft.MixedReality/remoteRenderingAccounts/regenerateKeys/action, ' +
        'which Contributor or Owner grant. Ask an Owner to assign the role (Access control (IAM) in the Azure portal); a new ' +
        'assignment can take a few minutes to apply.',
    );
    expect(scenarioArr()?.secondaryKey).toBe(before);
    // Without a named identity, each identity of the cloud is tried: Alex may.
    await expect(coreValues(shared.core).accounts.rotateKey({ id: arr.id, key: 'secondary' })).resolves.toMatchObject({
      by: { identityId: alex.id },
    });
    expect(await reveal(arr.id, 'secondaryKey')).toBe(scenarioArr()?.secondaryKey);
  });

  it('finds the resource of an ACS resource added by hand, and follows which key its connection string holds', async () => {
    const chat = await addChatResource(shared.core, shared.emulator, 'chat by hand');
    const primary = scenarioAcs()?.primaryKey;
    const secondary = await coreValues(shared.core).accounts.rotateKey({ id: chat.id, key: 'secondary' });
    expect(secondary).toMatchObject({
      storedKeyUpdated: false,
      account: { accessKeySlot: 'primary', resourceId: expect.stringMatching(/contoso-acs-chat$/) },
    });
    expect(await reveal(chat.id, 'accessKey')).toBe(primary);
    const rotated = await coreValues(shared.core).accounts.rotateKey({ id: chat.id, key: 'primary' });
    expect(rotated).toMatchObject({ storedKeyUpdated: true, account: { accessKeySlot: 'primary' } });
    expect(await reveal(chat.id, 'accessKey')).toBe(scenarioAcs()?.primaryKey);
    expect(scenarioAcs()?.primaryKey).not.toBe(primary);
    // The stored key works at ACS (HMAC) after the rotation.
    await expect(coreValues(shared.core).acsIdentities.create({ accountId: chat.id, label: 'after rotation' })).resolves.toMatchObject({
      identity: { label: 'after rotation' },
    });
  });

  it('says what to do when ARM fails, and changes nothing stored', async () => {
    const before = await reveal(arr.id, 'secondaryKey');
    const rotatedAt = (await coreValues(shared.core).accounts.list()).find((a) => a.id === arr.id)?.keysRotatedAt;
    shared.emulator.faults.add({ service: 'arm', kind: 'error', status: 503, path: 'regenerateKeys' });
    try {
      const result = await coreApi(shared.core).accounts.rotateKey({ id: arr.id, key: 'secondary', identityId: alex.id });
      expect(result).toMatchObject({ ok: false, error: { code: 'azure_unavailable' } });
      expect(!result.ok && result.error.message).toContain('Azure Resource Manager failed with HTTP 503');
      expect(!result.ok && result.error.message).toContain(
        'If the stored secondary key of "contoso-arr-westeurope" stops working, regenerate it again here',
      );
    } finally {
      shared.emulator.faults.clear();
    }
    expect(scenarioArr()?.secondaryKey).toBe(before);
    expect(await reveal(arr.id, 'secondaryKey')).toBe(before);
    expect((await coreValues(shared.core).accounts.list()).find((a) => a.id === arr.id)?.keysRotatedAt).toEqual(rotatedAt);
  });

  it('does not send a regeneration again when its answer was lost, so the key it stores after is the one Azure holds', async () => {
    // ARM regenerates the key but answers after the app's 2 s timeout: a retry would regenerate it once more, and the late first one
    // would win.
    shared.emulator.faults.add({ service: 'arm', kind: 'slow', delayMs: 2300, path: 'regenerateKeys', times: 1 });
    const lost = await coreApi(shared.core).accounts.rotateKey({ id: arr.id, key: 'primary', identityId: alex.id });
    expect(lost).toMatchObject({
      ok: false,
      error: { code: 'azure_unavailable', message: expect.stringContaining('did not answer within 2 s') },
    });
    expect(!lost.ok && lost.error.message).toContain('Azure may have regenerated the primary key without the app hearing the new value');
    await expect.poll(async () => (await stsStatus(await reveal(arr.id, 'primaryKey'))) === 401, { timeout: 5000 }).toBe(true);
    // As the message says: regenerate it again here.
    await coreValues(shared.core).accounts.rotateKey({ id: arr.id, key: 'primary', identityId: alex.id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stored = await reveal(arr.id, 'primaryKey');
    expect(stored).toBe(scenarioArr()?.primaryKey);
    expect(await stsStatus(stored)).toBe(200);
  });

  it('gives the two-key guidance for the confirmation', () => {
    const text = keyRotationGuidance(arr, 'primary');
    expect(text).toContain('Move them to the secondary key first, then regenerate the primary key');
    expect(text).toContain('This app replaces its stored primary key with the new one.');
    const acs: AccountView = {
      ...arr,
      kind: 'acs',
      endpoint: 'https://x.communication.azure.com/',
      hasAccessKey: true,
      accessKeySlot: 'secondary',
    } as AccountView;
    expect(keyRotationGuidance(acs, 'primary')).toContain(
      "The access key stored here is the secondary key, so the app's connection string keeps working.",
    );
  });
});

describe('the rotation reminder', () => {
  it('defaults to 90 days, even for a settings file written before the setting existed', async () => {
    expect((await coreValues(shared.core).settings.get()).keyRotationReminderDays).toBe(90);
    expect(await coreApi(shared.core).settings.update({ keyRotationReminderDays: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('flags stored keys older than the reminder age, counting from the last rotation', async () => {
    const added = await coreValues(shared.core).accounts.add({
      kind: 'arr',
      name: 'old keys',
      accountId: westeuropeAccountId,
      accountDomain: 'westeurope',
      cloud: 'AzureEmulator',
      primaryKey: scenarioArr()?.primaryKey,
      secondaryKey: scenarioArr()?.secondaryKey,
    });
    expect(added.keyAges).toEqual([
      expect.objectContaining({ secret: 'primaryKey', azureKey: 'primary', ageDays: 0, due: false, rotatedAt: null }),
      expect.objectContaining({ secret: 'secondaryKey', due: false }),
    ]);
    // Written 120 days ago, as if by an older version.
    const file = path.join(shared.folder, 'accounts.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { accounts: { id: string; createdAt: string }[] };
    const longAgo = new Date(Date.now() - 120 * 86_400_000).toISOString();
    for (const account of stored.accounts) if (account.id === added.id) account.createdAt = longAgo;
    writeFileSync(file, JSON.stringify(stored));
    const listed = async () => (await coreValues(shared.core).accounts.list()).find((a) => a.id === added.id);
    expect((await listed())?.keyAges?.map((k) => [k.secret, k.ageDays, k.due])).toEqual([
      ['primaryKey', 120, true],
      ['secondaryKey', 120, true],
    ]);
    await coreValues(shared.core).settings.update({ keyRotationReminderDays: 180 });
    expect((await listed())?.keyAges?.every((k) => !k.due)).toBe(true);
    await coreValues(shared.core).settings.update({ keyRotationReminderDays: 90 });
    await coreValues(shared.core).accounts.rotateKey({ id: added.id, key: 'primary' });
    expect((await listed())?.keyAges?.map((k) => [k.secret, k.due])).toEqual([
      ['primaryKey', false],
      ['secondaryKey', true],
    ]);
    // A key typed in with Edit counts from then.
    await coreValues(shared.core).accounts.update({ id: added.id, changes: { kind: 'arr', secondaryKey: scenarioArr()?.secondaryKey } });
    expect((await listed())?.keyAges?.every((k) => !k.due)).toBe(true);
  });
});
