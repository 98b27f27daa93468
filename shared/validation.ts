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
  if (issue.code === 'invalid_type') return /received undefined$/.test(issue.message) ? 'This field is required' : `Expected ${article(issue.expected)}`;
  if (issue.code === 'unrecognized_keys') return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  return issue.message;
}

/** One sentence that summarises field issues, for places with no form (CLI, toasts). */
export function summariseIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

function article(expected: string): string {
  const noun = expected === 'array' ? 'a list' : expected === 'object' ? 'an object' : expected === 'boolean' ? 'true or false' : expected === 'int' ? 'a whole number' : `a ${expected}`;
  return noun;
}
