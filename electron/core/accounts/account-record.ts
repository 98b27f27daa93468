import { z } from 'zod';

/**
 * One account as `accounts.json` keeps it: everything but the secrets, and the names of the secrets
 * the vault holds for it under `account/<id>/<secret>`.
 */
const common = {
  id: z.string().uuid(),
  name: z.string().min(1),
  cloud: z.string().min(1),
  tags: z.array(z.string()),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The ARM resource id, from discovery or found by the role audit or key rotation. */
  resourceId: z.string().optional(),
  /** When each of the resource's keys was last regenerated through the app. */
  keysRotatedAt: z.object({ primary: z.string().optional(), secondary: z.string().optional() }).optional(),
  /** When each stored key last got a new value here (edit, rotation); the rotation reminder counts from it, else from createdAt. */
  keysSetAt: z
    .object({ primaryKey: z.string().optional(), secondaryKey: z.string().optional(), accessKey: z.string().optional() })
    .optional(),
};

export const accountRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('arr'),
    ...common,
    accountId: z.string(),
    accountDomain: z.string(),
    secrets: z.array(z.enum(['primaryKey', 'secondaryKey'])),
  }),
  z.object({
    kind: z.literal('acs'),
    ...common,
    endpoint: z.string(),
    secrets: z.array(z.enum(['accessKey'])),
    accessKeySlot: z.enum(['primary', 'secondary']).optional(),
  }),
]);

export type AccountRecord = z.infer<typeof accountRecordSchema>;
/** A secret the vault stores (connection strings are derived, never stored). */
export type StoredSecret = AccountRecord['secrets'][number];

export const accountsFileSchema = z.object({ version: z.literal(1), accounts: z.array(accountRecordSchema) });

/** Where the vault keeps an account's secret. */
export function secretName(id: string, secret: StoredSecret): string {
  return `${secretPrefix(id)}${secret}`;
}

/** The prefix of every secret an account owns, for deleting them together. */
export function secretPrefix(id: string): string {
  return `account/${id}/`;
}

/** A name compared as the user sees it: trimmed, case-insensitive. */
export function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en');
}
