import { describe, expect, it } from 'vitest';
import { newPassphraseProblems } from './new-passphrase.ts';

describe('a new passphrase', () => {
  it('is refused under the passphrase when it is too short, before the confirmation is looked at', () => {
    expect(newPassphraseProblems('short', 'other')).toEqual({ passphrase: 'Use at least 10 characters' });
  });

  it('is refused under the confirmation when the two differ', () => {
    expect(newPassphraseProblems('long enough 1', 'long enough 2')).toEqual({ confirm: 'The two passphrases differ' });
  });

  it('will do when it is long enough and typed the same twice', () => {
    expect(newPassphraseProblems('long enough 1', 'long enough 1')).toBeUndefined();
  });
});
