import { type z } from 'zod';

/**
 * Characters a person cannot see, but which change what they see: C0 and C1 controls, the marks,
 * embeddings, overrides and isolates that reorder text (they make `evil.exe` show as `exe.live`,
 * or one account name look like another), line and paragraph separators, the zero-width space,
 * the BOM and a lone surrogate half. The zero-width (non-)joiners are not among them: Persian,
 * Indic scripts and emoji sequences need them in a name.
 */
const hiddenSource = String.raw`[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;

/** Whether a name holds a character from the list above. */
export const hiddenInName = new RegExp(hiddenSource);

/** A path has no use for the joiners either. */
export const hiddenInPath = new RegExp(String.raw`[\u200c\u200d]|${hiddenSource}`);

/** A name, label or tag as the user types it: refused, beside its field, when it holds a hidden character. */
export function visibleName(schema: z.ZodString): z.ZodString {
  return schema.refine((text) => !hiddenInName.test(text), {
    message: 'Use only characters you can see: a control or text-direction character can make one name look like another',
  });
}
