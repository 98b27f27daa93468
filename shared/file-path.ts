import { z } from 'zod';

/**
 * Characters no file path the user means to type contains: C0 and C1 controls (NUL ends a path in
 * the OS and Node refuses it), bidi overrides and isolates (they make `evil.exe` show as
 * `exe.live`), zero-width marks, the BOM and a lone surrogate half.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const invisible = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where the core writes a file the user chose (an export, a report): a full path, in characters a person can see. */
export const filePathSchema = z
  .string()
  .trim()
  .min(1, 'Choose where to save the file')
  .max(4096, 'A path has at most 4,096 characters')
  .refine((path) => !invisible.test(path), { message: 'The path holds a control or invisible character: type it again, or choose the file with Browse' });
