import path from 'node:path';
import type { VaultMode, VaultStatus } from '../../../shared/vault.ts';
import { keychainService } from '../../core/vault/keychain.ts';
import { vaultFileName } from '../../core/vault/vault-metadata.ts';
import type { CommandDef } from '../command.ts';
import { printJson } from '../format.ts';

/** What the OS keychain is called where azcred runs. */
function keychainName(platform: string): string {
  if (platform === 'darwin') return 'the macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'the OS keychain (Secret Service)';
}

/** Where the vault's key is, for each mode. Never the key. */
function keyPlace(mode: VaultMode, platform: string): string {
  if (mode === 'keychain') return `key in ${keychainName(platform)} under "${keychainService}"`;
  if (mode === 'passphrase') return 'key derived from your passphrase each time, stored nowhere';
  return 'key in memory only';
}

/** Where secrets are kept and whether they can be used now: the vault's mode, file and key, or why the keychain cannot be used. */
export function secretsPlace(status: VaultStatus, dataFolder: string, platform: string): { text: string; json: Record<string, unknown> } {
  const file = path.join(dataFolder, vaultFileName);
  if (status.state === 'unavailable') {
    const mode = status.recordedMode ?? 'keychain';
    return {
      text: `Secrets: cannot be used now. ${status.message}\n  ${mode} vault at ${file}, ${keyPlace(mode, platform)}`,
      json: { state: status.state, mode, file, key: keyPlace(mode, platform), problem: status.problem, message: status.message },
    };
  }
  if (status.mode === 'memory') {
    return {
      text: 'Secrets: a memory-only session: nothing is written to disk, and secrets are gone when azcred exits',
      json: { state: status.state, mode: status.mode, file: null, key: keyPlace('memory', platform) },
    };
  }
  const where = status.location ?? file;
  const locked = status.state === 'locked' ? ' (locked: azcred asks for the passphrase when a command needs a secret)' : '';
  // A damaged vault file moved aside stays reported, with its restore step, until acknowledged.
  const quarantined = status.state === 'open' && status.quarantined ? `\n  ${status.quarantined.message}` : '';
  return {
    text: `Secrets: ${status.mode} vault at ${where}, ${keyPlace(status.mode, platform)}${locked}${quarantined}`,
    json: {
      state: status.state,
      mode: status.mode,
      file: where,
      key: keyPlace(status.mode, platform),
      ...(status.state === 'open' && status.quarantined && { quarantined: status.quarantined }),
    },
  };
}

export const infoCommand: CommandDef = {
  name: 'info',
  summary: 'the version, the data folder and where secrets are kept',
  async run(context) {
    const info = await context.call('app.info');
    const secrets = secretsPlace(await context.call('vault.status'), info.dataFolder, info.platform);
    if (context.json) return context.io.out(printJson({ ...info, secrets: secrets.json }));
    context.io.out(
      `Azure Credential Manager ${info.version}\nData folder: ${info.dataFolder} ` +
        `(${info.dataFolderSource === 'AZCRED_HOME' ? 'from AZCRED_HOME' : 'default'})\n${secrets.text}`,
    );
  },
};
