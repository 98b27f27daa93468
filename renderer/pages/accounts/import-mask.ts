/** What a masked key reads as in the Import box, whatever its length. */
export const maskedKey = '••••';

// accesskey=… in a connection string; FOO_KEY=… in a .env; "primaryKey": "…" in JSON.
const keyPatterns: readonly RegExp[] = [
  /(accesskey\s*=\s*)[^;\s"'`]+/gi,
  /^(\s*(?:export\s+)?[A-Z0-9_]*KEY\s*=\s*["']?)[^\s"'#]+/gm,
  /("(?:primaryKey|secondaryKey|accessKey)"\s*:\s*")[^"]+/g,
];

/**
 * The pasted text with every key it carries masked (`accesskey=••••`), for the Import box once the
 * text has been read: the preview has what it needs, and the key no longer sits on the screen.
 */
export function maskKeys(text: string): string {
  return keyPatterns.reduce((masked, pattern) => masked.replace(pattern, `$1${maskedKey}`), text);
}
