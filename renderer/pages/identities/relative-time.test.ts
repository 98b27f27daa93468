import { describe, expect, it } from 'vitest';
import { clockTime, relativeTime } from './relative-time.ts';

const now = Date.parse('2025-06-01T12:00:00.000Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('relative time', () => {
  it('says "just now" for the last 45 seconds', () => {
    expect(relativeTime(ago(0), now, 'en')).toBe('just now');
    expect(relativeTime(ago(44), now, 'en')).toBe('just now');
  });

  it('rounds to the largest unit that fits', () => {
    expect(relativeTime(ago(50), now, 'en')).toBe('1 minute ago');
    expect(relativeTime(ago(5 * 60), now, 'en')).toBe('5 minutes ago');
    expect(relativeTime(ago(3 * 3600), now, 'en')).toBe('3 hours ago');
    expect(relativeTime(ago(86_400), now, 'en')).toBe('yesterday');
    expect(relativeTime(ago(3 * 86_400), now, 'en')).toBe('3 days ago');
    expect(relativeTime(ago(14 * 86_400), now, 'en')).toBe('2 weeks ago');
    expect(relativeTime(ago(400 * 86_400), now, 'en')).toBe('last year');
  });

  it('words the future too, and gives nothing for a date it cannot read', () => {
    expect(relativeTime(new Date(now + 2 * 86_400_000).toISOString(), now, 'en')).toBe('in 2 days');
    expect(relativeTime('not a date', now, 'en')).toBe('');
  });

  it('counts down as m:ss, and h:mm:ss from an hour', () => {
    expect(clockTime(299.6)).toBe('4:59');
    expect(clockTime(5)).toBe('0:05');
    expect(clockTime(-3)).toBe('0:00');
    expect(clockTime(3 * 3600 + 61)).toBe('3:01:01');
  });
});
