/**
 * electron/core/: the runtime-agnostic core every front door calls, in layers imported only downward:
 * platform/, then azure/, then the domains (vault/; accounts/ and entra/; arm/ and tokens/), then this
 * file, which composes them, and api.ts, which validates and routes each contract method (dispatch).
 * Nothing here imports `electron` or a front door. docs/architecture.md draws it; eslint.config.js
 * holds it.
 */

import { mkdirSync } from 'node:fs';
import type { RunMode } from '../../shared/contract.ts';
import { AccountsStore } from './accounts/accounts-store.ts';
import { ArmService } from './arm/arm-service.ts';
import type { ClipboardPort } from './platform/clipboard.ts';
import { ClipboardGuard } from './platform/clipboard-guard.ts';
import { CloudsStore } from './azure/clouds-store.ts';
import type { DataFolder } from './platform/data-folder.ts';
import { EntraService } from './entra/entra-service.ts';
import { watchDataFolder } from './platform/data-folder-watch.ts';
import { EventHub } from './platform/event-hub.ts';
import { CallOperations } from './platform/call-operations.ts';
import { AccessLog } from './platform/access-log.ts';
import { SettingsStore } from './platform/settings-store.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { ExpiryNotifier } from './tokens/expiry-notifier.ts';
import { retryRuntime, type RetryOverrides } from './azure/azure-retry.ts';
import { TokensService } from './tokens/tokens-service.ts';
import type { KeychainPort } from './vault/keychain.ts';
import type { ScryptParams } from './vault/vault-file.ts';
import { VaultSession } from './vault/vault-session.ts';

/** What differs between front doors, passed in so the core never imports `electron`. */
export interface CoreOptions {
  mode: RunMode;
  dataFolder: DataFolder;
  version: string;
  /** Extra runtime versions to report (Electron and Chrome inside the desktop app). */
  runtime?: { electron?: string; chrome?: string };
  /** How the vault reaches the keychain; tests pass `createMemoryKeychain()` and a low scrypt cost. */
  vault?: { keychain?: KeychainPort; keychainTimeoutMs?: number; scryptParams?: ScryptParams };
  /** What the front door's platform provides: the desktop app's clipboard (browser mode copies in the page). */
  platform?: {
    clipboard?: ClipboardPort;
    /** Opens an https URL in the system browser (desktop app); browser mode opens sign-in pages from the page. */
    openBrowser?: (url: string) => Promise<void>;
    /**
     * Shows an OS notification (desktop app): the token named is about to expire (its id lets the
     * notification offer Refresh now and Copy). Browser mode warns in the page instead.
     */
    notify?: (title: string, body: string, token: { id: string }) => void;
  };
  /** How long an interactive sign-in waits for the browser; 5 minutes unless a test shortens it. */
  signInTimeoutMs?: number;
  /** For the access log: the CLI's command line (argument names only, never a value that could be secret). */
  caller?: { command?: string };
  /** Tests replace the token registry's clock (expiry, auto-refresh) and the waits of the retry policy every Azure call shares. */
  tokens?: { clock?: Clock; retry?: RetryOverrides };
}

/** The services behind the contract, created once per process. */
export interface Core {
  options: CoreOptions;
  settings: SettingsStore;
  /** Every credential this process hands out is recorded here (no values): `azcred log`, the Activity page. */
  activity: AccessLog;
  /** The process's one vault, opened by the first call that needs it. */
  vault: VaultSession;
  accounts: AccountsStore;
  clouds: CloudsStore;
  entra: EntraService;
  /** Present when the front door has a clipboard the core may write. */
  clipboard: ClipboardGuard | undefined;
  /** Minted tokens (ARR, ACS, Entra), remembered ACS identities, the ARR test and the ACS request signer. */
  tokens: TokensService;
  /** Azure Resource Manager: resource discovery and import, the role audit, key rotation. */
  arm: ArmService;
  /**
   * What changed, for the front doors to carry to their windows (IPC events, Server-Sent Events):
   * this process's token changes and expiry warnings, and changes another process (the CLI) made
   * to the data folder's metadata files.
   */
  events: Pick<EventHub, 'subscribe'>;
  /** Every long call under way, by the operationId its caller named it with: `calls.cancel` stops it, and closing stops them all. */
  calls: CallOperations;
  /** On quit: clears the clipboard if it still holds a copied secret, and closes the vault. */
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const dataFolder = options.dataFolder.path;
  mkdirSync(dataFolder, { recursive: true, mode: 0o700 });
  const hub = new EventHub();
  const calls = new CallOperations();
  const emit = hub.emit.bind(hub);
  const vault = new VaultSession({ dataFolder, ...options.vault, onChange: (state) => emit({ type: 'vault.changed', state }) });
  const clipboard = options.platform?.clipboard ? new ClipboardGuard(options.platform.clipboard) : undefined;
  const settings = new SettingsStore(dataFolder);
  const clouds = new CloudsStore(dataFolder);
  const activity = new AccessLog({
    dataFolder,
    recipient: { front: options.mode, pid: process.pid, ...(options.caller?.command ? { command: options.caller.command } : {}) },
  });
  const entra = new EntraService({
    dataFolder,
    vault: () => vault.require(),
    clouds,
    defaultCloud: () => settings.get().defaultCloud,
    ...(options.platform?.openBrowser ? { openBrowser: options.platform.openBrowser } : {}),
    ...(options.signInTimeoutMs ? { signInTimeoutMs: options.signInTimeoutMs } : {}),
    calls,
  });
  const accounts = new AccountsStore({
    dataFolder,
    vault,
    knownClouds: () => clouds.list().map((cloud) => cloud.name),
    keyRotationReminderDays: () => settings.get().keyRotationReminderDays,
  });
  // One retry policy for every call to Azure: the token features and Resource Manager.
  const runtime = retryRuntime(options.tokens?.retry);
  const tokens = new TokensService({
    dataFolder,
    vault,
    accounts,
    clouds,
    entra,
    settings,
    clipboard,
    clock: options.tokens?.clock,
    runtime,
    emit,
    onListed: () => tokensListed(),
  });
  const expiry = new ExpiryNotifier({
    clock: options.tokens?.clock ?? systemClock,
    list: () => tokens.list(),
    warningMinutes: () => settings.get().expiryWarningMinutes,
    notify: options.platform?.notify,
    emit,
  });
  // A token minted or changed is looked at now, not at the notifier's next look: one inside its warning time is warned about at once.
  let expiryStarted = false;
  const startExpiry = () => {
    if (expiryStarted || closed) return;
    expiryStarted = true;
    expiry.start();
    hub.subscribe((event) => event.type === 'tokens.changed' && void expiry.scan());
  };
  // Watching starts with the first listener (a window), so a CLI run that only calls the core pays nothing for it.
  let watch: ReturnType<typeof watchDataFolder> | undefined;
  let closed = false;
  // Browser mode warns in the page, on the Tokens page, which reads the token list first: its warnings start once a window listens
  // and the list has been read, so a window that never shows tokens does not make the host load every kept token (npm run bench,
  // host RSS). The desktop app warns through the OS from the start.
  let listening = false;
  let listed = false;
  const tokensListed = () => {
    listed = true;
    if (listening && !options.platform?.notify) startExpiry();
  };
  const listen = () => {
    if (watch || closed) return;
    listening = true;
    watch = watchDataFolder({ folder: dataFolder, emit });
    if (listed && !options.platform?.notify) startExpiry();
  };
  if (options.platform?.notify) startExpiry();
  return {
    options,
    settings,
    activity,
    calls,
    vault,
    accounts,
    clouds,
    entra,
    clipboard,
    tokens,
    arm: new ArmService({ accounts, clouds, entra, vault, runtime, dataFolder }),
    events: {
      subscribe: (listener) => {
        listen();
        return hub.subscribe(listener);
      },
    },
    close: async () => {
      closed = true;
      calls.close();
      watch?.close();
      expiry.stop();
      tokens.close();
      entra.close();
      try {
        await clipboard?.clearNow();
      } finally {
        vault.close();
      }
    },
  };
}
