import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/result.ts';
import type { PinnedRecipe } from '../../../shared/settings.ts';
import { tokenView } from '../../../shared/test-support/token-view.ts';
import type { AcsIdentityView, TokenView } from '../../../shared/tokens.ts';
import { copyRecipe, type RecipeCalls } from './recipe-copy.ts';

// The page's own api is not reached: the recipe makes its calls through what it is given.
vi.mock('../../api.ts', () => ({ api: {} }));

const now = Date.now();
const recipe: PinnedRecipe = {
  id: '1b0f8a4e-5a8b-4c52-9a36-0b6d8f5f7e01',
  accountId: '2c1f8a4e-5a8b-4c52-9a36-0b6d8f5f7e02',
  acsIdentityId: '3d2f8a4e-5a8b-4c52-9a36-0b6d8f5f7e03',
  scopes: ['chat'],
  minutes: 1440,
};
const held = (status: TokenView['status']) =>
  tokenView(now, {
    id: 'held',
    kind: 'acs-user',
    status,
    scopes: ['chat'],
    source: {
      via: { credential: 'accessKey' },
      subject: { kind: 'acs-identity', acsIdentityId: recipe.acsIdentityId, communicationUserId: '8:acs:x', label: 'tester' },
    },
  });

/** The core's token calls, recorded: each answers as the core would, for a token with id `new` or `held`. */
function recordingCalls() {
  const made: string[] = [];
  const calls = {
    tokens: {
      mintAcs: async (input: unknown) => {
        made.push(`mintAcs ${JSON.stringify(input)}`);
        return ok({ token: { ...held('valid'), id: 'new' }, acsIdentity: {} as AcsIdentityView });
      },
      refresh: async ({ id }: { id: string }) => (made.push(`refresh ${id}`), ok({ ...held('valid'), id })),
      copy: async ({ id }: { id: string }) => (made.push(`copy ${id}`), ok({ clearsAfterSeconds: 30 })),
      export: async ({ id, format }: { id: string; format: string }) => (
        made.push(`export ${id} ${format}`),
        ok({ format: 'env' as const, path: null, text: null, clearsAfterSeconds: 30, note: null })
      ),
      reveal: async () => {
        throw new Error('the desktop app copies in the core: nothing is revealed to the page');
      },
    },
  } as unknown as RecipeCalls;
  return { made, calls };
}

const desktop = { coreClipboard: true, clearAfterSeconds: 30 };

describe('a pinned recipe in one action', () => {
  it('mints a token for its identity and copies it when the app holds none', async () => {
    const { made, calls } = recordingCalls();
    const result = await copyRecipe(calls, recipe, [], 'token', desktop);
    expect(result).toMatchObject({ ok: true, value: { how: 'minted', token: { id: 'new' } } });
    expect(made).toEqual([
      `mintAcs ${JSON.stringify({ accountId: recipe.accountId, acsIdentityId: recipe.acsIdentityId, scopes: ['chat'], minutes: 1440 })}`,
      'copy new',
    ]);
  });

  it('copies the token it made last while it is valid, without a call to ACS', async () => {
    const { made, calls } = recordingCalls();
    expect(await copyRecipe(calls, recipe, [held('valid')], 'token', desktop)).toMatchObject({ ok: true, value: { how: 'reused' } });
    expect(made).toEqual(['copy held']);
  });

  it('mints that token again first when it is expiring or expired, and copies .env lines when asked', async () => {
    const { made, calls } = recordingCalls();
    expect(await copyRecipe(calls, recipe, [held('expiring')], 'env', desktop)).toMatchObject({ ok: true, value: { how: 'refreshed' } });
    expect(made).toEqual(['refresh held', 'export held env']);
  });

  it('copies nothing when the core refuses the token', async () => {
    const { made, calls } = recordingCalls();
    calls.tokens.mintAcs = async () => ({ ok: false, error: { code: 'not_found', message: 'Unknown ACS identity' } });
    expect(await copyRecipe(calls, recipe, [], 'token', desktop)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Unknown ACS identity' },
    });
    expect(made).toEqual([]);
  });
});
