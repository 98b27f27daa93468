import { AppError } from '../../../shared/errors.ts';
import { withVaultLock } from './vault-lock.ts';
import { encryptVault, type VaultHeader } from './vault-file.ts';
import { loadSecrets, readIfExists, saveSecrets } from './vault-io.ts';
import type { VaultMetadata } from './vault-metadata.ts';

/** A file that could not be decrypted or parsed and was moved aside, for the UI to explain. */
export interface QuarantineNotice {
  /** Where the unreadable file now is, byte for byte as it was. */
  path: string;
  problem: 'damaged' | 'wrong_key';
  /** What happened and what to do, in words for the user. */
  message: string;
}

/** What the UI may show about the vault: never a secret. */
export interface VaultInfo {
  mode: 'keychain' | 'passphrase' | 'memory';
  /** The vault file, or null for a memory-only session. */
  location: string | null;
  id: string;
  secretCount: number;
  /** Set when opening (or a later write) found an unreadable file and moved it aside. */
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
  /** Re-reads the file, picking up other processes' writes. */
  reload(): Promise<void>;
  /** Forgets the key and the secrets; later calls fail. */
  close(): void;
}

/** What a file-backed vault needs to read and write its file. */
export interface PersistedVault {
  dataFolder: string;
  file: string;
  metadata: VaultMetadata;
  key: Buffer;
  header: VaultHeader;
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
export function createVault(state: {
  mode: VaultInfo['mode'];
  id: string;
  secrets: Map<string, string>;
  persisted?: PersistedVault;
  quarantined?: QuarantineNotice | null;
}): Vault {
  let secrets = state.secrets;
  let quarantined = state.quarantined ?? null;
  let closed = false;
  const persisted = state.persisted;

  const open = (): void => {
    if (closed) throw new AppError('vault_unavailable', 'The vault is closed.');
  };

  // The file's bytes as this handle last read or wrote them. Every write encrypts with a fresh IV,
  // so equal bytes mean unchanged secrets: the file is read, but not locked or decrypted again.
  let seenBytes: Buffer | null = null;

  /** The file's current secrets; decrypted again only when another process wrote the file. Caller holds the lock. */
  const current = async (file: PersistedVault): Promise<Map<string, string>> => {
    const bytes = await readIfExists(file.file);
    if (bytes && seenBytes?.equals(bytes)) return new Map(secrets);
    const loaded = await loadSecrets(file, bytes);
    if (loaded.quarantined) quarantined = loaded.quarantined;
    seenBytes = loaded.quarantined ? null : bytes;
    return loaded.secrets;
  };

  /** Read-modify-write under the lock, on the file's current content, so concurrent writers never lose each other's changes. */
  const change = async <T>(apply: (current: Map<string, string>) => T): Promise<T> => {
    open();
    if (!persisted) return apply(secrets);
    return withVaultLock(persisted.dataFolder, async () => {
      const next = await current(persisted);
      const result = apply(next);
      const bytes = encryptVault(persisted.header, persisted.key, next);
      await saveSecrets(persisted, bytes);
      secrets = next;
      seenBytes = bytes;
      return result;
    });
  };

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
    reload: async () => {
      open();
      if (!persisted) return;
      // The MSAL cache plugin reloads before every token lookup: most of the time nothing changed.
      const bytes = await readIfExists(persisted.file);
      if (bytes && seenBytes?.equals(bytes)) return;
      await withVaultLock(persisted.dataFolder, async () => {
        secrets = await current(persisted);
      });
    },
    close: () => {
      closed = true;
      secrets = new Map();
      persisted?.key.fill(0);
    },
  };
}
