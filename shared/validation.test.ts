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
});
