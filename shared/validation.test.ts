import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { summariseIssues, toFieldIssues } from './validation.ts';

const schema = z.object({ name: z.string(), minutes: z.number(), tags: z.array(z.string()) }).strict();
const issuesOf = (input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : toFieldIssues(parsed.error);
};

describe('field issues in words', () => {
  it('says a missing field is required, and a field of the wrong type what it should be', () => {
    expect(issuesOf({ minutes: '60', tags: 'a' })).toEqual([
      { path: 'name', message: 'This field is required' },
      { path: 'minutes', message: 'Expected a number' },
      { path: 'tags', message: 'Expected a list' },
    ]);
  });

  it('names unknown fields, and summarises issues in one line', () => {
    const issues = issuesOf({ name: 'x', minutes: 1, tags: [], colour: 'red' });
    expect(issues).toEqual([{ path: '', message: 'Unknown field: colour' }]);
    expect(summariseIssues([{ path: 'name', message: 'Enter a name' }, ...issues])).toBe('name: Enter a name; Unknown field: colour');
  });

  // Found by the contract fuzzer (electron/core/contract-fuzz.test.ts): every method echoed unknown field names as they came.
  it('quotes an unknown field name without its control characters, bidi overrides or length', () => {
    const [issue] = issuesOf({
      name: 'x',
      minutes: 1,
      tags: [],
      '\u001b]8;;https://evil.example\u0007x': 1,
      ['\u202e'.padEnd(10_000, 'a')]: 2,
    });
    expect(issue?.message).toBe(`Unknown fields: "\\u001b]8;;https://evil.example\\u0007x", "\\u202e${'a'.repeat(39)}…"`);
  });

  it('summarises the first five issues of many, and how many more there are', () => {
    const issues = Array.from({ length: 10_000 }, (_, i) => ({ path: `ids.${i}`, message: 'Unknown account reference' }));
    expect(summariseIssues(issues)).toBe(
      `${issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}; and 9995 more problems`,
    );
  });
});
