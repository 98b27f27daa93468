import { z } from 'zod';
import { hiddenInPath } from './visible-text.ts';

/** Where the core writes a file the user chose (an export, a report): a full path, in characters a person can see. */
export const filePathSchema = z
  .string()
  .trim()
  .min(1, 'Choose where to save the file')
  .max(4096, 'A path has at most 4,096 characters')
  .refine((path) => !hiddenInPath.test(path), {
    message: 'The path holds a control or invisible character: type it again, or choose the file with Browse',
  });
