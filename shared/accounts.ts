import { z } from 'zod';
import { acsEndpointMessage, normaliseAcsEndpoint, parseAcsConnectionString, type AcsConnection } from './acs-connection-string.ts';
import { isBase64Key } from './base64.ts';
import { cloudNameSchema, guidSchema } from './clouds.ts';
import { parseAccountDomain } from './mixed-reality-domain.ts';
import { newPassphraseSchema } from './vault.ts';
import { filePathSchema } from './file-path.ts';
import { visibleName } from './visible-text.ts';
import { method, noInput } from './method.ts';
import { revealPurposeSchema } from './activity.ts';

/**
 * What the user enters for an account, validated field by field so a form can show each problem
 * beside its field. Secrets (keys, connection strings) are part of the input only: what comes back
 * (AccountView) says whether a secret is stored, never what it is.
 */

const displayName = visibleName(z.string().trim().min(1, 'Enter a name').max(80, 'Use at most 80 characters'));
const tags = z
  .array(visibleName(z.string().trim().min(1, 'A tag cannot be empty').max(40, 'A tag has at most 40 characters')))
  .max(20, 'At most 20 tags')
  .default([]);
const notes = z.string().max(2000, 'Notes have at most 2,000 characters').default('');
const accountKey = z.string().trim().refine(isBase64Key, { message: 'An account key is base64: copy the whole key from the Keys blade' });

const accountDomain = z.string().transform((text, ctx) => {
  const parsed = parseAccountDomain(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.issue.message });
    return z.NEVER;
  }
  return parsed.domain;
});

/** A pasted ACS connection string's endpoint and key; its problems go on the connectionString field. */
function connectionStringParts(text: string, ctx: z.RefinementCtx): AcsConnection | undefined {
  const parsed = parseAcsConnectionString(text);
  if (parsed.ok) return parsed.value;
  for (const issue of parsed.issues) ctx.addIssue({ code: 'custom', path: ['connectionString'], message: issue.message });
  return undefined;
}

export const arrAccountInputSchema = z.object({
  kind: z.literal('arr'),
  name: displayName,
  accountId: guidSchema('An account ID is a GUID, like 0f6c8e4a-...-...'),
  accountDomain,
  cloud: cloudNameSchema.default('AzureCloud'),
  /** Leave both keys out to use the account with Entra ID only (production, or no right to list keys). */
  primaryKey: accountKey.optional(),
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
      const parts = connectionStringParts(connectionString, ctx);
      return parts ? { ...rest, endpoint: parts.endpoint, accessKey: parts.accessKey as string | undefined } : z.NEVER;
    }
    const url = endpoint ? normaliseAcsEndpoint(endpoint) : undefined;
    if (!url) {
      ctx.addIssue({
        code: 'custom',
        path: [endpoint ? 'endpoint' : 'connectionString'],
        message: endpoint ? acsEndpointMessage : 'Paste the connection string, or give the endpoint alone for Entra ID sign-in',
      });
      return z.NEVER;
    }
    return { ...rest, endpoint: url, accessKey: undefined as string | undefined };
  });

export const accountInputSchema = z.discriminatedUnion('kind', [arrAccountInputSchema, acsResourceInputSchema]);

/** One of an Azure resource's two keys (the key rotation regenerates one of them). */
export type KeyName = 'primary' | 'secondary';

/** How old a stored key is, for the rotation reminder. */
export interface KeyAge {
  secret: 'primaryKey' | 'secondaryKey' | 'accessKey';
  /** Which of the resource's two keys it is; null when the app does not know (an ACS key pasted by hand). */
  azureKey: KeyName | null;
  /** Since when the age counts: the last rotation through the app, else when the key was stored here. */
  since: string;
  /** When it was last regenerated through the app; null when never. */
  rotatedAt: string | null;
  ageDays: number;
  /** Older than Settings → keyRotationReminderDays. */
  due: boolean;
}

/** An account as every front door shows it: no secret values, only whether each is stored. */
export type AccountView = {
  id: string;
  name: string;
  cloud: string;
  tags: string[];
  notes: string;
  createdAt: string;
  updatedAt: string;
  /**
   * Secrets the account should have but the open vault lacks (after a damaged vault file was
   * quarantined): the user adds them again with Edit. Empty when the vault is not open.
   */
  secretsMissing: AccountSecret[];
  /** The account's ARM resource id, once discovery imported it or the app found its resource (role audit, key rotation). */
  resourceId?: string | undefined;
  /** When each of the resource's keys was last regenerated through the app. */
  keysRotatedAt?: { primary?: string | undefined; secondary?: string | undefined } | undefined;
  /** How old each stored key is, and whether the rotation reminder (Settings) is due. */
  keyAges?: KeyAge[] | undefined;
} & (
  | { kind: 'arr'; accountId: string; accountDomain: string; hasPrimaryKey: boolean; hasSecondaryKey: boolean }
  | {
      kind: 'acs';
      endpoint: string;
      hasAccessKey: boolean;
      /** Which of the resource's keys the stored access key is, when known. */ accessKeySlot?: KeyName | undefined;
    }
);

/** The app's own id for a stored account (a UUID), not Azure's account ID. */
export const accountRefSchema = z.string().uuid({ message: 'Unknown account reference' });

/** Secrets an account can hold. `connectionString` is derived from an ACS resource's endpoint and access key. */
export const accountSecretSchema = z.enum(['primaryKey', 'secondaryKey', 'accessKey', 'connectionString']);
export type AccountSecret = z.infer<typeof accountSecretSchema>;

const arrEdit = z
  .object({
    kind: z.literal('arr'),
    name: displayName.optional(),
    accountId: arrAccountInputSchema.shape.accountId.optional(),
    accountDomain: accountDomain.optional(),
    cloud: cloudNameSchema.optional(),
    /** Omit to keep the stored key; null removes it. */
    primaryKey: accountKey.nullable().optional(),
    /** Omit to keep; null removes the stored secondary key. */
    secondaryKey: accountKey.nullable().optional(),
    tags: tags.optional(),
    notes: notes.optional(),
  })
  .strict();

const acsEdit = z
  .object({
    kind: z.literal('acs'),
    name: displayName.optional(),
    /** Replaces endpoint and access key together. */
    connectionString: z.string().optional(),
    /** Changes the endpoint alone (the stored key is kept unless `removeAccessKey`). */
    endpoint: z.string().optional(),
    /** Forget the stored access key: the resource is then used with Entra ID only. */
    removeAccessKey: z.boolean().optional(),
    cloud: cloudNameSchema.optional(),
    tags: tags.optional(),
    notes: notes.optional(),
  })
  .strict()
  .transform((input, ctx) => {
    const { connectionString, endpoint, ...rest } = input;
    if (connectionString?.trim()) {
      const parts = connectionStringParts(connectionString, ctx);
      return parts ? { ...rest, endpoint: parts.endpoint, accessKey: parts.accessKey as string | undefined } : z.NEVER;
    }
    if (endpoint === undefined) return { ...rest, endpoint: undefined as string | undefined, accessKey: undefined as string | undefined };
    const url = normaliseAcsEndpoint(endpoint);
    if (!url) {
      ctx.addIssue({ code: 'custom', path: ['endpoint'], message: acsEndpointMessage });
      return z.NEVER;
    }
    return { ...rest, endpoint: url, accessKey: undefined as string | undefined };
  });

/**
 * An edit: the account's kind (it cannot change) and the fields to change. Rename is an edit of
 * `name` alone. Secrets are sent only when the user typed a new one.
 */
export const accountUpdateSchema = z.object({ id: accountRefSchema, changes: z.discriminatedUnion('kind', [arrEdit, acsEdit]) }).strict();
export type AccountUpdate = z.output<typeof accountUpdateSchema>;

export const accountSecretRequestSchema = z.object({ id: accountRefSchema, secret: accountSecretSchema }).strict();
/** A reveal names what it is for (the page's own copy in browser mode, the CLI's print), so the access log says how the value left. */
export const accountRevealSchema = accountSecretRequestSchema.extend({ purpose: revealPurposeSchema.optional() }).strict();

/** What a reveal returns: the value, and how long the UI shows it before masking it again. */
export interface RevealedSecret {
  value: string;
  hideAfterSeconds: number;
}

/** What a main-process copy returns: when the clipboard will be cleared if it still holds the value. */
export interface CopiedSecret {
  clearsAfterSeconds: number;
}

/**
 * Import from pasted text: a connection string, a `.env` file, our JSON export (plain or
 * passphrase-encrypted), or Microsoft's `arrconfig.json`. `dryRun` previews; a real import adds
 * the chosen items all together or none of them.
 */
export const accountImportInputSchema = z
  .object({
    text: z.string().min(1, 'Paste a connection string or choose a file').max(1_000_000, 'The file is larger than 1 MB'),
    /** Helps recognise the format and name a lone account (`contoso.env` → "contoso"). */
    fileName: z.string().max(255).optional(),
    /** For an encrypted export. */
    passphrase: z.string().max(1024).optional(),
    /** Cloud profile for items that do not name one. */
    cloud: cloudNameSchema.optional(),
    /** Indexes of the previewed items to import; all valid ones when omitted. */
    only: z.array(z.number().int().min(0)).max(10_000).optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();

/** One account found in an import, as the preview shows it: never the secret values. */
export interface ImportItem {
  index: number;
  name: string;
  kind: 'arr' | 'acs' | 'unknown';
  /** `ready` in a preview; `added` after a real import. */
  status: 'ready' | 'added' | 'invalid' | 'duplicate' | 'skipped';
  /** Which secrets the item carries (names, not values). */
  secrets: AccountSecret[];
  issues: { path: string; message: string }[];
  /** Set once added. */
  id?: string;
}

export interface ImportReport {
  format: 'connection-string' | 'env' | 'json' | 'encrypted-json' | 'arrconfig';
  items: ImportItem[];
  added: number;
}

/**
 * Export of account definitions to a file the core writes (mode 0600). With secrets only into a
 * passphrase-encrypted file.
 */
const exportFields = {
  /** Accounts to export; all when omitted. */
  ids: z.array(accountRefSchema).max(10_000).optional(),
  /** Absolute path of the file to write. */
  path: filePathSchema,
  overwrite: z.boolean().default(false),
};
export const accountExportInputSchema = z.discriminatedUnion(
  'includeSecrets',
  [
    z
      .object({
        includeSecrets: z.literal(true),
        passphrase: z
          .string()
          .max(1024)
          .optional()
          .transform((passphrase, ctx) => {
            const strong = newPassphraseSchema.safeParse(passphrase ?? '');
            if (strong.success) return strong.data;
            ctx.addIssue({
              code: 'custom',
              message: passphrase
                ? (strong.error.issues[0]?.message ?? 'Choose a longer passphrase')
                : 'Secrets are exported only into an encrypted file: choose a passphrase',
            });
            return z.NEVER;
          }),
        ...exportFields,
      })
      .strict(),
    z
      .object({
        includeSecrets: z.literal(false).default(false),
        passphrase: z.custom<undefined>((value) => value === undefined, 'A passphrase is only used when secrets are exported').optional(),
        ...exportFields,
      })
      .strict(),
  ],
  { message: 'Expected true or false' },
);

export interface ExportResult {
  path: string;
  count: number;
  encrypted: boolean;
}

const byId = z.object({ id: accountRefSchema }).strict();

/** The contract's methods for accounts and their secrets (shared/contract.ts joins every domain's). */
export const accountsMethods = {
  'accounts.list': method<typeof noInput, AccountView[]>(noInput),
  'accounts.add': method<typeof accountInputSchema, AccountView>(accountInputSchema),
  'accounts.update': method<typeof accountUpdateSchema, AccountView>(accountUpdateSchema),
  /** Deletes the account and its secrets. */
  'accounts.delete': method<typeof byId, { id: string }>(byId),
  /** Returns one secret to the page, on the user's explicit request. */
  'accounts.reveal': method<typeof accountRevealSchema, RevealedSecret>(accountRevealSchema),
  /** Copies one secret in the core (desktop app) and clears the clipboard later. */
  'accounts.copy': method<typeof accountSecretRequestSchema, CopiedSecret>(accountSecretRequestSchema),
  'accounts.import': method<typeof accountImportInputSchema, ImportReport>(accountImportInputSchema),
  'accounts.export': method<typeof accountExportInputSchema, ExportResult>(accountExportInputSchema),
} as const;
