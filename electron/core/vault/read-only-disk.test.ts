import { constants, promises } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coreApi, coreValues } from '../test-support/test-core.ts';
import { folderPerTest } from '../test-support/folder-per-test.ts';

// The tests run as root, whom chmod does not stop: the disk's refusals are injected into the fs calls instead.
const key = 'T0xELXByaW1hcnkta2V5LW9uZQ==';
const arr = (name: string) => ({
  kind: 'arr' as const,
  name,
  accountId: '0f6c8e4a-1b2c-4d3e-8f90-123456789abc',
  accountDomain: 'westeurope',
  primaryKey: key,
});

const data = folderPerTest('azcred-read-only-');
const { newCore } = data;
const refusal = (code: string, at: string) => Object.assign(new Error(`${code}: refused, mkdir '${at}'`), { code, path: at });

/** From now on every directory made (the locks are directories) or file opened for writing under the data folder fails with `code`. */
function diskRefuses(code: 'EROFS' | 'ENOSPC' | 'EACCES', what: 'lock' | 'write' = 'lock'): void {
  const mkdir = promises.mkdir.bind(promises);
  const open = promises.open.bind(promises);
  if (what === 'lock') {
    vi.spyOn(promises, 'mkdir').mockImplementation(async (dir, options) =>
      String(dir).startsWith(data.folder) && String(dir) !== data.folder ? Promise.reject(refusal(code, String(dir))) : mkdir(dir, options),
    );
  }
  vi.spyOn(promises, 'open').mockImplementation(async (file, flags, mode) =>
    String(file).startsWith(data.folder) && typeof flags === 'number' && (flags & constants.O_CREAT) !== 0
      ? Promise.reject(refusal(code, String(file)))
      : open(file, flags, mode),
  );
}

// Registered after folderPerTest's, so it runs before the cores close (vitest runs afterEach hooks last first).
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a data folder whose disk refuses writes', () => {
  it('still lists accounts and reveals their keys when the lock cannot be taken', async () => {
    const account = await coreValues(newCore()).accounts.add(arr('Render'));
    diskRefuses('EROFS');
    const reader = newCore();
    expect(await coreValues(reader).vault.status()).toMatchObject({ state: 'open', secretCount: 1 });
    expect((await coreValues(reader).accounts.list()).map((a) => a.name)).toEqual(['Render']);
    expect(await coreValues(reader).accounts.reveal({ id: account.id, secret: 'primaryKey' })).toMatchObject({ value: key });
  });

  const says = {
    EROFS: /^The data folder is read-only: .*accounts\.lock could not be written/,
    ENOSPC: /^The disk is full: .*accounts\.lock could not be written/,
    EACCES: /permission denied on \/.*accounts\.lock/,
  } as const;
  for (const code of ['EROFS', 'ENOSPC', 'EACCES'] as const) {
    it(`says what the disk said (${code}) when a write cannot take the lock, never the keychain`, async () => {
      await coreValues(newCore()).accounts.add(arr('Render'));
      diskRefuses(code);
      const result = await coreApi(newCore()).accounts.add(arr('Render two'));
      expect(result).toMatchObject({ ok: false, error: { code: 'storage_failed', message: expect.stringMatching(says[code]) } });
      expect(JSON.stringify(result)).not.toMatch(/keychain/i);
    });
  }

  it('says the disk is full when the lock is taken but the vault file cannot be written', async () => {
    const core = newCore();
    const account = await coreValues(core).accounts.add(arr('Render'));
    diskRefuses('ENOSPC', 'write');
    const result = await coreApi(core).accounts.update({
      id: account.id,
      changes: { kind: 'arr', primaryKey: 'TkVXLXByaW1hcnkta2V5LXR3bw==' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'storage_failed', message: expect.stringMatching(/^The disk is full: .*vault\.bin/) },
    });
    vi.restoreAllMocks();
    expect(await coreValues(newCore()).accounts.reveal({ id: account.id, secret: 'primaryKey' })).toMatchObject({ value: key });
  });

  it('says the data folder is read-only, not that the keychain failed, when a new vault cannot be created there', async () => {
    diskRefuses('EROFS');
    const status = await coreValues(newCore()).vault.status();
    expect(status).toMatchObject({
      state: 'unavailable',
      problem: 'storage_failed',
      message: expect.stringMatching(/^The data folder is read-only/),
    });
    expect(JSON.stringify(status)).not.toMatch(/keychain/i);
  });
});
