import type { z } from 'zod';
import type { FieldIssue } from './errors.ts';

/** Turns a zod error into field-level issues a form can show beside each field. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: humanMessage(issue),
  }));
}

function humanMessage(issue: z.core.$ZodIssue): string {
  // zod 4 leaves `input` out of issues unless asked, so "missing" is read from its message.
  if (issue.code === 'invalid_type')
    return /received undefined$/.test(issue.message) ? 'This field is required' : `Expected ${article(issue.expected)}`;
  if (issue.code === 'unrecognized_keys')
    return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${listed(issue.keys.map(fieldName), 'more')}`;
  return issue.message;
}

/** One sentence that summarises field issues, for places with no form (CLI, toasts); the first few when there are many. */
export function summariseIssues(issues: readonly FieldIssue[]): string {
  return listed(
    issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)),
    'more problems',
    '; ',
  );
}

const shownAtMost = 5;

function listed(items: readonly string[], more: string, separator = ', '): string {
  const shown = items.slice(0, shownAtMost).join(separator);
  return items.length > shownAtMost ? `${shown}${separator}and ${items.length - shownAtMost} ${more}` : shown;
}

/**
 * A field name the caller sent, fit to quote: as it is when plain, else quoted with anything but
 * printable ASCII escaped and cut short, so a name cannot carry terminal escapes, bidi overrides or
 * a megabyte into a message.
 */
function fieldName(key: string): string {
  if (/^[A-Za-z0-9_$.-]{1,40}$/.test(key)) return key;
  const escaped = key
    .slice(0, 40)
    .replace(/[^\x20-\x7e]|["\\]/g, (c) => (c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return `"${escaped}${key.length > 40 ? '…' : ''}"`;
}

function article(expected: string): string {
  const noun =
    expected === 'array'
      ? 'a list'
      : expected === 'object'
        ? 'an object'
        : expected === 'boolean'
          ? 'true or false'
          : expected === 'int'
            ? 'a whole number'
            : `a ${expected}`;
  return noun;
}
