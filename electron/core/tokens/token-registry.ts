import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import { notRefreshableMessage, type TokenKind, type TokenSource, type TokenStatus, type TokenView } from '../../../shared/tokens.ts';
import type { TokensChangeReason } from '../../../shared/events.ts';
import { log } from '../platform/log.ts';
import type { Vault } from '../vault/vault.ts';
import { newestFirst } from '../../../shared/newest-first.ts';
import type { Clock, TimerHandle } from '../platform/clock.ts';
import { changeKeptTokens, forgetKeptTokens, readKeptTokens } from './kept-tokens-file.ts';
import { identitiesBehind, isStale, tokenSecretName, type MintedToken, type MintRecipe, type TokenRecord } from './token-record.ts';

export interface TokenRegistryDeps {
  dataFolder: string;
  /** The open vault (for kept tokens), or a vault_unavailable error. */
  vault: () => Promise<Vault>;
  clock: Clock;
  /** Minutes before expiry at which a token counts as expiring (Settings). */
  warningMinutes: () => number;
  /** Mints again from a recipe (auto-refresh). */
  remint: (recipe: MintRecipe, signal: AbortSignal) => Promise<MintedToken>;
  /** The ids of the identities signed in now (any process may sign one out), or undefined when the list cannot be read. */
  signedIn: () => Promise<ReadonlySet<string> | undefined>;
  /** Announces a change to the list (the core's event stream); windows then list the tokens again. */
  changed?: (reason: TokensChangeReason, ids: string[]) => void;
}

interface Entry {
  record: TokenRecord;
  /** The value, in this process's memory; undefined for a kept token not read from the vault yet. */
  value: string | undefined;
  kept: boolean;
  timer: TimerHandle | undefined;
  nextRefreshAt: number | undefined;
  failures: number;
}

export interface NewToken {
  kind: TokenKind;
  title: string;
  source: TokenSource;
  recipe: MintRecipe | null;
  minted: MintedToken;
}

/** Refresh retries after a failure, this far apart, at most this many times in a row. */
const retryAfterFailureMs = 60_000;
const maxFailures = 5;
// MSAL hands back its cached token until 5 minutes before expiry, so an Entra re-mint must come later than that.
const msalRenewalWindowMs = 4 * 60_000;

/**
 * Every token minted in this process, and the kept ones of any process: metadata in memory (and in
 * `tokens.json` when kept), values in memory only (and in the vault when kept). Auto-refresh
 * re-mints a token before it expires, on the injected clock. A token expired for a day (and not
 * auto-refreshed), or minted through an identity no longer signed in (another process signed it
 * out, or an older version left it), is let go at the next read of `tokens.json`, kept or not.
 */
export class TokenRegistry {
  readonly #deps: TokenRegistryDeps;
  readonly #entries = new Map<string, Entry>();
  readonly #closing = new AbortController();

  constructor(deps: TokenRegistryDeps) {
    this.#deps = deps;
  }

  async add(token: NewToken, options: { keep: boolean; autoRefresh: boolean }): Promise<TokenView> {
    if (options.autoRefresh && !token.recipe) throw notRefreshable();
    const { minted } = token;
    const record: TokenRecord = {
      id: randomUUID(),
      kind: token.kind,
      title: token.title,
      source: token.source,
      scopes: minted.scopes,
      audience: minted.audience,
      issuedAt: minted.issuedAt.toISOString(),
      expiresAt: minted.expiresAt.toISOString(),
      revoked: false,
      revokedAt: null,
      autoRefresh: options.autoRefresh,
      recipe: token.recipe,
      lastRefresh: null,
    };
    const entry: Entry = { record, value: minted.value, kept: false, timer: undefined, nextRefreshAt: undefined, failures: 0 };
    this.#entries.set(record.id, entry);
    if (options.keep) await this.#keep(entry);
    this.#schedule(entry);
    this.#changed('added', [record.id]);
    return this.#view(entry);
  }

  /** Every token, newest first; kept tokens of other processes (or earlier runs) are read in first. */
  async list(): Promise<TokenView[]> {
    await this.#sync();
    // Settings are read once for the list, not once per token.
    const warningMs = this.#warningMs();
    return newestFirst(this.#entries.values(), (entry) => entry.record.issuedAt).map((entry) => this.#view(entry, warningMs));
  }

  async view(id: string): Promise<TokenView> {
    return this.#view(await this.#entry(id));
  }

  async record(id: string): Promise<TokenRecord> {
    return (await this.#entry(id)).record;
  }

  /** The token itself, on an explicit request (reveal, copy, export). */
  async value(id: string): Promise<string> {
    const entry = await this.#entry(id);
    if (entry.value !== undefined) return entry.value;
    const vault = await this.#deps.vault();
    let value = vault.get(tokenSecretName(id));
    if (value === undefined) {
      await vault.reload();
      value = vault.get(tokenSecretName(id));
    }
    if (value === undefined)
      throw new AppError(
        'not_found',
        `The value of "${entry.record.title}" is missing from the vault (the vault file was damaged and moved aside). Remove it ` +
          `and mint a new one.`,
      );
    entry.value = value;
    return value;
  }

  async remove(id: string): Promise<void> {
    const entry = await this.#entry(id);
    this.#unschedule(entry);
    this.#entries.delete(id);
    if (entry.kept) await this.#unkeep(entry);
    this.#changed('removed', [id]);
  }

  async setKept(id: string, keep: boolean): Promise<TokenView> {
    const entry = await this.#entry(id);
    if (keep && !entry.kept) await this.#keep(entry);
    if (!keep && entry.kept) {
      await this.value(id); // stays in memory for the rest of this session
      await this.#unkeep(entry);
    }
    this.#changed('changed', [id]);
    return this.#view(entry);
  }

  async setAutoRefresh(id: string, on: boolean): Promise<TokenView> {
    const entry = await this.#entry(id);
    if (on && !entry.record.recipe) throw notRefreshable();
    if (on && entry.record.revoked) throw new AppError('invalid_input', 'A revoked token cannot be refreshed: mint a new one.');
    entry.record.autoRefresh = on;
    entry.failures = 0;
    this.#schedule(entry);
    await this.#persist(entry);
    this.#changed('changed', [id]);
    return this.#view(entry);
  }

  /** Marks every token `matches` picks as revoked (now) and stops refreshing them; returns them. */
  async markRevoked(matches: (record: TokenRecord) => boolean): Promise<TokenView[]> {
    await this.#sync();
    const at = new Date(this.#deps.clock.now()).toISOString();
    const hit = [...this.#entries.values()].filter((entry) => !entry.record.revoked && matches(entry.record));
    for (const entry of hit) {
      Object.assign(entry.record, { revoked: true, revokedAt: at, autoRefresh: false });
      this.#unschedule(entry);
      await this.#persist(entry);
    }
    if (hit.length)
      this.#changed(
        'revoked',
        hit.map((entry) => entry.record.id),
      );
    const warningMs = this.#warningMs();
    return hit.map((entry) => this.#view(entry, warningMs));
  }

  /** Forgets every token `matches` picks, wherever it is held: this process's memory, `tokens.json` and the vault. Returns them as they
   * were. */
  async forget(matches: (record: TokenRecord) => boolean): Promise<TokenView[]> {
    await this.#sync();
    const vault = await this.#deps.vault();
    const warningMs = this.#warningMs();
    const hit = [...this.#entries.values()].filter((entry) => matches(entry.record));
    for (const entry of hit) this.#drop(entry);
    // Also what another process kept after the read above.
    const forgotten = new Set(await forgetKeptTokens(this.#deps.dataFolder, vault, matches));
    for (const entry of hit) if (entry.kept && !forgotten.has(entry.record.id)) await vault.delete(tokenSecretName(entry.record.id));
    if (hit.length || forgotten.size) this.#changed('removed', [...new Set([...hit.map((entry) => entry.record.id), ...forgotten])]);
    return hit.map((entry) => ({ ...this.#view(entry, warningMs), kept: false, hasValue: false }));
  }

  /** Tokens that are still good for `minMs` and match: a test reuses one rather than minting another. */
  async findUsable(matches: (record: TokenRecord) => boolean, minMs: number): Promise<TokenRecord | undefined> {
    await this.#sync();
    const now = this.#deps.clock.now();
    const usable = [...this.#entries.values()].filter(
      (e) => !e.record.revoked && Date.parse(e.record.expiresAt) - now > minMs && matches(e.record),
    );
    return usable.sort((a, b) => b.record.expiresAt.localeCompare(a.record.expiresAt))[0]?.record;
  }

  close(): void {
    this.#closing.abort();
    for (const entry of this.#entries.values()) this.#unschedule(entry);
  }

  async #entry(id: string): Promise<Entry> {
    if (!this.#entries.has(id)) await this.#sync();
    const entry = this.#entries.get(id);
    if (!entry)
      throw new AppError('not_found', 'That token is not in the list any more: it was removed, or it was not kept when the app restarted.');
    return entry;
  }

  /** Reads `tokens.json`: kept tokens this process has not seen join the list; ones another process let go stop being kept here; gone
   * ones (#goneAt) are let go. */
  async #sync(): Promise<void> {
    const gone = await this.#goneAt(this.#deps.clock.now());
    let records = await readKeptTokens(this.#deps.dataFolder);
    if (records.some(gone) && (await this.#pruneKept(gone))) records = records.filter((record) => !gone(record));
    const onFile = new Set(records.map((r) => r.id));
    for (const record of records) {
      const entry = this.#entries.get(record.id);
      if (entry) {
        entry.kept = true;
        continue;
      }
      const loaded: Entry = { record, value: undefined, kept: true, timer: undefined, nextRefreshAt: undefined, failures: 0 };
      this.#entries.set(record.id, loaded);
      this.#schedule(loaded);
    }
    for (const entry of this.#entries.values()) {
      if (!entry.kept || onFile.has(entry.record.id)) continue;
      entry.kept = false;
      if (entry.value === undefined) {
        this.#unschedule(entry);
        this.#entries.delete(entry.record.id);
      }
    }
    for (const entry of this.#entries.values()) if (!entry.kept && gone(entry.record)) this.#drop(entry);
  }

  /** What the registry lets go of: stale tokens, and tokens of an identity no longer signed in (when the identity list can be read). */
  async #goneAt(now: number): Promise<(record: TokenRecord) => boolean> {
    const signedIn = await this.#deps.signedIn();
    return (record) => isStale(record, now) || (signedIn !== undefined && identitiesBehind(record).some((id) => !signedIn.has(id)));
  }

  /** Lets go of the kept tokens `gone` picks; false (try at a later read) when the vault cannot be opened to take their values out. */
  async #pruneKept(gone: (record: TokenRecord) => boolean): Promise<boolean> {
    let vault: Vault;
    try {
      vault = await this.#deps.vault();
    } catch {
      return false;
    }
    await forgetKeptTokens(this.#deps.dataFolder, vault, gone);
    return true;
  }

  #drop(entry: Entry): void {
    this.#unschedule(entry);
    this.#entries.delete(entry.record.id);
  }

  async #keep(entry: Entry): Promise<void> {
    const vault = await this.#deps.vault();
    await vault.set(tokenSecretName(entry.record.id), entry.value ?? (await this.value(entry.record.id)));
    entry.kept = true;
    await changeKeptTokens(this.#deps.dataFolder, (records) => [...records.filter((r) => r.id !== entry.record.id), entry.record]);
  }

  async #unkeep(entry: Entry): Promise<void> {
    entry.kept = false;
    await changeKeptTokens(this.#deps.dataFolder, (records) => records.filter((r) => r.id !== entry.record.id));
    await (await this.#deps.vault()).delete(tokenSecretName(entry.record.id));
  }

  /** Writes a kept token's changed metadata (and value, when `value` is given). */
  async #persist(entry: Entry, value?: string, record: TokenRecord = entry.record): Promise<void> {
    if (!entry.kept) return;
    if (value !== undefined) await (await this.#deps.vault()).set(tokenSecretName(record.id), value);
    await changeKeptTokens(this.#deps.dataFolder, (records) => records.map((r) => (r.id === record.id ? record : r)));
  }

  #schedule(entry: Entry): void {
    this.#unschedule(entry);
    const { record } = entry;
    if (!record.autoRefresh || record.revoked || !record.recipe || entry.failures >= maxFailures || this.#closing.signal.aborted) return;
    const now = this.#deps.clock.now();
    const due = entry.failures > 0 ? now + retryAfterFailureMs : Date.parse(record.expiresAt) - this.#lead(record);
    const delay = Math.max(0, due - now);
    entry.nextRefreshAt = now + delay;
    entry.timer = this.#deps.clock.setTimer(() => void this.#refresh(entry), delay);
  }

  #unschedule(entry: Entry): void {
    if (entry.timer) this.#deps.clock.clearTimer(entry.timer);
    entry.timer = undefined;
    entry.nextRefreshAt = undefined;
  }

  /** How long before expiry to re-mint: the warning time, but at most half the lifetime (and inside MSAL's renewal window for Entra). */
  #lead(record: TokenRecord): number {
    const lifetime = Date.parse(record.expiresAt) - Date.parse(record.issuedAt);
    const lead = Math.min(this.#warningMs(), Math.max(0, lifetime / 2));
    return record.kind === 'entra' ? Math.min(lead, msalRenewalWindowMs) : lead;
  }

  /**
   * "Refresh now": mints the token again from its recipe at once, as auto-refresh would, and answers
   * with the new state or the service's error (the old value stays, and a token that refreshes on its
   * own keeps its schedule).
   */
  async refreshNow(id: string): Promise<TokenView> {
    const entry = await this.#entry(id);
    if (!entry.record.recipe) throw notRefreshable();
    if (entry.record.revoked) throw new AppError('invalid_input', 'A revoked token cannot be refreshed: mint a new one.');
    this.#unschedule(entry);
    const failure = await this.#refresh(entry);
    if (failure) throw failure;
    return this.#view(entry);
  }

  /** Mints the entry again from its recipe; a failure is recorded on the token (and retried when it refreshes on its own) and returned. */
  async #refresh(entry: Entry): Promise<AppError | undefined> {
    entry.timer = undefined;
    entry.nextRefreshAt = undefined;
    const { record } = entry;
    if (!record.recipe || this.#entries.get(record.id) !== entry) return undefined;
    const at = new Date(this.#deps.clock.now()).toISOString();
    try {
      const minted = await this.#deps.remint(record.recipe, this.#closing.signal);
      if (this.#entries.get(record.id) !== entry || record.revoked) return undefined;
      if (minted.value === entry.value)
        throw new AppError('azure_unavailable', 'The service handed back the same token; the refresh will be tried again.');
      const next: TokenRecord = {
        ...record,
        issuedAt: minted.issuedAt.toISOString(),
        expiresAt: minted.expiresAt.toISOString(),
        audience: minted.audience,
        scopes: minted.scopes,
        lastRefresh: { at, ok: true, message: null },
      };
      // Saved before it shows: whoever sees the refresh can read the new value from the vault too.
      await this.#persist(entry, minted.value, next);
      if (this.#entries.get(record.id) !== entry) {
        // Removed while the new value was being saved: take that value out of the vault again.
        await (await this.#deps.vault()).delete(tokenSecretName(record.id));
        return undefined;
      }
      Object.assign(record, next);
      entry.value = minted.value;
      entry.failures = 0;
      this.#changed('refreshed', [record.id]);
    } catch (error) {
      if (this.#closing.signal.aborted) return undefined;
      entry.failures += 1;
      const failure =
        error instanceof AppError ? error : new AppError('internal', 'The refresh failed inside the app; it will be tried again.');
      record.lastRefresh = { at, ok: false, message: failure.message };
      if (!(error instanceof AppError)) log.error('a token refresh failed unexpectedly', error);
      this.#schedule(entry);
      await this.#persist(entry).catch((e: unknown) => log.error('a refreshed token could not be saved', e));
      this.#changed('changed', [record.id]);
      return failure;
    }
    this.#schedule(entry);
    return undefined;
  }

  #changed(reason: TokensChangeReason, ids: string[]): void {
    this.#deps.changed?.(reason, ids);
  }

  #warningMs(): number {
    return this.#deps.warningMinutes() * 60_000;
  }

  #view(entry: Entry, warningMs = this.#warningMs()): TokenView {
    const { recipe, ...record } = structuredClone(entry.record);
    const now = this.#deps.clock.now();
    return {
      ...record,
      status: status(record, now, warningMs),
      now: new Date(now).toISOString(),
      kept: entry.kept,
      hasValue: entry.value !== undefined || entry.kept,
      refreshable: recipe !== null,
      nextRefreshAt: entry.nextRefreshAt === undefined ? null : new Date(entry.nextRefreshAt).toISOString(),
    };
  }
}

function status(record: Omit<TokenRecord, 'recipe'>, now: number, warningMs: number): TokenStatus {
  if (record.revoked) return 'revoked';
  const left = Date.parse(record.expiresAt) - now;
  if (left <= 0) return 'expired';
  return left <= warningMs ? 'expiring' : 'valid';
}

function notRefreshable(): AppError {
  return new AppError('invalid_input', notRefreshableMessage);
}
