import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../../shared/vault.ts';
import { whereKeysAreKept } from './where-keys-are-kept.ts';

const open = (mode: 'keychain' | 'passphrase' | 'memory'): VaultStatus => ({
  state: 'open',
  mode,
  location: null,
  secretCount: 0,
  quarantined: null,
});

describe('whereKeysAreKept', () => {
  it('names the OS keychain only when it holds the vault key', () => {
    expect(whereKeysAreKept(open('keychain'))).toContain('your OS keychain');
    expect(whereKeysAreKept(open('passphrase'))).not.toMatch(/keychain/i);
    expect(whereKeysAreKept({ state: 'locked', mode: 'passphrase', location: '/v' })).toContain('from your passphrase');
    expect(whereKeysAreKept(open('memory'))).not.toMatch(/keychain/i);
  });

  it('says a memory-only session is forgotten and not seen by the CLI', () => {
    expect(whereKeysAreKept(open('memory'))).toBe(
      'Keys are stored in memory for this session only: they are forgotten when the app closes, and the azcred CLI cannot read them.',
    );
  });

  it('offers the choice when the keychain cannot be used', () => {
    const text = whereKeysAreKept({
      state: 'unavailable',
      problem: 'no_secret_service',
      message: 'No Secret Service is running.',
      recordedMode: null,
    });
    expect(text).toContain('when you add a key, choose a passphrase vault');
    expect(text).not.toMatch(/your OS keychain/i);
    expect(text).toContain('or memory only for this session');
  });
});
