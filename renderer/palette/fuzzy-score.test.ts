import { describe, expect, it } from 'vitest';
import { fuzzyScore, wordScore, wordsOf } from './fuzzy-score.ts';

describe('wordsOf', () => {
  it('splits on anything but letters and digits, lower-cased and without accents', () => {
    expect(wordsOf('Adele.Vance@contoso — chat.join Réunion')).toEqual(['adele', 'vance', 'contoso', 'chat', 'join', 'reunion']);
  });
});

describe('wordScore', () => {
  it('ranks a whole word over its start, its start over its middle, its middle over its letters in order', () => {
    const whole = wordScore('show', 'show');
    const start = wordScore('show', 'showroom');
    const middle = wordScore('room', 'showroom');
    const letters = wordScore('srm', 'showroom');
    expect(whole).toBeGreaterThan(start);
    expect(start).toBeGreaterThan(middle);
    expect(middle).toBeGreaterThan(letters);
    expect(letters).toBeGreaterThan(0);
  });

  it('does not match letters in order from another first letter, nor short words in the middle', () => {
    expect(wordScore('hrm', 'showroom')).toBe(0);
    expect(wordScore('ow', 'showroom')).toBe(0);
    expect(wordScore('x', 'showroom')).toBe(0);
  });
});

describe('fuzzyScore', () => {
  const words = wordsOf('copy acs chat token support chat tester');

  it('needs every typed word to match a word', () => {
    expect(fuzzyScore('copy token support chat tester', words)).not.toBeNull();
    expect(fuzzyScore('copy token support chat nobody', words)).toBeNull();
  });

  it('matches typed words in any order, but ranks the typed order higher', () => {
    const ordered = fuzzyScore('copy tester', words);
    const reversed = fuzzyScore('tester copy', words);
    expect(reversed).not.toBeNull();
    expect(ordered).toBeGreaterThan(reversed!);
  });

  it('ranks the command with fewer words left over first when both match alike', () => {
    expect(fuzzyScore('showroom', wordsOf('open showroom'))).toBeGreaterThan(fuzzyScore('showroom', wordsOf('open showroom and more'))!);
  });

  it('matches everything, equally, when nothing is typed', () => {
    expect(fuzzyScore('', words)).toBeCloseTo(-0.05 * words.length);
  });
});
