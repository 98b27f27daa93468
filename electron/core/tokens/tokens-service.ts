/**
 * electron/core/tokens/: the service tokens the app mints, keeps, refreshes and exports: Mixed Reality
 * STS tokens, ACS identities and user tokens, Teams tokens and Entra access tokens. It imports
 * accounts/, entra/, vault/, azure/, platform/ and shared/; never arm/.
 */

import type { z } from 'zod';
import type { CopiedSecret, RevealedSecret } from '../../../shared/accounts.ts';
import { signAcsRequest, type SignedAcsRequest } from '../../../shared/acs-request-signing.ts';
import type { CredentialForJob, credentialsForAcsSdkSchema, credentialsForArrSchema } from '../../../shared/credentials-for-job.ts';
import { AppError } from '../../../shared/errors.ts';
import type { tokenExportSchema, TokenExportResult } from '../../../shared/token-export.ts';
import type {
  AcsIdentityShown,
  AcsIdentityView,
  AcsVia,
  acsIdentityCreateSchema,
  acsSignRequestSchema,
  arrTestSchema,
  ArrTestResult,
  exchangeTeamsSchema,
  mintAcsSchema,
  mintArrSchema,
  mintEntraSchema,
  TokenClaims,
  TokenView,
} from '../../../shared/tokens.ts';
import type { AccountsStore } from '../accounts/accounts-store.ts';
import { coreClipboard, type ClipboardGuard } from '../platform/clipboard-guard.ts';
import type { CloudsStore } from '../azure/clouds-store.ts';
import type { EntraService } from '../entra/entra-service.ts';
import type { EmitEvent } from '../platform/event-hub.ts';
import type { SettingsStore } from '../platform/settings-store.ts';
import type { VaultSession } from '../vault/vault-session.ts';
import { AcsIdentitiesStore } from './acs-identities-store.ts';
import { AcsClients } from './communication-identity.ts';
import {
  createAcsIdentity,
  deleteAcsIdentity,
  exchangeTeamsToken,
  issueAcsToken,
  revokeAcsIdentity,
  showAcsIdentity,
  toAcsIdentityView,
} from './acs-tokens.ts';
import { mintArrToken, testArrAccount } from './arr-tokens.ts';
import type { RetryRuntime } from '../azure/azure-retry.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { credentialForAcsSdk, credentialForArr } from './credentials-for-job.ts';
import { mintEntraToken } from './entra-tokens.ts';
import { exchangePastedTeamsToken } from './pasted-teams-token.ts';
import { jwtParts } from '../azure/jwt-facts.ts';
import { mintedThrough, type MintedToken, type MintRecipe } from './token-record.ts';
import { exportToken } from './token-export.ts';
import { TokenRegistry } from './token-registry.ts';
import { acsResource } from './token-sources.ts';
import type { TokensContext } from './tokens-context.ts';

export interface TokensServiceDeps {
  dataFolder: string;
  vault: VaultSession;
  accounts: AccountsStore;
  clouds: CloudsStore;
  entra: EntraService;
  settings: SettingsStore;
  clipboard: ClipboardGuard | undefined;
  /** Tests pass a manual clock (expiry, auto-refresh). */
  clock?: Clock | undefined;
  /** The retry policy every Azure call shares (tests shorten the waits). */
  runtime: RetryRuntime;
  /** The core's event stream: a token added, refreshed, revoked or removed is announced there. */
  emit?: EmitEvent | undefined;
  /** Told each time the token list is read (browser mode starts its expiry warnings at the first read: core.ts). */
  onListed?: (() => void) | undefined;
}

type Input<S extends z.ZodType> = z.output<S>;

/**
 * The token features behind the contract: minting (ARR, ACS, Entra, Teams), the registry of what
 * was minted, the ACS identities the app remembers, the ARR test, the ACS request signer and "the
 * right credential for the job". Every long call can be cancelled by its operation id.
 */
export class TokensService {
  readonly registry: TokenRegistry;
  readonly acsIdentities: AcsIdentitiesStore;
  readonly #deps: TokensServiceDeps;
  readonly #ctx: TokensContext;

  constructor(deps: TokensServiceDeps) {
    this.#deps = deps;
    this.acsIdentities = new AcsIdentitiesStore(deps.dataFolder);
    this.registry = new TokenRegistry({
      dataFolder: deps.dataFolder,
      vault: () => deps.vault.require(),
      clock: deps.clock ?? systemClock,
      warningMinutes: () => deps.settings.get().expiryWarningMinutes,
      remint: (recipe, signal) => this.#remint(recipe, signal),
      signedIn: async () => {
        const identities = await deps.entra.records().catch(() => undefined);
        return identities && new Set(identities.map((identity) => identity.id));
      },
      changed: (reason, ids) => deps.emit?.({ type: 'tokens.changed', reason, ids }),
    });
    deps.entra.onSignOut(async (identityId) => {
      await this.registry.forget((record) => mintedThrough(identityId, record));
    });
    this.#ctx = {
      accounts: deps.accounts,
      clouds: deps.clouds,
      entra: deps.entra,
      registry: this.registry,
      acsIdentities: this.acsIdentities,
      acsClients: new AcsClients(),
      runtime: deps.runtime,
    };
  }

  list(): Promise<TokenView[]> {
    this.#deps.onListed?.();
    return this.registry.list();
  }

  async mintArr(input: Input<typeof mintArrSchema>, signal: AbortSignal): Promise<TokenView> {
    return this.registry.add(await mintArrToken(this.#ctx, input.accountId, input.via, signal), input);
  }

  async mintAcs(input: Input<typeof mintAcsSchema>, signal: AbortSignal): Promise<{ token: TokenView; acsIdentity: AcsIdentityView }> {
    const { accountId, scopes, minutes, via } = input;
    const newToken =
      'newIdentity' in input
        ? (
            await createAcsIdentity(
              this.#ctx,
              { accountId, label: input.newIdentity.label, customId: input.newIdentity.customId, via, token: { scopes, minutes } },
              signal,
            )
          ).token
        : await issueAcsToken(this.#ctx, { accountId, acsIdentityId: input.acsIdentityId, scopes, minutes, via }, signal);
    const token = await this.registry.add(newToken, input);
    const subject = token.source.subject;
    return { token, acsIdentity: await this.#acsIdentityView(subject?.kind === 'acs-identity' ? subject.acsIdentityId : '') };
  }

  async mintEntra(input: Input<typeof mintEntraSchema>): Promise<TokenView> {
    return this.registry.add(await mintEntraToken(this.#ctx, input.identityId, input.scope), input);
  }

  /** The Teams user exchange, for a Teams user signed in here or for a token pasted with its app ID and user ID. */
  async exchangeTeams(input: Input<typeof exchangeTeamsSchema>, signal: AbortSignal): Promise<TokenView> {
    const { accountId, via } = input;
    const minted =
      'pasted' in input
        ? await exchangePastedTeamsToken(
            this.#ctx,
            { accountId, pasted: input.pasted, via },
            (this.#deps.clock ?? systemClock).now(),
            signal,
          )
        : await exchangeTeamsToken(this.#ctx, { accountId, teamsIdentityId: input.teamsIdentityId, via }, signal);
    return this.registry.add(minted, input);
  }

  async reveal(id: string): Promise<RevealedSecret> {
    return { value: await this.registry.value(id), hideAfterSeconds: this.#deps.settings.get().revealSeconds };
  }

  /** Copies the token in the core (desktop app) and clears the clipboard later, as account keys are. */
  async copy(id: string): Promise<CopiedSecret> {
    const clipboard = coreClipboard(this.#deps.clipboard);
    const seconds = this.#deps.settings.get().clipboardClearSeconds;
    await clipboard.copy(await this.registry.value(id), seconds);
    return { clearsAfterSeconds: seconds };
  }

  /** One token in the format a tool reads: written to a 0600 file, copied (desktop app), or the text back. */
  export(input: Input<typeof tokenExportSchema>): Promise<TokenExportResult> {
    const { accounts, clouds, entra, clipboard, settings, dataFolder } = this.#deps;
    const clipboardClearSeconds = () => settings.get().clipboardClearSeconds;
    return exportToken({ registry: this.registry, accounts, clouds, entra, clipboard, clipboardClearSeconds, dataFolder }, input);
  }

  async claims(id: string): Promise<TokenClaims> {
    return jwtParts(await this.registry.value(id));
  }

  /** Revokes an ACS user token: every token of its identity ends at ACS and is marked revoked here. Other kinds cannot be revoked. */
  async revoke(id: string, via: AcsVia | undefined, signal: AbortSignal): Promise<{ revoked: TokenView[] }> {
    const record = await this.registry.record(id);
    const subject = record.source.subject;
    if (record.kind === 'acs-user' && subject?.kind === 'acs-identity' && record.recipe?.kind === 'acs-user') {
      const payer = via ?? record.recipe.via;
      return { revoked: (await revokeAcsIdentity(this.#ctx, subject.acsIdentityId, payer, signal)).revoked };
    }
    const why =
      record.kind === 'arr-sts'
        ? 'ARR access tokens cannot be revoked: they last 24 hours. To end every token minted from a key, regenerate that key in ' +
          "the account's Keys blade."
        : record.kind === 'entra'
          ? 'Entra access tokens cannot be revoked one by one: sign the identity out here, or revoke its sessions in Entra ID, ' +
            'and the token runs out within its hour.'
          : "A Teams user's ACS token cannot be revoked by the app: it ends with the Teams user's Entra token.";
    throw new AppError('invalid_input', why);
  }

  remove(id: string): Promise<void> {
    return this.registry.remove(id);
  }

  refresh(id: string): Promise<TokenView> {
    return this.registry.refreshNow(id);
  }

  setAutoRefresh(id: string, on: boolean): Promise<TokenView> {
    return this.registry.setAutoRefresh(id, on);
  }

  keep(id: string, keep: boolean): Promise<TokenView> {
    return this.registry.setKept(id, keep);
  }

  async listAcsIdentities(accountId?: string): Promise<AcsIdentityView[]> {
    const [identities, accounts] = await Promise.all([this.acsIdentities.list(), this.#deps.accounts.records()]);
    const names = new Map(accounts.map((account) => [account.id, account.name]));
    return identities
      .filter((identity) => accountId === undefined || identity.accountId === accountId)
      .map((identity) => toAcsIdentityView(identity, names.get(identity.accountId) ?? null));
  }

  async createAcsIdentity(
    input: Input<typeof acsIdentityCreateSchema>,
    signal: AbortSignal,
  ): Promise<{ identity: AcsIdentityView; token: TokenView | null }> {
    const created = await createAcsIdentity(this.#ctx, input, signal);
    const token = created.token ? await this.registry.add(created.token, input) : null;
    return { identity: await this.#acsIdentityView(created.identity.id), token };
  }

  async showAcsIdentity(id: string, via: AcsVia, signal: AbortSignal): Promise<AcsIdentityShown> {
    const shown = await showAcsIdentity(this.#ctx, id, via, signal);
    const view = toAcsIdentityView(shown.identity, await this.#accountName(shown.identity.accountId));
    return { identity: { ...view, customId: shown.customId ?? view.customId }, lastTokenIssuedAt: shown.lastTokenIssuedAt };
  }

  async revokeAcsIdentity(id: string, via: AcsVia, signal: AbortSignal): Promise<{ identity: AcsIdentityView; revoked: TokenView[] }> {
    const { identity, revoked } = await revokeAcsIdentity(this.#ctx, id, via, signal);
    return { identity: toAcsIdentityView(identity, await this.#accountName(identity.accountId)), revoked };
  }

  deleteAcsIdentity(id: string, via: AcsVia, signal: AbortSignal): Promise<TokenView[]> {
    return deleteAcsIdentity(this.#ctx, id, via, signal);
  }

  testArr(input: Input<typeof arrTestSchema>, signal: AbortSignal): Promise<ArrTestResult> {
    return testArrAccount(this.#ctx, input, signal);
  }

  /** Signs a request to the resource with its access key; the URL must be on the resource's own endpoint. */
  async signAcsRequest(input: Input<typeof acsSignRequestSchema>): Promise<SignedAcsRequest> {
    const { record } = await acsResource(this.#ctx, input.accountId);
    const url = new URL(input.url);
    const endpoint = new URL(record.endpoint);
    if (url.protocol !== 'https:' || url.host !== endpoint.host || url.username || url.password || url.hash) {
      const message = `The URL must be an https:// URL on the resource's endpoint ${endpoint.host} (no user, password or #fragment)`;
      throw new AppError('invalid_input', `Check the input: url: ${message}`, [{ path: 'url', message }]);
    }
    return signAcsRequest({
      method: input.method,
      url: url.href,
      body: input.body,
      accessKey: await this.#deps.accounts.readSecret(input.accountId, 'accessKey'),
    });
  }

  forAcsSdk(input: Input<typeof credentialsForAcsSdkSchema>, signal: AbortSignal): Promise<CredentialForJob> {
    return credentialForAcsSdk(this.#ctx, input, signal);
  }

  forArr(input: Input<typeof credentialsForArrSchema>, signal: AbortSignal): Promise<CredentialForJob> {
    return credentialForArr(this.#ctx, input, signal);
  }

  close(): void {
    this.registry.close();
  }

  async #remint(recipe: MintRecipe, signal: AbortSignal): Promise<MintedToken> {
    switch (recipe.kind) {
      case 'arr-sts':
        return (await mintArrToken(this.#ctx, recipe.accountId, recipe.via, signal)).minted;
      case 'acs-user':
        return (await issueAcsToken(this.#ctx, recipe, signal)).minted;
      case 'acs-teams':
        return (await exchangeTeamsToken(this.#ctx, recipe, signal)).minted;
      case 'entra':
        return (await mintEntraToken(this.#ctx, recipe.identityId, recipe.scope)).minted;
    }
  }

  async #acsIdentityView(id: string): Promise<AcsIdentityView> {
    const identity = await this.acsIdentities.get(id);
    return toAcsIdentityView(identity, await this.#accountName(identity.accountId));
  }

  async #accountName(accountId: string): Promise<string | null> {
    return (await this.#deps.accounts.records()).find((account) => account.id === accountId)?.name ?? null;
  }
}
