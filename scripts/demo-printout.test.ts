import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../shared/vault.ts';
import { cliLines, vaultLine } from './demo-printout.ts';

const folder = path.join(process.cwd(), '.demo', 'data');
const open = (mode: 'keychain' | 'passphrase' | 'memory'): VaultStatus => ({
  state: 'open',
  mode,
  location: null,
  secretCount: 3,
  quarantined: null,
});

describe('the demo printout', () => {
  it(
    'prints the CLI commands for a keychain vault as they are, and for a passphrase vault with the variable that carries the ' +
      'passphrase',
    () => {
      expect(cliLines(open('keychain'), folder)[0]).toBe(
        '  CLI on the same data: AZCRED_HOME=.demo/data node bin/azcred.js token arr Showroom',
      );
      expect(cliLines(open('keychain'), folder).join('\n')).not.toContain('AZCRED_VAULT_PASSPHRASE');
      for (const status of [open('passphrase'), { state: 'locked', mode: 'passphrase', location: folder } as const]) {
        const lines = cliLines(status, folder).join('\n');
        expect(lines).toContain('AZCRED_HOME=.demo/data node bin/azcred.js token arr Showroom');
        expect(lines).toContain('the CLI asks for it on a terminal, or reads it from AZCRED_VAULT_PASSPHRASE');
      }
    },
  );

  it('prints no CLI command the CLI cannot run: none for memory only, none before a vault is chosen', () => {
    expect(cliLines(open('memory'), folder)).toEqual([
      '  CLI         cannot read this vault: memory only lives in this process alone (for the CLI too, start the demo again ' +
        'with the keychain or a passphrase vault)',
    ]);
    const unavailable: VaultStatus = {
      state: 'unavailable',
      problem: 'no_secret_service',
      message: 'No Secret Service is running.',
      recordedMode: null,
    };
    expect(cliLines(unavailable, folder).join('\n')).not.toContain('bin/azcred.js');
    expect(vaultLine(unavailable, folder)).toContain(
      'a passphrase vault (the CLI can open it too) or memory only (the CLI cannot read it)',
    );
  });
});
