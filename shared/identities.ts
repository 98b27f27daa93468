import { z } from 'zod';
import { cloudNameSchema, guidPattern, guidSchema } from './clouds.ts';
import { exactlyOneOf } from './exactly-one.ts';
import { visibleName } from './visible-text.ts';
import { method, noInput } from './method.ts';

/**
 * Entra ID identities: users signed in interactively or with a device code, and service
 * principals with a client secret or certificate. What crosses to a front door is the view: no
 * token, secret or private key.
 */

export type IdentityKind = 'user' | 'service-principal';

export interface IdentityView {
  id: string;
  kind: IdentityKind;
  /** The user's display name, or the app's name. */
  name: string;
  /** The user's sign-in name (UPN); absent for service principals. */
  username?: string | undefined;
  cloud: string;
  tenantId: string;
  /** The public client used to sign the user in, or the service principal's application (client) ID. */
  clientId: string;
  /** How a service principal proves itself. */
  credential?: 'secret' | 'certificate' | undefined;
  /** When a service principal's certificate stops being valid. */
  certificateExpiresOn?: string | undefined;
  /** A service principal's display name in Microsoft Graph, when Graph said it. */
  directoryName?: string | undefined;
  signedInWith?: 'interactive' | 'device-code' | undefined;
  createdAt: string;
  lastUsedAt: string | null;
  /** When and why the last token failed for a reason only a new sign-in fixes (Today lists these); absent once a token comes again. */
  needsSignIn?: { at: string; message: string } | undefined;
}

/** Authority segments that name no single tenant: any work account, any account, personal accounts. */
export const multiTenantAliases: readonly string[] = ['organizations', 'common', 'consumers'];

const isTenantIdOrDomain = (t: string) => guidPattern.test(t) || /^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/i.test(t);

/** A tenant as Entra takes it in an authority: a GUID, a domain, or `organizations`/`common`. */
export const tenantSchema = z
  .string()
  .trim()
  .min(1, 'Enter a tenant ID or domain')
  .max(100)
  .refine((t) => isTenantIdOrDomain(t) || multiTenantAliases.includes(t.toLowerCase()), {
    message: 'A tenant is a GUID, a domain such as contoso.onmicrosoft.com, or "organizations"',
  });

/** A service principal's tenant: the one directory of its app registration (client credentials take no `organizations`). */
const servicePrincipalTenantSchema = z
  .string()
  .trim()
  .min(1, 'Enter the tenant ID or domain of the app registration')
  .max(100)
  .refine((t) => !multiTenantAliases.includes(t.toLowerCase()), {
    message: 'A service principal signs in to its own tenant: enter its tenant ID or domain, not "organizations" or "common"',
  })
  .refine(isTenantIdOrDomain, { message: 'Enter a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com' });

export const signInStartSchema = z
  .object({
    method: z.enum(['interactive', 'device-code']),
    /** Cloud profile; the default cloud from Settings when omitted. */
    cloud: cloudNameSchema.optional(),
    /** The tenant to sign in to; the cloud profile's tenant (usually `organizations`) when omitted. */
    tenant: tenantSchema.optional(),
    loginHint: z.string().trim().max(256).optional(),
  })
  .strict();

export const signInWaitSchema = z
  .object({
    operationId: z.string().uuid(),
    /** How long to hold the call open waiting for the sign-in to finish. */
    waitSeconds: z.number().int().min(0).max(25).default(20),
  })
  .strict();

/** What starting a sign-in returns at once, before the user has finished. */
export interface SignInStarted {
  operationId: string;
  method: 'interactive' | 'device-code';
  /** Interactive: the Entra page. `openedByApp` says whether the app opened it; otherwise the page opens it. */
  authUrl?: string;
  openedByApp: boolean;
  /** Device code: what the user types, where, and Entra's own instructions. */
  userCode?: string;
  verificationUri?: string;
  message?: string;
  expiresAt: string;
}

export type SignInProgress = { state: 'pending' } | { state: 'done'; identity: IdentityView };

const servicePrincipalFields = {
  cloud: cloudNameSchema.optional(),
  tenant: servicePrincipalTenantSchema,
  clientId: guidSchema('The application (client) ID is a GUID from the app registration'),
  /** A label; the application ID when omitted. */
  name: visibleName(z.string().trim().min(1).max(80)).optional(),
};
/** A service principal that signs in with a client secret, or with a certificate (PEM with the certificate and its unencrypted private key). */
export const servicePrincipalInputSchema = exactlyOneOf(
  {
    clientSecret: z
      .object({ clientSecret: z.string().trim().min(1, 'Enter the client secret').max(1024), ...servicePrincipalFields })
      .strict(),
    certificatePem: z
      .object({
        certificatePem: z
          .string()
          .min(1, 'Choose or paste the PEM with the certificate and its private key')
          .max(64 * 1024, 'The PEM is larger than 64 KB'),
        ...servicePrincipalFields,
      })
      .strict(),
  },
  { neither: 'Give a client secret or a certificate', both: 'Give a client secret or a certificate, not both' },
);

export const identityRefSchema = z.object({ id: z.string().uuid({ message: 'Unknown identity' }) }).strict();

/** The contract's methods for Entra ID identities (shared/contract.ts joins every domain's). */
export const identitiesMethods = {
  'identities.list': method<typeof noInput, IdentityView[]>(noInput),
  /** Starts an interactive or device-code sign-in; returns at once with the URL or the code. */
  'identities.signIn': method<typeof signInStartSchema, SignInStarted>(signInStartSchema),
  /** Waits (up to `waitSeconds`) for a sign-in started earlier. */
  'identities.waitSignIn': method<typeof signInWaitSchema, SignInProgress>(signInWaitSchema),
  'identities.addServicePrincipal': method<typeof servicePrincipalInputSchema, IdentityView>(servicePrincipalInputSchema),
  /** Signs the identity out: removes it and every token or secret kept for it. */
  'identities.signOut': method<typeof identityRefSchema, { id: string }>(identityRefSchema),
} as const;
