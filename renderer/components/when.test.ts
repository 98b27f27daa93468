import { describe, expect, it } from 'vitest';
import { duration, formatMoment, formatWhen, timeLeftWords } from './when.ts';

const now = Date.parse('2026-12-07T04:17:00Z');

describe('when', () => {
  it('says the time left in minutes, hours and minutes, or days, and the time gone', () => {
    expect(timeLeftWords(now + 43 * 60_000, now)).toBe('in 43 min');
    expect(timeLeftWords(now + 125 * 60_000, now)).toBe('in 2 h 5 min');
    expect(timeLeftWords(now + 120 * 60_000, now)).toBe('in 2 h');
    expect(timeLeftWords(now + 3 * 86_400_000, now)).toBe('in 3 days');
    expect(timeLeftWords(now - 12 * 60_000, now)).toBe('12 min ago');
    expect(timeLeftWords(now + 10_000, now)).toBe('in under a minute');
    expect(timeLeftWords(now - 10_000, now)).toBe('just now');
    expect(duration(59)).toBe('59 min');
  });

  it('writes a moment as "Dec 7, 5:15 AM (in 58 min)", with the year only when it is another year', () => {
    expect(formatMoment('2026-12-07T05:15:00', now, 'en-US')).toBe('Dec 7, 5:15 AM');
    expect(formatMoment('2025-03-01T17:05:00', now, 'en-US')).toBe('Mar 1, 2025, 5:05 PM');
    // Backups made a minute apart or less are told apart by their seconds.
    expect(formatMoment('2026-12-07T05:15:09', now, 'en-US', true)).toBe('Dec 7, 5:15:09 AM');
    const inAnHour = new Date(now + 58 * 60_000).toISOString();
    expect(formatWhen(inAnHour, now, 'en-US')).toMatch(/^Dec 7, \d{1,2}:\d{2} [AP]M \(in 58 min\)$/);
    expect(formatWhen('not a date', now)).toBe('not a date');
  });
});
