import { z } from 'zod';

/** The id a caller names a long call by (a UUID of its choosing), so `calls.cancel` can stop it while it runs. */
export const operationIdSchema = z.string().uuid({ message: 'An operation id is a UUID' });

/** `calls.cancel`: the long call to stop. */
export const operationCancelSchema = z.object({ operationId: operationIdSchema }).strict();
