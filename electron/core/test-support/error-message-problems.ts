import { isErrorCode } from '../../../shared/errors.ts';
import { secretFields } from './contract-examples.ts';

/**
 * What is wrong with a failed call's error, as a person reading it would notice: an unknown or
 * `internal` code, a message that is not one plain sentence (a stack, control or bidi characters,
 * a wall of text), or a secret quoted back.
 */
export function errorProblems(error: unknown, secrets: readonly string[]): string[] {
  const { code, message, issues } = (error ?? {}) as { code?: unknown; message?: unknown; issues?: unknown };
  const problems: string[] = [];
  if (!isErrorCode(code)) problems.push(`unknown code ${String(code)}`);
  if (code === 'internal') problems.push('code internal (a bug reached the catch-all)');
  if (typeof message !== 'string' || !message.trim()) return [...problems, 'no message'];
  const texts = [
    message,
    ...(Array.isArray(issues)
      ? issues.map((issue: { message?: unknown; path?: unknown }) => `${String(issue.path)} ${String(issue.message)}`)
      : []),
  ];
  for (const text of texts) {
    if (text.length > 2000) problems.push(`a message of ${text.length} characters`);
    if (/\n\s*at |\bat [^\s]+ \(.*:\d+:\d+\)|node:internal|node_modules/.test(text)) problems.push(`a stack trace: ${text.slice(0, 200)}`);
    if (/\b(TypeError|RangeError|SyntaxError|ReferenceError|ERR_[A-Z_]+)\b/.test(text))
      problems.push(`a raw JavaScript error: ${text.slice(0, 200)}`);
    const control =
      // eslint-disable-next-line no-control-regex -- control characters are what this looks for
      /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(
        text,
      );
    if (control)
      problems.push(
        `a control, bidi or broken character U+${(control[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')} in: ` +
          `${JSON.stringify(text.slice(0, 200))}`,
      );
    for (const secret of secrets)
      if (secret.length >= 8 && text.includes(secret)) problems.push(`quotes a secret (${secret.slice(0, 4)}…) in: ${text.slice(0, 200)}`);
  }
  return problems;
}

/** The secret-looking values an input carries (see `secretFields`), to look for in an error; secrets sit near the top, so deep nesting
 * is not followed. */
export function secretsIn(input: unknown, key?: string, depth = 0): string[] {
  if (typeof input === 'string') return key !== undefined && secretFields.has(key) ? [input.trim()] : [];
  if (input === null || typeof input !== 'object' || depth > 8) return [];
  return Object.entries(input).flatMap(([name, value]) => secretsIn(value, Array.isArray(input) ? key : name, depth + 1));
}
