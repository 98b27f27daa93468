import { z } from 'zod';
import { normaliseAcsEndpoint, parseAcsConnectionString } from './acs-connection-string.ts';
import { isBase64Key } from './base64.ts';
import { cloudNameSchema, guidPattern } from './clouds.ts';
import { parseAccountDomain } from './mixed-reality-domain.ts';

/**
 * What the user enters for an account, validated field by field so a form can show each problem
 * beside its field. Secrets (keys, connection strings) are part of the input only: what comes back
 * (AccountView) says whether a secret is stored, never what it is.
 */

const displayName = z.string().trim().min(1, 'Enter a name').max(80, 'Use at most 80 characters');
const tags = z.array(z.string().trim().min(1, 'A tag cannot be empty').max(40, 'A tag has at most 40 characters')).max(20, 'At most 20 tags').default([]);
const notes = z.string().max(2000, 'Notes have at most 2,000 characters').default('');
const accountKey = z
  .string()
  .trim()
  .refine(isBase64Key, { message: 'An account key is base64: copy the whole key from the Keys blade' });

const accountDomain = z.string().transform((text, ctx) => {
  const parsed = parseAccountDomain(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.issue.message });
    return z.NEVER;
  }
  return parsed.domain;
});

export const arrAccountInputSchema = z.object({
  kind: z.literal('arr'),
  name: displayName,
  accountId: z.string().trim().regex(guidPattern, { message: 'An account ID is a GUID, like 0f6c8e4a-...-...' }).transform((s) => s.toLowerCase()),
  accountDomain,
  cloud: cloudNameSchema.default('AzureCloud'),
  primaryKey: accountKey,
  secondaryKey: accountKey.optional(),
  tags,
  notes,
});

export const acsResourceInputSchema = z
  .object({
    kind: z.literal('acs'),
    name: displayName,
    /** The Keys blade's connection string; leave it out to use the resource with Entra ID only. */
    connectionString: z.string().optional(),
    /** The endpoint alone, for Entra-only use. */
    endpoint: z.string().optional(),
    cloud: cloudNameSchema.default('AzureCloud'),
    tags,
    notes,
  })
  .transform((input, ctx) => {
    const { connectionString, endpoint, ...rest } = input;
    if (connectionString?.trim()) {
      const parsed = parseAcsConnectionString(connectionString);
      if (!parsed.ok) {
        for (const issue of parsed.issues) ctx.addIssue({ code: 'custom', path: ['connectionString'], message: issue.message });
        return z.NEVER;
      }
      return { ...rest, endpoint: parsed.value.endpoint, accessKey: parsed.value.accessKey as string | undefined };
    }
    const url = endpoint ? normaliseAcsEndpoint(endpoint) : undefined;
    if (!url) {
      ctx.addIssue({
        code: 'custom',
        path: [endpoint ? 'endpoint' : 'connectionString'],
        message: endpoint ? 'The endpoint must be an https:// URL, such as https://<name>.communication.azure.com/' : 'Paste the connection string, or give the endpoint alone for Entra ID sign-in',
      });
      return z.NEVER;
    }
    return { ...rest, endpoint: url, accessKey: undefined as string | undefined };
  });

export const accountInputSchema = z.discriminatedUnion('kind', [arrAccountInputSchema, acsResourceInputSchema]);
export type ArrAccountInput = z.output<typeof arrAccountInputSchema>;
export type AcsResourceInput = z.output<typeof acsResourceInputSchema>;

/** An account as every front door shows it: no secret values, only whether each is stored. */
export type AccountView = {
  id: string;
  name: string;
  cloud: string;
  tags: string[];
  notes: string;
  createdAt: string;
  updatedAt: string;
} & (
  | { kind: 'arr'; accountId: string; accountDomain: string; hasPrimaryKey: boolean; hasSecondaryKey: boolean }
  | { kind: 'acs'; endpoint: string; hasAccessKey: boolean }
);
