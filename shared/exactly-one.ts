import { z } from 'zod';

/**
 * "Exactly one of" as a union of exact objects, each named by the field only it has, so the parsed
 * type says which one the caller gave and code downstream needs no `?? ''` or cast.
 *
 * zod answers a union no branch fits with one "Invalid input" for the whole input. A form needs
 * better: when the caller gave exactly one of the fields, the issues are that branch's (the one
 * they meant); when they gave none or several, one issue at the first field says so in words.
 */
export function exactlyOneOf<const B extends Record<string, z.ZodObject>>(
  branches: B,
  words: { neither: string; both: string },
): z.ZodUnion<B[keyof B][]> {
  const keys = Object.keys(branches);
  const union = z.union(Object.values(branches) as B[keyof B][]);
  return union.superRefine(
    (input, payload) => {
      const at = payload.issues.findIndex((issue) => issue.code === 'invalid_union');
      const failed = payload.issues[at];
      if (failed?.code !== 'invalid_union') return;
      const given = keys.filter(
        (key) => typeof input === 'object' && input !== null && (input as Record<string, unknown>)[key] !== undefined,
      );
      const meant = given.length === 1 ? failed.errors[keys.indexOf(given[0] as string)] : undefined;
      const instead = meant ?? [
        { code: 'custom' as const, path: [keys[0] as string], message: given.length === 0 ? words.neither : words.both },
        ...sharedIssues(failed.errors[0] ?? [], keys),
      ];
      payload.issues.splice(at, 1, ...(instead as z.core.$ZodRawIssue[]));
    },
    { when: (payload) => payload.issues.some((issue) => issue.code === 'invalid_union') },
  ) as z.ZodUnion<B[keyof B][]>;
}

/** A branch's issues about the fields every branch has (the rest are about which branch it is), so neither or both still names them. */
function sharedIssues(issues: readonly z.core.$ZodIssue[], keys: readonly string[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue): z.core.$ZodIssue[] => {
    if (keys.includes(String(issue.path[0]))) return [];
    if (issue.code !== 'unrecognized_keys') return [issue];
    const others = issue.keys.filter((key) => !keys.includes(key));
    return others.length > 0
      ? [{ ...issue, keys: others, message: `Unrecognized key${others.length > 1 ? 's' : ''}: ${others.join(', ')}` }]
      : [];
  });
}
