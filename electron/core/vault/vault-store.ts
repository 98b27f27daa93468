import { AppError } from '../../../shared/errors.ts';
import type { VaultBackupView, VaultMode } from '../../../shared/vault.ts';
import { removeOrphanedTempFiles } from '../platform/atomic-write.ts';
import { listBackups, removeOrphanedBackupTemps } from './vault-backups.ts';
import { withVaultLock } from './vault-lock.ts';
import { encryptVault, VaultFileError } from './vault-file.ts';
import {
  decryptOwn,
  loadSecrets,
  quarantineNotice,
  readIfExists,
  saveSecrets,
  type PersistedVault,
  type QuarantineNotice,
} from './vault-io.ts';
import { metadataName, readVaultMetadata, vaultFileName } from './vault-metadata.ts';
import { acknowledgeQuarantine, describeBackups, restoreBackup } from './vault-restore.ts';

/** What the UI may show about the vault: never a secret. */
export interface VaultInfo {
  mode: VaultMode;
  /** The vault file, or null for a memory-only session. */
  location: string | null;
  id: string;
  secretCount: number;
  /** Set while a file found unreadable (by this process or another) and moved aside is not acknowledged. */
  quarantined: QuarantineNotice | null;
}

/** The unlocked vault: secrets by name (e.g. `account/<id>/primaryKey`), read from memory, written through to the file. */
export interface Vault {
  info(): VaultInfo;
  get(name: string): string | undefined;
  /** Secret names, sorted; optionally only those starting with `prefix`. */
  names(prefix?: string): string[];
  set(name: string, value: string): Promise<void>;
  /** Sets several secrets in one locked write. */
  setMany(entries: Iterable<readonly [string, string]> | Record<string, string>): Promise<void>;
  /** Returns whether the secret existed. */
  delete(name: string): Promise<boolean>;
  /** Deletes every secret whose name starts with `prefix` (e.g. `account/<id>/`); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Re-reads the file, picking up other processes' writes; without the lock unless the file must be moved aside. */
  reload(): Promise<void>;
  /** Reads the data folder's record again, so `info().quarantined` shows another process's quarantine or acknowledgement. */
  refresh(): Promise<void>;
  /** The backup generations, newest first. */
  backups(): Promise<VaultBackupView[]>;
  /** Restores a backup over the vault file (the last good one without a name); the current file is kept as a generation. */
  restore(name?: string): Promise<void>;
  /** The user has seen the quarantine: backups made before it may be pruned again. */
  acknowledgeQuarantine(): Promise<void>;
  /** Forgets the key and the secrets; later calls fail. */
  close(): void;
}

const maxNameLength = 512;
// The MSAL token cache is the largest expected value; a few MiB leaves room without inviting abuse.
const maxValueLength = 8 * 1024 * 1024;

function checkName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > maxNameLength || [...name].some((c) => c.charCodeAt(0) < 0x20)) {
    throw new AppError('invalid_input', `A secret name must be 1 to ${maxNameLength} printable characters.`);
  }
}

function checkValue(value: string): void {
  if (typeof value !== 'string' || value.length > maxValueLength) {
    throw new AppError('invalid_input', 'A secret value must be a string of at most 8 MiB.');
  }
}

/** Builds the Vault object over an in-memory map, writing through to the file when `persisted` is given. */
export async function createVault(state: {
  mode: VaultInfo['mode'];
  id: string;
  secrets: Map<string, string>;
  persisted?: PersistedVault;
  seenBytes?: Buffer | null;
}): Promise<Vault> {
  let secrets = state.secrets;
  let quarantined: QuarantineNotice | null = null;
  let closed = false;
  let swept = false;
  const persisted = state.persisted;

  const open = (): void => {
    if (closed) throw new AppError('vault_unavailable', 'The vault is closed.');
  };

  // The file's bytes as this handle last read or wrote them. Every write encrypts with a fresh IV,
  // so equal bytes mean unchanged secrets: the file is read, but not locked or decrypted again.
  let seenBytes: Buffer | null = state.seenBytes ?? null;

  /** The notice follows the data folder's record: a quarantine stays shown, in every process, until acknowledged. */
  const noticeFrom = async (file: PersistedVault): Promise<void> => {
    const pending = file.metadata.quarantine;
    quarantined = pending ? quarantineNotice(file.file, pending, (await listBackups(file.dataFolder)).length > 0) : null;
  };

  /** The file's current secrets; decrypted again only when another process wrote the file. Caller holds the lock. */
  const current = async (file: PersistedVault): Promise<Map<string, string>> => {
    const bytes = await readIfExists(file.file);
    if (bytes && seenBytes?.equals(bytes)) return new Map(secrets);
    const loaded = await loadSecrets(file, bytes);
    if (loaded.quarantined) await noticeFrom(file);
    seenBytes = loaded.quarantined ? null : bytes;
    return loaded.secrets;
  };

  /** Runs `work` under the vault lock; the first time, also removes what a killed writer left. */
  const locked = <T>(file: PersistedVault, work: () => Promise<T>): Promise<T> =>
    withVaultLock(file.dataFolder, async () => {
      if (!swept) {
        // A writer killed between its temp file and the rename left encrypted secrets outside the vault file.
        await removeOrphanedTempFiles(file.dataFolder, [vaultFileName, `${vaultFileName}.bak`, metadataName]);
        await removeOrphanedBackupTemps(file.dataFolder);
        swept = true;
      }
      return work();
    });

  /** Read-modify-write under the lock, on the file's current content, so concurrent writers never lose each other's changes. */
  const change = async <T>(apply: (current: Map<string, string>) => T): Promise<T> => {
    open();
    if (!persisted) return apply(secrets);
    return locked(persisted, async () => {
      const next = await current(persisted);
      const result = apply(next);
      const bytes = encryptVault(persisted.header, persisted.key, next);
      await saveSecrets(persisted, bytes);
      secrets = next;
      seenBytes = bytes;
      return result;
    });
  };

  const withPersisted = async (work: (file: PersistedVault) => Promise<void>): Promise<void> => {
    open();
    if (persisted) await work(persisted);
  };

  if (persisted) await noticeFrom(persisted);
  return {
    info: () => ({
      mode: state.mode,
      location: persisted?.file ?? null,
      id: state.id,
      secretCount: secrets.size,
      quarantined,
    }),
    get: (name) => (open(), secrets.get(name)),
    names: (prefix = '') => (open(), [...secrets.keys()].filter((name) => name.startsWith(prefix)).sort()),
    set: async (name, value) => {
      checkName(name);
      checkValue(value);
      await change((current) => void current.set(name, value));
    },
    setMany: async (entries) => {
      const list = Symbol.iterator in entries ? [...(entries as Iterable<readonly [string, string]>)] : Object.entries(entries);
      for (const [name, value] of list) {
        checkName(name);
        checkValue(value);
      }
      await change((current) => list.forEach(([name, value]) => current.set(name, value)));
    },
    delete: (name) => change((current) => current.delete(name)),
    deletePrefix: (prefix) =>
      change((current) => {
        const doomed = [...current.keys()].filter((name) => name.startsWith(prefix));
        doomed.forEach((name) => current.delete(name));
        return doomed.length;
      }),
    reload: () =>
      withPersisted(async (file) => {
        // The MSAL cache plugin reloads before every token lookup: most of the time nothing changed.
        const bytes = await readIfExists(file.file);
        if (bytes && seenBytes?.equals(bytes)) return;
        // Writers replace the file by rename, so a read sees a whole file: no lock, which also keeps
        // reading working on a full or read-only disk. Only a file that must be moved aside takes it.
        try {
          secrets = bytes ? decryptOwn(file, bytes) : new Map();
          seenBytes = bytes;
          return;
        } catch (error) {
          if (!(error instanceof VaultFileError)) throw error;
        }
        await locked(file, async () => {
          secrets = await current(file);
        });
      }),
    refresh: () =>
      withPersisted(async (file) => {
        file.metadata = (await readVaultMetadata(file.dataFolder)) ?? file.metadata;
        await noticeFrom(file);
      }),
    backups: async () => {
      open();
      return persisted ? describeBackups(persisted) : [];
    },
    restore: (name) =>
      withPersisted((file) =>
        locked(file, async () => {
          const restored = await restoreBackup(file, name);
          secrets = restored.secrets;
          seenBytes = restored.bytes;
          await noticeFrom(file);
        }),
      ),
    acknowledgeQuarantine: () =>
      withPersisted((file) =>
        locked(file, async () => {
          await acknowledgeQuarantine(file);
          await noticeFrom(file);
        }),
      ),
    close: () => {
      closed = true;
      secrets = new Map();
      persisted?.key.fill(0);
    },
  };
}
