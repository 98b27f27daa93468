import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { hiddenInPath, visibleName } from './visible-text.ts';

const name = visibleName(z.string().trim().min(1));

describe('a name the user can see whole', () => {
  it.each([
    ['a right-to-left override', 'render\u202Egnp.exe'],
    ['a right-to-left isolate', 'dev\u2067ved\u2069'],
    ['a left-to-right mark', 'prod\u200E'],
    ['NUL', 'a\u0000b'],
    ['a newline', 'first\nsecond'],
    ['an escape (terminal colours)', '\u001b[31mred'],
    ['a C1 control', 'x\u0085y'],
    ['a zero-width space', 'con\u200Btoso'],
    ['a BOM inside', 'con\uFEFFtoso'],
    ['a lone surrogate half', 'a\uD800b'],
  ])('refuses %s, saying why', (_, text) => {
    const result = name.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/characters you can see.*look like another/);
  });

  it.each([
    ['accents and other scripts', 'Démo Zürich · 東京 · Київ'],
    ['a zero-width non-joiner, which Persian needs', 'می\u200Cخواهم'],
    ['an emoji family (zero-width joiners)', 'team \u{1F468}\u200D\u{1F469}\u200D\u{1F467}'],
    ['a whole surrogate pair', 'rocket \u{1F680}'],
  ])('accepts %s', (_, text) => {
    expect(name.safeParse(text).success).toBe(true);
  });

  it('keeps paths stricter: no joiner belongs in a path', () => {
    expect(hiddenInPath.test('/tmp/a\u200Db.json')).toBe(true);
    expect(hiddenInPath.test('/tmp/Démo/report.json')).toBe(false);
  });
});
