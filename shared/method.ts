import { z } from 'zod';

/**
 * How a domain declares a contract method: its input schema, and (as a type only) what it returns.
 * Each domain's shared file holds its slice of methods next to their schemas; shared/contract.ts
 * joins the slices, so a new method is written once, in its domain.
 */
export function method<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

/** The input of a method that takes none: nothing, or an empty object. */
export const noInput = z
  .undefined()
  .or(z.object({}).strict())
  .transform(() => undefined);
