import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { callKeychain, defaultKeychainTimeoutMs, keychainAddonMissing, keychainError, keytarKeychain } from './keychain.ts';

// The messages keytar (libsecret) threw here, measured with no session bus, a dead bus address, a
// locked login collection and a Secret Service without a login keyring.
const measured = {
  noBus: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
  deadBus: 'Could not connect: No such file or directory',
  locked: 'Cannot create an item in a locked collection',
  noKeyring: 'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
};

describe('keychain error mapping', () => {
  it.each([
    [measured.noBus, 'no_secret_service', /No Secret Service is running/],
    [measured.deadBus, 'no_secret_service', /No Secret Service is running/],
    [measured.locked, 'keychain_locked', /keychain is locked/],
    [measured.noKeyring, 'keychain_no_keyring', /no default keyring/],
    ['User canceled the operation.', 'keychain_refused', /refused/],
    ['something unexpected', 'keychain_failed', /keychain failed/],
  ])('maps "%s" to %s with the fix and the other modes', (message, reason, words) => {
    const error = keychainError('reading the vault key', new Error(message), 1000);
    expect(error.reason).toBe(reason);
    expect(error.code).toBe('vault_unavailable');
    expect(error.message).toMatch(words);
    expect(error.message).toMatch(/passphrase vault or a memory-only session/);
    expect(error.message).not.toContain(message);
  });

  it('gives up on a call that never answers, within the timeout', async () => {
    const started = Date.now();
    const error = await callKeychain('reading the vault key', () => new Promise(() => {}), 150).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'keychain_timeout', message: expect.stringMatching(/did not answer within 0\.2 s/) });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('words every keychain failure exactly as docs/vault.md documents it', async () => {
    const documented = readFileSync(new URL('../../../docs/vault.md', import.meta.url), 'utf8');
    const causes = [measured.noBus, measured.locked, measured.noKeyring, 'User canceled the operation.', 'something unexpected'];
    const messages = causes.map((cause) => keychainError('reading the vault key', new Error(cause), defaultKeychainTimeoutMs).message);
    messages.push(keychainAddonMissing().message);
    vi.useFakeTimers();
    try {
      const timingOut = callKeychain('reading the vault key', () => new Promise<never>(() => {}), defaultKeychainTimeoutMs).catch(
        (e: unknown) => e as Error,
      );
      await vi.advanceTimersByTimeAsync(defaultKeychainTimeoutMs);
      messages.push((await timingOut).message);
    } finally {
      vi.useRealTimers();
    }
    for (const message of messages) expect(documented, message).toContain(`- ${message}\n`);
  });

  describe('without the native addon', () => {
    const expected = {
      reason: 'keychain_addon_missing',
      code: 'vault_unavailable',
      message: expect.stringMatching(/addon \(keytar\) is not built.*libsecret-1-dev.*npm run build:keychain.*passphrase vault/),
    };

    it('says the addon is missing when keytar is not installed (npm install --omit=optional)', async () => {
      const keychain = keytarKeychain('keytar-that-is-not-installed');
      await expect(callKeychain('reading the vault key', () => keychain.getPassword('s', 'a'), 1000)).rejects.toMatchObject(expected);
    });

    it('says the addon is missing when keytar is installed but its native part was never built', async () => {
      // keytar's own entry requires ../build/Release/keytar.node, which is what a machine without libsecret lacks.
      const folder = mkdtempSync(path.join(tmpdir(), 'keytar-unbuilt-'));
      try {
        mkdirSync(path.join(folder, 'lib'));
        writeFileSync(path.join(folder, 'lib', 'keytar.js'), "module.exports = require('../build/Release/keytar.node');\n");
        const keychain = keytarKeychain(path.join(folder, 'lib', 'keytar.js'));
        await expect(callKeychain('storing the vault key', () => keychain.setPassword('s', 'a', 'p'), 1000)).rejects.toMatchObject(
          expected,
        );
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});
