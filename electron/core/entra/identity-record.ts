import { z } from 'zod';
import type { IdentityView } from '../../../shared/identities.ts';

/**
 * One identity as `identities.json` keeps it: names and ids, never a token or secret. A user's
 * tokens live in MSAL's cache (in the vault); a service principal's secret or private key in the
 * vault under `identity/<id>/`.
 */
export const identityRecordSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['user', 'service-principal']),
  name: z.string(),
  username: z.string().optional(),
  cloud: z.string(),
  tenantId: z.string(),
  clientId: z.string(),
  /** MSAL's account key (`<oid>.<tid>`), to find the user's tokens in the cache. */
  homeAccountId: z.string().optional(),
  objectId: z.string().optional(),
  credential: z.enum(['secret', 'certificate']).optional(),
  certificateThumbprint: z.string().optional(),
  certificatePem: z.string().optional(),
  certificateExpiresOn: z.string().optional(),
  /** A service principal's display name in Microsoft Graph, when Graph said it at sign-in. */
  directoryName: z.string().optional(),
  signedInWith: z.enum(['interactive', 'device-code']).optional(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  /** Set when a token could not be had without the user (an expired or revoked sign-in, MFA, consent); cleared by a token or sign-in. */
  needsSignIn: z.object({ at: z.string(), message: z.string() }).optional(),
});

export type IdentityRecord = z.infer<typeof identityRecordSchema>;

export const identitiesFileSchema = z.object({ version: z.literal(1), identities: z.array(identityRecordSchema) });

export const identitySecret = {
  clientSecret: (id: string) => `identity/${id}/clientSecret`,
  privateKey: (id: string) => `identity/${id}/privateKey`,
  prefix: (id: string) => `identity/${id}/`,
};

/** How the user knows the identity: the sign-in name of a user, the name of a service principal. */
export function whoIs(identity: IdentityRecord): string {
  return identity.username ?? identity.name;
}

export function toIdentityView(record: IdentityRecord): IdentityView {
  const { homeAccountId: _home, objectId: _oid, certificateThumbprint: _thumb, certificatePem: _pem, ...view } = record;
  return view;
}
