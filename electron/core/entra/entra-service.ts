/**
 * electron/core/entra/: Entra ID identities: users signed in interactively or by device code, service
 * principals, their MSAL caches kept in the vault and the access tokens they get. It imports vault/,
 * azure/, platform/ and shared/; never accounts/, arm/ or tokens/.
 */

import { randomUUID } from 'node:crypto';
import type { AccountInfo, AuthenticationResult } from '@azure/msal-node';
import { type z } from 'zod';
import type { CloudProfile } from '../../../shared/clouds.ts';
import { AppError } from '../../../shared/errors.ts';
import {
  multiTenantAliases,
  type IdentityView,
  type SignInProgress,
  type SignInStarted,
  type servicePrincipalInputSchema,
  type signInStartSchema,
} from '../../../shared/identities.ts';
import type { CloudsStore } from '../azure/clouds-store.ts';
import { jwtClaim } from '../azure/jwt-facts.ts';
import type { Vault } from '../vault/vault.ts';
import type { AppRegistered, registerAppSchema } from '../../../shared/app-registration.ts';
import { registerApp } from './app-registration.ts';
import { servicePrincipalDirectoryName } from './directory-name.ts';
import { startDeviceCodeSignIn } from './device-code-sign-in.ts';
import { IdentitiesStore } from './identities-store.ts';
import { identitySecret, toIdentityView, whoIs, type IdentityRecord } from './identity-record.ts';
import { needsInteraction } from './interaction-required.ts';
import { startInteractiveSignIn } from './interactive-sign-in.ts';
import { defaultSignInTimeoutMs } from './loopback-listener.ts';
import { MsalApps, type ClientCredential } from './msal-apps.ts';
import { certificateClientCredential, readCertificateCredential } from './service-principal-credential.ts';
import { SignInOperations } from './sign-in-operations.ts';
import type { CallOperations } from '../platform/call-operations.ts';
import { signInError, type SignInContext } from './sign-in-errors.ts';
import { msalCacheSecret } from './token-cache-plugin.ts';

export interface EntraDeps {
  dataFolder: string;
  /** The open vault, or a vault_unavailable error naming what to do. */
  vault: () => Promise<Vault>;
  clouds: CloudsStore;
  defaultCloud: () => string;
  /** Opens a URL in the system browser (desktop app); absent in browser mode, where the page opens it. */
  openBrowser?: (url: string) => Promise<void>;
  signInTimeoutMs?: number;
  /** The core's one registry of long calls: a sign-in under way joins it, so `calls.cancel` with its operationId stops it. */
  calls?: CallOperations;
}

/** An Entra access token as the token features use it. */
export interface EntraToken {
  accessToken: string;
  expiresOn: string;
  scopes: string[];
  tenantId: string;
}

/**
 * Entra ID identities: sign-in (interactive, device code, service principal), the list, sign-out
 * and silent token acquisition. Users' tokens stay in MSAL's cache in the vault; a service
 * principal's secret or private key sits in the vault beside it.
 */
export class EntraService {
  readonly #identities: IdentitiesStore;
  readonly #apps: MsalApps;
  readonly #deps: EntraDeps;
  readonly #operations = new SignInOperations();
  readonly #signingOut: ((identityId: string) => Promise<void>)[] = [];

  constructor(deps: EntraDeps) {
    this.#deps = deps;
    this.#identities = new IdentitiesStore(deps.dataFolder);
    this.#apps = new MsalApps(deps.vault);
  }

  /** One identity as the app keeps it (no secret), for the features that act as it; not_found when it is gone. */
  record(id: string): Promise<IdentityRecord> {
    return this.#identities.get(id);
  }

  /** Every identity as the app keeps it (no secret). */
  records(): Promise<IdentityRecord[]> {
    return this.#identities.list();
  }

  async list(): Promise<IdentityView[]> {
    return (await this.#identities.list()).map(toIdentityView);
  }

  async startSignIn(input: z.output<typeof signInStartSchema>): Promise<SignInStarted> {
    await this.#deps.vault(); // fail before the browser opens when no secret could be kept
    const profile = this.#deps.clouds.get(input.cloud ?? this.#deps.defaultCloud());
    const tenant = input.tenant ?? profile.publicClient.tenant;
    const app = await this.#apps.publicClient(profile, tenant);
    const context = { tenant, clientId: profile.publicClient.clientId, authorityHost: profile.authorityHost };
    const scopes = [profile.armScope];
    if (input.method === 'device-code') {
      const flow = await startDeviceCodeSignIn(app, scopes, this.#apps.http).catch((error: unknown) =>
        Promise.reject(signInError(error, context)),
      );
      const outcome = flow.result.then(
        (result) => this.#saveUser(profile, result, 'device-code'),
        (error: unknown) => Promise.reject(signInError(error, context)),
      );
      const operationId = this.#started(outcome, () => flow.cancel());
      return {
        operationId,
        method: 'device-code',
        openedByApp: false,
        userCode: flow.userCode,
        verificationUri: flow.verificationUri,
        message: flow.message,
        expiresAt: flow.expiresAt,
      };
    }
    const silent = await this.#signInSilently(profile, input, scopes, context);
    if (silent) return silent;
    const timeoutMs = this.#deps.signInTimeoutMs;
    const flow = await startInteractiveSignIn(app, {
      scopes,
      ...(input.loginHint ? { loginHint: input.loginHint } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    }).catch((error: unknown) => Promise.reject(signInError(error, context)));
    const outcome = flow.result.then(
      (result) => this.#saveUser(profile, result, 'interactive'),
      (error: unknown) => Promise.reject(signInError(error, context)),
    );
    const operationId = this.#started(outcome, () => flow.cancel());
    let openedByApp = false;
    if (this.#deps.openBrowser) {
      try {
        await this.#deps.openBrowser(flow.authUrl);
        openedByApp = true;
      } catch {
        openedByApp = false; // the page shows the link instead
      }
    }
    return {
      operationId,
      method: 'interactive',
      authUrl: flow.authUrl,
      openedByApp,
      expiresAt: new Date(Date.now() + (timeoutMs ?? defaultSignInTimeoutMs)).toISOString(),
    };
  }

  waitSignIn(operationId: string, waitSeconds: number): Promise<SignInProgress> {
    return this.#operations.wait(operationId, waitSeconds * 1000);
  }

  cancelSignIn(operationId: string): void {
    this.#operations.cancel(operationId);
  }

  async addServicePrincipal(input: z.output<typeof servicePrincipalInputSchema>): Promise<IdentityView> {
    const vault = await this.#deps.vault();
    const profile = this.#deps.clouds.get(input.cloud ?? this.#deps.defaultCloud());
    const given =
      'certificatePem' in input ? { certificate: readCertificateCredential(input.certificatePem) } : { clientSecret: input.clientSecret };
    const certificate = 'certificate' in given ? given.certificate : undefined;
    const credential: ClientCredential = 'certificate' in given ? certificateClientCredential(given.certificate) : given;
    const id = randomUUID();
    // Prove the credential works before keeping it: the first token is for ARM.
    const app = await this.#apps.servicePrincipal(profile, { id, tenantId: input.tenant, clientId: input.clientId }, credential);
    const result = await app
      .acquireTokenByClientCredential({ scopes: [profile.armScope] })
      .catch((error: unknown) =>
        Promise.reject(signInError(error, { tenant: input.tenant, clientId: input.clientId, authorityHost: profile.authorityHost })),
      );
    const accessToken = result?.accessToken ?? '';
    const objectId = jwtClaim(accessToken, 'oid');
    const tenantId = jwtClaim(accessToken, 'tid') ?? result?.tenantId ?? input.tenant;
    // Its name in the directory, with its own Graph token, else with a signed-in user's of its tenant (who may read the directory).
    const users = (await this.#identities.list()).filter((i) => i.kind === 'user' && i.cloud === profile.name && i.tenantId === tenantId);
    const directoryName = await servicePrincipalDirectoryName(profile, input.clientId, [
      async () => (await app.acquireTokenByClientCredential({ scopes: [profile.graphScope] }))?.accessToken ?? '',
      ...users.map((user) => async () => (await this.acquireToken(user.id, [profile.graphScope])).accessToken),
    ]);
    const now = new Date().toISOString();
    const record: IdentityRecord = {
      id,
      kind: 'service-principal',
      name: input.name ?? jwtClaim(accessToken, 'app_displayname') ?? input.clientId,
      cloud: profile.name,
      tenantId,
      clientId: input.clientId,
      ...(objectId !== undefined && { objectId }),
      ...(directoryName !== undefined && { directoryName }),
      credential: certificate ? 'certificate' : 'secret',
      ...(certificate
        ? {
            certificateThumbprint: certificate.thumbprintSha256,
            certificatePem: certificate.certificatePem,
            certificateExpiresOn: certificate.notAfter,
          }
        : {}),
      createdAt: now,
      lastUsedAt: now,
    };
    await vault.set(
      certificate ? identitySecret.privateKey(id) : identitySecret.clientSecret(id),
      'certificate' in given ? given.certificate.privateKeyPem : given.clientSecret,
    );
    try {
      await this.#identities.change((list) => ({ next: [...list, record], result: undefined }));
    } catch (error) {
      await vault.deletePrefix(identitySecret.prefix(id));
      throw error;
    }
    return toIdentityView(record);
  }

  /** `forget` runs at each sign-out before the identity goes (the token registry forgets what was minted through it); a failure stops
   * the sign-out. */
  onSignOut(forget: (identityId: string) => Promise<void>): void {
    this.#signingOut.push(forget);
  }

  /**
   * Removes the identity and everything kept for it: the tokens minted through it (onSignOut); MSAL's
   * cached tokens for a user; the secret or key and token cache of a service principal.
   */
  async signOut(id: string): Promise<void> {
    const vault = await this.#deps.vault();
    // Tokens first, so a failure after leaves an identity to sign out again; also when another
    // process signed it out already (not_found below), since this one may still hold such tokens.
    for (const forget of this.#signingOut) await forget(id);
    const record = await this.#identities.get(id);
    if (record.kind === 'user') {
      const app = await this.#apps.publicClient(this.#deps.clouds.get(record.cloud), record.tenantId, record.clientId);
      const account = record.homeAccountId ? await app.getTokenCache().getAccountByHomeId(record.homeAccountId) : null;
      if (account) await app.getTokenCache().removeAccount(account);
    } else {
      await vault.deletePrefix(identitySecret.prefix(id));
      await vault.delete(msalCacheSecret.servicePrincipal(id));
    }
    await this.#identities.change((list) => ({ next: list.filter((i) => i.id !== id), result: undefined }));
  }

  /** An access token for `scopes` from the identity, from the cache or refreshed silently; never interactive. */
  async acquireToken(id: string, scopes: string[]): Promise<EntraToken> {
    const record = await this.#identities.get(id);
    const profile = this.#deps.clouds.get(record.cloud);
    const context = { who: whoIs(record), tenant: record.tenantId, clientId: record.clientId, authorityHost: profile.authorityHost };
    let result: AuthenticationResult | null;
    try {
      result = record.kind === 'user' ? await this.#userToken(profile, record, scopes) : await this.#appToken(profile, record, scopes);
    } catch (error) {
      const failure = signInError(error, context);
      // Only the user can fix this one: Today lists the identity until a token comes again.
      if (needsInteraction(error) && failure.code === 'sign_in_required')
        await this.#identities.markNeedsSignIn(id, failure.message).catch(() => undefined);
      throw failure;
    }
    if (!result?.accessToken) throw new AppError('sign_in_required', `Entra ID returned no token for ${context.who}. Sign in again.`);
    // "Last used" is shown to the minute: a script asking for tokens in a loop need not rewrite identities.json each time.
    if (record.needsSignIn || !record.lastUsedAt || Date.now() - Date.parse(record.lastUsedAt) > 60_000) await this.#identities.touch(id);
    return {
      accessToken: result.accessToken,
      expiresOn: (result.expiresOn ?? new Date()).toISOString(),
      scopes: result.scopes,
      tenantId: result.tenantId || record.tenantId,
    };
  }

  /** "Your own app in one step" for a cloud, as a signed-in user of it (app-registration.ts); the sign-in with the new app is under way on return. */
  registerApp(input: z.output<typeof registerAppSchema>, signal: AbortSignal): Promise<AppRegistered> {
    const deps = {
      clouds: this.#deps.clouds,
      record: (id: string) => this.record(id),
      acquireToken: (id: string, scopes: string[]) => this.acquireToken(id, scopes),
      startSignIn: (signIn: z.output<typeof signInStartSchema>) => this.startSignIn(signIn),
    };
    return registerApp(deps, input, signal);
  }

  close(): void {
    this.#operations.cancelAll();
  }

  async #userToken(profile: CloudProfile, record: IdentityRecord, scopes: string[]): Promise<AuthenticationResult> {
    const app = await this.#apps.publicClient(profile, record.tenantId, record.clientId);
    const account: AccountInfo | null = record.homeAccountId ? await app.getTokenCache().getAccountByHomeId(record.homeAccountId) : null;
    if (!account) throw new AppError('sign_in_required', `The sign-in of ${whoIs(record)} is no longer in the token cache. Sign in again.`);
    return app.acquireTokenSilent({ account, scopes });
  }

  async #appToken(profile: CloudProfile, record: IdentityRecord, scopes: string[]): Promise<AuthenticationResult | null> {
    const vault = await this.#deps.vault();
    const secret =
      record.credential === 'certificate'
        ? vault.get(identitySecret.privateKey(record.id))
        : vault.get(identitySecret.clientSecret(record.id));
    if (!secret)
      throw new AppError(
        'sign_in_required',
        `The ${record.credential === 'certificate' ? 'private key' : 'client secret'} of ${record.name} is missing from the ` +
          `vault. Remove the identity and add it again.`,
      );
    const credential: ClientCredential =
      record.credential === 'certificate'
        ? certificateClientCredential({
            privateKeyPem: secret,
            thumbprintSha256: record.certificateThumbprint ?? '',
            certificatePem: record.certificatePem ?? '',
          })
        : { clientSecret: secret };
    return (await this.#apps.servicePrincipal(profile, record, credential)).acquireTokenByClientCredential({ scopes });
  }

  /**
   * A sign-in that names a user already signed in here (login hint, and tenant when given as an ID):
   * MSAL tries the cache and refresh token first, and the browser opens only when that fails
   * because the user is needed. Answers as a finished sign-in with no page to open, or undefined
   * to go on to the browser; any other failure (network, outage) is reported, not papered over.
   */
  async #signInSilently(
    profile: CloudProfile,
    input: z.output<typeof signInStartSchema>,
    scopes: string[],
    context: SignInContext,
  ): Promise<SignInStarted | undefined> {
    const hint = input.loginHint?.toLowerCase();
    const tenant = input.tenant && !multiTenantAliases.includes(input.tenant.toLowerCase()) ? input.tenant.toLowerCase() : undefined;
    if (!hint) return undefined;
    const known = (await this.#identities.list()).find(
      (i) =>
        i.kind === 'user' &&
        i.cloud === profile.name &&
        i.clientId === profile.publicClient.clientId &&
        i.username?.toLowerCase() === hint &&
        (!tenant || i.tenantId.toLowerCase() === tenant),
    );
    if (!known) return undefined;
    try {
      await this.#userToken(profile, known, scopes);
    } catch (error) {
      if (needsInteraction(error)) return undefined;
      throw signInError(error, { ...context, who: whoIs(known) });
    }
    await this.#identities.touch(known.id);
    const identity = toIdentityView(await this.#identities.get(known.id));
    const operationId = this.#operations.add(Promise.resolve(identity), () => undefined);
    return { operationId, method: 'interactive', openedByApp: false, expiresAt: new Date().toISOString() };
  }

  /** A sign-in under way, under an id the front door waits for it by and `calls.cancel` stops it by. */
  #started(outcome: Promise<IdentityView>, cancel: () => void): string {
    const operationId = this.#operations.add(outcome, cancel);
    const untrack = this.#deps.calls?.track(operationId, cancel);
    if (untrack) void outcome.catch(() => undefined).then(untrack);
    return operationId;
  }

  async #saveUser(profile: CloudProfile, result: AuthenticationResult, signedInWith: 'interactive' | 'device-code'): Promise<IdentityView> {
    const account = result.account;
    if (!account) throw new AppError('sign_in_required', 'Entra ID did not say who signed in (no ID token). Try again.');
    const now = new Date().toISOString();
    const tenantId = account.tenantId || result.tenantId;
    const record = await this.#identities.change((list) => {
      const existing = list.find(
        (i) =>
          i.kind === 'user' &&
          i.cloud === profile.name &&
          i.clientId === profile.publicClient.clientId &&
          i.homeAccountId === account.homeAccountId &&
          i.tenantId === tenantId,
      );
      const next: IdentityRecord = {
        id: existing?.id ?? randomUUID(),
        kind: 'user',
        name: account.name || account.username,
        username: account.username,
        cloud: profile.name,
        tenantId,
        clientId: profile.publicClient.clientId,
        homeAccountId: account.homeAccountId,
        objectId: account.localAccountId,
        signedInWith,
        createdAt: existing?.createdAt ?? now,
        lastUsedAt: now,
      };
      return { next: existing ? list.map((i) => (i.id === existing.id ? next : i)) : [...list, next], result: next };
    });
    return toIdentityView(record);
  }
}
