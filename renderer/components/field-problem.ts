import type { AppErrorShape } from '../../shared/errors.ts';

/** Shorthand for a Field's error props. */
export function problem(message: string | undefined) {
  return { validationMessage: message ?? null, validationState: message ? ('error' as const) : ('none' as const) };
}

/**
 * Puts each issue the core named under its field, by the path's first segment after `prefix`
 * (`publicClient.clientId` with prefix `publicClient.` is `clientId`). Issues for no known field,
 * and an error without issues, go to `form`: the message over the whole form. A field shows one
 * message, the first: a schema's later checks on an empty value ("A tenant is a GUID…" after
 * "Enter a tenant") only repeat it in other words.
 */
export function fieldIssues<F extends string>(
  error: AppErrorShape | undefined,
  fields: readonly F[],
  prefix = '',
): Partial<Record<F | 'form', string>> {
  const found: Partial<Record<F | 'form', string>> = {};
  if (!error) return found;
  // The form's bar may gather issues of several fields: each a sentence of its own.
  const sentence = (message: string) => (/[.!?]$/.test(message) ? message : `${message}.`);
  const add = (key: F | 'form', message: string) => {
    if (key !== 'form') found[key] ??= message;
    else found.form = found.form === undefined ? message : `${sentence(found.form)} ${sentence(message)}`;
  };
  for (const issue of error.issues ?? []) {
    const field = (issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path).split('.')[0] ?? '';
    add((fields as readonly string[]).includes(field) ? (field as F) : 'form', issue.message);
  }
  if (!error.issues?.length) add('form', error.message);
  return found;
}
