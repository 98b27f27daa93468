import type { AppErrorShape } from '../../shared/errors.ts';

/** Shorthand for a Field's error props. */
export function problem(message: string | undefined) {
  return { validationMessage: message ?? null, validationState: message ? ('error' as const) : ('none' as const) };
}

/**
 * Puts each issue the core named under its field, by the path's first segment after `prefix`
 * (`publicClient.clientId` with prefix `publicClient.` is `clientId`). Issues for no known field,
 * and an error without issues, go to `form`: the message over the whole form.
 */
export function fieldIssues<F extends string>(
  error: AppErrorShape | undefined,
  fields: readonly F[],
  prefix = '',
): Partial<Record<F | 'form', string>> {
  const found: Partial<Record<F | 'form', string>> = {};
  if (!error) return found;
  const add = (key: F | 'form', message: string) => (found[key] = found[key] ? `${found[key]} ${message}` : message);
  for (const issue of error.issues ?? []) {
    const field = (issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path).split('.')[0] ?? '';
    add((fields as readonly string[]).includes(field) ? (field as F) : 'form', issue.message);
  }
  if (!error.issues?.length) add('form', error.message);
  return found;
}
