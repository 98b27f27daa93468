import { describe, expect, it } from 'vitest';
import { newestFirst } from './newest-first.ts';

describe('newestFirst', () => {
  it('orders by issue time, and puts the token added last first among those issued in the same second', () => {
    const added = [
      { id: 'old', issuedAt: '2026-11-21T10:00:00.000Z' },
      { id: 'first-of-two', issuedAt: '2026-11-21T11:00:00.000Z' },
      { id: 'second-of-two', issuedAt: '2026-11-21T11:00:00.000Z' },
      { id: 'middle', issuedAt: '2026-11-21T10:30:00.000Z' },
    ];
    expect(newestFirst(added, (t) => t.issuedAt).map((t) => t.id)).toEqual(['second-of-two', 'first-of-two', 'middle', 'old']);
    expect(added.map((t) => t.id)).toEqual(['old', 'first-of-two', 'second-of-two', 'middle']);
  });
});
