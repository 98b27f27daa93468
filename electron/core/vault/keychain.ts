import { createRequire } from 'node:module';
import { VaultError } from './vault-error.ts';

/**
 * The three keychain calls the vault needs. Production uses keytar; unit tests use
 * `createMemoryKeychain()`. Shape after GitHub Desktop's token-store.
 */
export interface KeychainPort {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** The keychain service every vault key is stored under; the account is `vault-<id>`. */
export const keychainService = 'Azure Credential Manager';

/** The keychain account that holds a vault's key: named after the vault id, so data folders never collide. */
export function keychainAccount(id: string): string {
  return `vault-${id}`;
}

/** How long one keychain call may take before the vault gives up (a prompt nobody answers, a hung D-Bus). */
export const defaultKeychainTimeoutMs = 5_000;

/** The OS keychain through keytar, loaded on first use so the CLI and memory mode never load the native addon. */
export function keytarKeychain(moduleId = 'keytar'): KeychainPort {
  let keytar: KeychainPort | undefined;
  const load = (): KeychainPort => (keytar ??= loadKeytar(moduleId));
  return {
    getPassword: (service, account) => load().getPassword(service, account),
    setPassword: (service, account, password) => load().setPassword(service, account, password),
    deletePassword: (service, account) => load().deletePassword(service, account),
  };
}

/**
 * keytar is an optional dependency whose native part is built from source (scripts/keychain-addon.ts):
 * on a machine without libsecret's headers it is missing, which is said as what it is, not as a
 * keychain failure.
 */
function loadKeytar(moduleId: string): KeychainPort {
  try {
    return createRequire(import.meta.url)(moduleId) as KeychainPort;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw keychainAddonMissing();
    throw error;
  }
}

/** The one-line answer when keytar or its native part is not installed on this machine. */
export function keychainAddonMissing(): VaultError {
  return new VaultError(
    'keychain_addon_missing',
    `The OS keychain cannot be used: its addon (keytar) is not built on this machine. On Linux install libsecret-1-dev and run ` +
      `npm run build:keychain, ${otherModes}.`,
  );
}

/** An in-memory keychain for unit tests; `entries` is exposed so tests can damage or inspect it. */
export function createMemoryKeychain(): KeychainPort & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const key = (service: string, account: string): string => `${service}\u0000${account}`;
  return {
    entries,
    getPassword: async (service, account) => entries.get(key(service, account)) ?? null,
    setPassword: async (service, account, password) => void entries.set(key(service, account), password),
    deletePassword: async (service, account) => entries.delete(key(service, account)),
  };
}

const otherModes = 'or choose a passphrase vault or a memory-only session in Settings';

/**
 * Runs one keychain call with a deadline and turns every failure into a VaultError that names the
 * fix and the other modes. The underlying message is never shown: it is classified, not quoted.
 */
export async function callKeychain<T>(operation: string, call: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KeychainTimeout()), timeoutMs);
    // A hung keychain call must not keep the CLI alive after it has given up.
    timer.unref();
  });
  try {
    return await Promise.race([call(), deadline]);
  } catch (error) {
    throw keychainError(operation, error, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

class KeychainTimeout extends Error {}

/** Classifies what keytar threw, by the messages measured on Linux (libsecret) plus the macOS/Windows refusals. */
export function keychainError(operation: string, error: unknown, timeoutMs: number): VaultError {
  if (error instanceof VaultError) return error;
  if (error instanceof KeychainTimeout) {
    return new VaultError(
      'keychain_timeout',
      `The keychain did not answer within ${Math.round(timeoutMs / 100) / 10} s (${operation}); it may be waiting for an unlock ` +
        `prompt. Unlock it and retry, ${otherModes}.`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  // libsecret without a session bus: "Cannot autolaunch D-Bus without X11 $DISPLAY" (no
  // DBUS_SESSION_BUS_ADDRESS), "Could not connect: No such file or directory" (a dead bus address);
  // no provider on the bus: "The name org.freedesktop.secrets was not provided by any .service files".
  if (
    /autolaunch D-Bus|Could not connect|not provided by any \.service|ServiceUnknown|No such interface|org\.freedesktop\.DBus\.Error\.(NoReply|Disconnected)/i.test(
      message,
    )
  ) {
    return new VaultError('no_secret_service', `No Secret Service is running (gnome-keyring or KWallet). Start one, ${otherModes}.`);
  }
  // gnome-keyring with its collection locked and no prompter: "Cannot create an item in a locked collection".
  if (/locked/i.test(message)) {
    return new VaultError(
      'keychain_locked',
      `The keychain is locked. Unlock it (for example by signing in again or in Passwords and Keys) and retry, ${otherModes}.`,
    );
  }
  // A Secret Service with no default keyring: "Object does not exist at path “/org/freedesktop/secrets/collection/login”".
  if (/Object does not exist at path/i.test(message)) {
    return new VaultError(
      'keychain_no_keyring',
      `The Secret Service has no default keyring to store the vault key in. Create one (for example the "login" keyring in ` +
        `Passwords and Keys) and retry, ${otherModes}.`,
    );
  }
  // A dismissed prompt or a denied access (macOS errSecAuthFailed / user canceled, Windows access denied).
  if (/dismiss|cancel|denied|not allowed|authoriz|auth failed|not permitted/i.test(message)) {
    return new VaultError(
      'keychain_refused',
      `The keychain refused access to the vault key (${operation}). Allow access and retry, ${otherModes}.`,
    );
  }
  return new VaultError('keychain_failed', `The keychain failed (${operation}). Retry, ${otherModes}.`);
}
