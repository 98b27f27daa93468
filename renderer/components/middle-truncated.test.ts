import { describe, expect, it } from 'vitest';
import { middleOf } from './MiddleTruncated.tsx';

describe('middleOf', () => {
  it('keeps the start and the end of a GUID, and a short value whole', () => {
    expect(middleOf('72f988bf-86f1-41af-91ab-2d7cd011db47')).toBe('72f988bf…db47');
    expect(middleOf('short-id')).toBe('short-id');
    expect(middleOf('8:acs:2f1c3b6e-1111-2222-3333-444455556666_00000020-aaaa-bbbb', 12)).toBe('8:acs:2f1c3b…a-bbbb');
  });
});
