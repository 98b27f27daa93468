import { z } from 'zod';
import { method } from './method.ts';

/** The id a caller names a long call by (a UUID of its choosing), so `calls.cancel` can stop it while it runs. */
export const operationIdSchema = z.string().uuid({ message: 'An operation id is a UUID' });

/** `calls.cancel`: the long call to stop. */
export const operationCancelSchema = z.object({ operationId: operationIdSchema }).strict();

/** The contract's methods for Stopping long calls (shared/contract.ts joins every domain's). */
export const callsMethods = {
  /** Stops a long call started with that operationId (a sign-in, a mint or revoke waiting on a slow service, discovery, an audit, a key rotation). */
  'calls.cancel': method<typeof operationCancelSchema, { cancelled: boolean }>(operationCancelSchema),
} as const;
