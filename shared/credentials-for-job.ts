import { z } from 'zod';
import { accountRefSchema, type AccountSecret } from './accounts.ts';
import { acsTokenMinutesSchema, acsViaSchema, arrKeySchema, arrViaSchema, identityViaSchema, type TokenView } from './tokens.ts';
import { method } from './method.ts';

/**
 * "The right credential for the job": pick the SDK you are about to use and get what it takes, in
 * one step. ACS's table: Identity, SMS and Phone Numbers take the connection string (access key) or
 * an Entra token; Calling and Chat take a user access token. ARR: the account key, an Entra
 * AuthenticationToken, or an STS AccessToken.
 * https://learn.microsoft.com/azure/communication-services/concepts/authentication
 */

export const acsSdks = ['identity', 'sms', 'phoneNumbers', 'calling', 'chat'] as const;
export type AcsSdk = (typeof acsSdks)[number];

export const credentialsForAcsSdkSchema = z
  .object({
    accountId: accountRefSchema,
    sdk: z.enum(acsSdks, { message: `Choose one of ${acsSdks.join(', ')}` }),
    /** Identity, SMS, Phone Numbers: accessKey gives the connection string, an identity an Entra token. Calling, Chat: what pays for
     * the user token. */
    via: acsViaSchema.default('accessKey'),
    /** Calling and Chat: the ACS identity to issue for; a new one (remembered) when absent. */
    acsIdentityId: z.string().uuid({ message: 'Unknown ACS identity' }).optional(),
    minutes: acsTokenMinutesSchema.default(60),
    operationId: z.string().uuid().optional(),
  })
  .strict();

export const arrCredentialKinds = ['accountKey', 'authenticationToken', 'accessToken'] as const;
const arrCredentialFields = { accountId: accountRefSchema, operationId: z.string().uuid().optional() };
/** What the ARR job takes, and what pays for it: an account key is one of the two keys, an AuthenticationToken an identity's. */
export const credentialsForArrSchema = z.discriminatedUnion(
  'want',
  [
    z
      .object({
        want: z.literal('accountKey'),
        via: z.enum(arrKeySchema.options, { message: 'An account key is the primary or the secondary key' }),
        ...arrCredentialFields,
      })
      .strict(),
    z
      .object({
        want: z.literal('authenticationToken'),
        // A union of one option, so a key here is worded as below rather than as a wrong type.
        via: z.union([identityViaSchema], { message: 'An AuthenticationToken comes from an Entra identity: choose one' }),
        ...arrCredentialFields,
      })
      .strict(),
    z.object({ want: z.literal('accessToken'), via: arrViaSchema, ...arrCredentialFields }).strict(),
  ],
  { message: `Choose one of ${arrCredentialKinds.join(', ')}` },
);

/**
 * Where the page reveals or copies the credential, never the value itself: an account's key or
 * connection string (accounts.reveal / accounts.copy), or a token just minted and listed on the
 * Tokens page, unkept (tokens.reveal / tokens.copy).
 */
export type CredentialSecret = { kind: 'account'; accountId: string; secret: AccountSecret } | { kind: 'token'; token: TokenView };

export interface CredentialForJob {
  kind: 'connection-string' | 'account-key' | 'entra-token' | 'user-token' | 'sts-token';
  /** What it is and what takes it, in a sentence. */
  explanation: string;
  secret: CredentialSecret;
  /** Non-secret settings the SDK needs beside it (endpoint, account id and domain, user id). */
  settings: Record<string, string>;
  /** A few lines of code that use it, with the value left to an environment variable. */
  snippet: string;
}

/** The contract's methods for credentials for a job (shared/contract.ts joins every domain's). */
export const credentialsMethods = {
  /** What an ACS SDK takes (connection string, Entra token or user token), in one step. */
  'credentials.forAcsSdk': method<typeof credentialsForAcsSdkSchema, CredentialForJob>(credentialsForAcsSdkSchema),
  /** What the ARR SDK takes: the account key, an Entra AuthenticationToken or an STS AccessToken. */
  'credentials.forArr': method<typeof credentialsForArrSchema, CredentialForJob>(credentialsForArrSchema),
} as const;
