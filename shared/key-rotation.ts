import { z } from 'zod';
import { operationIdSchema } from './calls.ts';
import type { AccountView, KeyName } from './accounts.ts';
import { method } from './method.ts';

export type { KeyAge, KeyName } from './accounts.ts';

/**
 * Key rotation: regenerating an account's primary or secondary key through Azure Resource Manager,
 * the two-key guidance a confirmation shows, and how old each stored key is.
 */

export const rotateKeySchema = z
  .object({
    id: z.string().uuid({ message: 'Unknown account reference' }),
    key: z.enum(['primary', 'secondary'], { message: 'Choose primary or secondary' }),
    /** The identity that regenerates the key; each signed-in identity of the account's cloud is tried when omitted. */
    identityId: z.string().uuid({ message: 'Unknown identity' }).optional(),
    operationId: operationIdSchema.optional(),
  })
  .strict();

export interface KeyRotationResult {
  account: AccountView;
  key: KeyName;
  rotatedAt: string;
  /** The identity whose token regenerated the key. */
  by: { identityId: string; name: string };
  /** True when the app held the regenerated key and now holds its new value. */
  storedKeyUpdated: boolean;
  guidance: string;
}

/**
 * The two-key guidance for a confirmation: move clients to the other key first, then regenerate
 * this one, and what happens to the key this app stores.
 */
export function keyRotationGuidance(account: AccountView, key: KeyName): string {
  const other: KeyName = key === 'primary' ? 'secondary' : 'primary';
  const lines = [
    `Regenerating the ${key} key of "${account.name}" invalidates it at once: every app, script and service still using it stops working.`,
    `Move them to the ${other} key first, then regenerate the ${key} key; rotate the ${other} key the same way later.`,
  ];
  if (account.kind === 'arr') {
    const stored = key === 'primary' ? account.hasPrimaryKey : account.hasSecondaryKey;
    lines.push(
      stored
        ? `This app replaces its stored ${key} key with the new one.`
        : `This app stores no ${key} key for this account, so nothing stored here changes.`,
    );
  } else if (!account.hasAccessKey) {
    lines.push('This app stores no access key for this resource, so nothing stored here changes.');
  } else if (account.accessKeySlot === key) {
    lines.push(`The access key stored here is the ${key} key: the app switches to the new value.`);
  } else if (account.accessKeySlot === other) {
    lines.push(`The access key stored here is the ${other} key, so the app's connection string keeps working.`);
  } else {
    lines.push(
      `If the access key stored here is the ${key} key, the app switches to the new value; if it is the ${other} key, it keeps working.`,
    );
  }
  return lines.join(' ');
}

/** The contract's methods for key rotation (shared/contract.ts joins every domain's). */
export const keyRotationMethods = {
  /** Regenerates the primary or secondary key through Azure Resource Manager and stores the new value. */
  'accounts.rotateKey': method<typeof rotateKeySchema, KeyRotationResult>(rotateKeySchema),
} as const;
