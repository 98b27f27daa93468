import { describe, expect, it } from 'vitest';
import { asksForInteractive } from './sign-in-advice.ts';

describe('asksForInteractive', () => {
  it('offers interactive sign-in for a second factor to complete or register, and for an app without device code', () => {
    for (const code of [50076, 50074, 50079, 7000218])
      expect(asksForInteractive({ code: 'sign_in_required', message: `Use interactive sign-in. (AADSTS${code})` })).toBe(true);
  });

  it('does not for a refusal the browser cannot get past, nor for other errors', () => {
    expect(
      asksForInteractive({ code: 'sign_in_required', message: 'A Conditional Access policy blocked this sign-in. (AADSTS53003)' }),
    ).toBe(false);
    expect(asksForInteractive({ code: 'cancelled', message: 'Sign-in cancelled.' })).toBe(false);
    expect(asksForInteractive(undefined)).toBe(false);
  });
});
