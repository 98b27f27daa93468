import type { FaultController } from './faults.ts';
import type { Scenario } from './scenario.ts';
import type { SigningKey } from './signing-key.ts';

/** Everything the services share while the emulator runs; the scenario is the emulator's own mutable copy. */
export interface EmulatorContext {
  scenario: Scenario;
  urls: EmulatorUrls;
  keys: { entra: SigningKey; sts: SigningKey; acs: SigningKey };
  faults: FaultController;
  /** Certificates registered for service principals, by object id (PEM). */
  clientCertificates: Map<string, string>;
  entra: EntraState;
  acs: AcsState;
  arr: ArrState;
  /** How many requests each grant type has served, for tests that check a flow really went through the wire. */
  grantCounts: Map<string, number>;
}

export interface EmulatorUrls {
  entra: string;
  sts: string;
  arr: string;
  arm: string;
  /** Microsoft Graph (its v1.0 paths below this). */
  graph: string;
  /** One base URL per ACS resource, by resource name. */
  acs: Record<string, string>;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  scopes: string[];
  codeChallenge: string;
  nonce: string | undefined;
  expiresAt: number;
}

export interface RefreshGrant {
  clientId: string;
  userId: string;
  issuedAt: number;
  expiresAt: number;
  /** When the user last signed in; carried through rotation, for sign-in frequency (AADSTS70043). */
  signedInAt: number;
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  tenantSegment: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  /** Set once the user finished on the device page: a user id, or an AADSTS code to answer the poll with. */
  outcome: { userId: string } | { aadsts: number } | undefined;
}

/** A sign-in under way in a browser, between the credentials page and the redirect. */
export interface PendingSignIn {
  id: string;
  tenantSegment: string;
  clientId: string;
  loginHint: string | undefined;
  forceConsent: boolean;
  userId: string | undefined;
  finish:
    | {
        kind: 'authorize';
        redirectUri: string;
        state: string | undefined;
        responseMode: 'query' | 'form_post';
        scopes: string[];
        codeChallenge: string;
        nonce: string | undefined;
      }
    | { kind: 'device'; deviceCode: string };
}

export interface EntraState {
  codes: Map<string, AuthorizationCode>;
  refreshTokens: Map<string, RefreshGrant>;
  devices: Map<string, DeviceAuthorization>;
  pendingSignIns: Map<string, PendingSignIn>;
  /** Browser sessions (cookie value → user id), for SSO and `prompt=none`. */
  sessions: Map<string, string>;
  /** `${userId} ${clientId}` pairs the user has consented to. */
  consents: Set<string>;
}

export interface AcsIdentity {
  id: string;
  resourceName: string;
  /** Token ids issued to this identity that revocation has not invalidated. */
  liveTokenIds: Set<string>;
  /** The caller's own id for the identity (api-version 2025-06-30): creating with it again returns this identity. */
  customId?: string;
  /** When the identity's last token was issued, as the service writes dates (`lastTokenIssuedAt`, api-version 2025-06-30). */
  lastTokenIssuedAt?: string;
}

export interface AcsState {
  identities: Map<string, AcsIdentity>;
}

export interface ArrSession {
  id: string;
  accountId: string;
  size: string;
  maxLeaseTimeMinutes: number;
  createdAt: number;
  stopped: boolean;
}

export interface ArrState {
  sessions: Map<string, ArrSession>;
}

export function countGrant(context: EmulatorContext, grant: string): void {
  context.grantCounts.set(grant, (context.grantCounts.get(grant) ?? 0) + 1);
}
