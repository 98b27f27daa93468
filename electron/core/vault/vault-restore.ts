import { promises as fs } from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import type { VaultBackupView } from '../../../shared/vault.ts';
import { writeFileAtomic } from '../platform/atomic-write.ts';
import { keepBackup, listBackups, madeBefore, pruneBackups, type VaultBackup } from './vault-backups.ts';
import { VaultFileError } from './vault-file.ts';
import { decryptOwn, readIfExists, type PersistedVault } from './vault-io.ts';
import { readVaultMetadata, updateVaultMetadata } from './vault-metadata.ts';

/** The backup generations, newest first, each with how many secrets it holds under this vault's key (never which). */
export async function describeBackups(vault: PersistedVault): Promise<VaultBackupView[]> {
  const quarantine = (await readVaultMetadata(vault.dataFolder))?.quarantine;
  const views: VaultBackupView[] = [];
  for (const backup of await listBackups(vault.dataFolder)) {
    const secrets = await readBackup(vault, backup).catch(() => null);
    views.push({
      name: backup.name,
      createdAt: backup.createdAt,
      secretCount: secrets?.size ?? null,
      beforeQuarantine: madeBefore(backup, quarantine),
    });
    secrets?.clear();
  }
  return views;
}

/**
 * Puts one backup back as the vault file (caller holds the vault lock): without a name, the newest
 * that opens with this vault's key, made before the pending quarantine if there is one. The current
 * file is first kept as another generation, then the backup's bytes replace it atomically, and the
 * quarantine counts as acknowledged. Returns what the vault now holds.
 */
export async function restoreBackup(
  vault: PersistedVault,
  name: string | undefined,
): Promise<{ secrets: Map<string, string>; bytes: Buffer; backup: VaultBackup }> {
  const metadata = (await readVaultMetadata(vault.dataFolder)) ?? vault.metadata;
  const backups = await listBackups(vault.dataFolder);
  const chosen =
    name === undefined ? await lastGoodBackup(vault, backups, metadata.quarantine) : backups.find((backup) => backup.name === name);
  if (!chosen) {
    throw new AppError(
      'not_found',
      name === undefined
        ? "There is no backup of the vault file that opens with this vault's key, so nothing was restored."
        : `There is no backup named ${name}. Run azcred vault backups, or open Settings → Secret storage, for the list.`,
    );
  }
  const bytes = await fs.readFile(chosen.path);
  let secrets: Map<string, string>;
  try {
    secrets = decryptOwn(vault, bytes);
  } catch (error) {
    if (!(error instanceof VaultFileError)) throw error;
    throw new AppError(
      'invalid_input',
      `The backup ${chosen.name} does not open with this vault's ${vault.metadata.mode === 'passphrase' ? 'passphrase' : 'key'} ` +
        `(${error.message}), so it was not restored; the vault is unchanged.`,
    );
  }
  const current = await readIfExists(vault.file);
  if (current) await keepBackup(vault.dataFolder, current, metadata.quarantine);
  await writeFileAtomic(vault.file, bytes);
  await acknowledgeQuarantine(vault);
  return { secrets, bytes, backup: chosen };
}

/** Forgets the pending quarantine (the moved file stays where it is), so backups are pruned as usual again. Caller holds the vault lock. */
export async function acknowledgeQuarantine(vault: PersistedVault): Promise<void> {
  const written = await updateVaultMetadata(vault.dataFolder, ({ quarantine: _acknowledged, ...rest }) => rest);
  if (written) vault.metadata = written;
  await pruneBackups(vault.dataFolder, undefined);
}

async function lastGoodBackup(
  vault: PersistedVault,
  backups: readonly VaultBackup[],
  quarantine: Parameters<typeof madeBefore>[1],
): Promise<VaultBackup | undefined> {
  const candidates = quarantine ? backups.filter((backup) => madeBefore(backup, quarantine)) : backups;
  for (const backup of candidates) {
    if (
      await readBackup(vault, backup).then(
        () => true,
        () => false,
      )
    )
      return backup;
  }
  return undefined;
}

async function readBackup(vault: PersistedVault, backup: VaultBackup): Promise<Map<string, string>> {
  return decryptOwn(vault, await fs.readFile(backup.path));
}
