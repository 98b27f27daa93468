import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.ts';
import type { Core } from '../core.ts';
import { coreApi, coreValues } from '../test-support/test-core.ts';
import { keptBackups } from './vault-backups.ts';
import { folderPerTest } from '../test-support/folder-per-test.ts';

const oldKey = 'T0xELXByaW1hcnkta2V5LW9uZQ==';
const newKey = 'TkVXLXByaW1hcnkta2V5LXR3bw==';
const arr = (name: string, primaryKey: string) => ({
  kind: 'arr' as const,
  name,
  accountId: '0f6c8e4a-1b2c-4d3e-8f90-123456789abc',
  accountDomain: 'westeurope',
  primaryKey,
});

const data = folderPerTest('azcred-backups-');
const { newCore } = data;
const reveal = async (core: Core, id: string) => (await coreValues(core).accounts.reveal({ id, secret: 'primaryKey' })).value;

/**
 * One process adds the account "Render old" with `oldKey` and closes; then vault.bin is damaged in
 * place, as a bad disk block would, so the next process to open it quarantines it. Returns the account.
 */
async function oldAccountThenDamage(): Promise<AccountView> {
  const first = newCore();
  const old = await coreValues(first).accounts.add(arr('Render old', oldKey));
  await first.close();
  const file = path.join(data.folder, 'vault.bin');
  const bytes = readFileSync(file);
  bytes[bytes.length - 3]! ^= 0xff;
  writeFileSync(file, bytes);
  return old;
}

describe('after a damaged vault file is quarantined', () => {
  it('keeps the last good copy through later writes, and restoring it brings the old secret back', async () => {
    const old = await oldAccountThenDamage();

    const next = newCore();
    const status = await coreValues(next).vault.status();
    expect(status).toMatchObject({ state: 'open', secretCount: 0, quarantined: { problem: 'damaged' } });
    const notice = status.state === 'open' ? status.quarantined : null;
    expect(notice?.message).toMatch(/restore the last backup: Restore the last backup on this notice in the app, or azcred vault restore/);

    // The write that used to copy the emptied vault over vault.bin.bak.
    const added = await coreValues(next).accounts.add(arr('Render new', newKey));
    const backups = await coreValues(next).vault.backups();
    expect(backups.filter((backup) => backup.beforeQuarantine).map((backup) => backup.secretCount)).toContain(1);

    const restored = await coreValues(next).vault.restore({});
    expect(restored).toMatchObject({ state: 'open', secretCount: 1, quarantined: null });
    expect(await reveal(next, old.id)).toBe(oldKey);
    // The file it replaced is kept as another generation, so the key entered meanwhile is not lost either.
    const after = await coreValues(next).vault.backups();
    expect(after.length).toBe(backups.length + 1);
    expect(after.every((backup) => !backup.beforeQuarantine)).toBe(true);
    expect(await coreValues(next).vault.restore({ name: after[0]!.name })).toMatchObject({ secretCount: 1 });
    expect(await reveal(next, added.id)).toBe(newKey);
    // Another process sees the restored file.
    expect(await reveal(newCore(), added.id)).toBe(newKey);
  });

  it('never prunes a backup made before the quarantine while it is unacknowledged, however many writes follow', async () => {
    const old = await oldAccountThenDamage();
    const next = newCore();
    await coreValues(next).vault.status();
    const protectedNames = (await coreValues(next).vault.backups()).filter((b) => b.beforeQuarantine).map((b) => b.name);
    expect(protectedNames.length).toBeGreaterThan(0);

    for (let i = 0; i < keptBackups + 4; i++)
      await coreValues(next).accounts.update({
        id: old.id,
        changes: { kind: 'arr', primaryKey: Buffer.from(`key ${i}`).toString('base64') },
      });
    const generations = readdirSync(path.join(data.folder, 'backups'));
    expect(generations).toEqual(expect.arrayContaining(protectedNames));
    expect(generations.length).toBeLessThanOrEqual(keptBackups + protectedNames.length);

    // Restoring the last backup picks one from before the quarantine, not the newest write.
    await coreValues(next).vault.restore({});
    expect(await reveal(next, old.id)).toBe(oldKey);
  });

  it('stays reported in every process until acknowledged, then old backups are pruned as usual', async () => {
    await oldAccountThenDamage();
    await coreValues(newCore()).vault.status();
    const other = newCore();
    expect(await coreValues(other).vault.status()).toMatchObject({ quarantined: { problem: 'damaged' } });
    expect(await coreValues(other).vault.acknowledgeQuarantine()).toMatchObject({ quarantined: null });
    expect(await coreValues(newCore()).vault.status()).toMatchObject({ quarantined: null });
    expect((await coreValues(other).vault.backups()).every((b) => !b.beforeQuarantine)).toBe(true);
  });

  it("refuses a backup name it did not make, and one that does not open with this vault's key", async () => {
    const core = newCore();
    await coreValues(core).accounts.add(arr('Render', oldKey));
    expect(await coreApi(core).vault.restore({ name: '../vault.json' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await coreApi(core).vault.restore({ name: 'vault-2020-01-01T00-00-00-000Z-abcdef.bin' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const [newest] = await coreValues(core).vault.backups();
    writeFileSync(path.join(data.folder, 'backups', newest!.name), 'not a vault');
    expect(await coreValues(core).vault.backups()).toContainEqual(expect.objectContaining({ name: newest!.name, secretCount: null }));
    expect(await coreApi(core).vault.restore({ name: newest!.name })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/does not open with this vault's key.*unchanged/) },
    });
  });
});
