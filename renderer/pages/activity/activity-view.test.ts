import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../shared/activity.ts';
import { activityChoices, activityRows, filterActivity } from './activity-view.ts';

const to = { front: 'cli', pid: 42, command: 'azcred token entra --scope' } as const;
const entry = (id: string, fields: Partial<ActivityEntry>): ActivityEntry => ({
  id,
  time: `2026-12-07T10:0${id}:00.000Z`,
  action: 'print',
  kind: 'entra',
  what: 'Entra token',
  to,
  ...fields,
});
const showroom = { id: 'a1', name: 'Showroom' };
const chat = { id: 'a2', name: 'Chat' };
const agent = { id: 'i1', name: 'build-agent' };

const list = {
  active: [
    {
      id: 's1',
      kind: 'run' as const,
      startedAt: '2026-12-07T10:05:00.000Z',
      start: entry('5', { action: 'run-start', kind: 'identity-endpoint', identity: agent, sessionId: 's1' }),
    },
  ],
  entries: [
    entry('3', { kind: 'account-key', account: showroom, action: 'copy' }),
    entry('2', { kind: 'acs-user', account: chat, identity: agent }),
    entry('1', { identity: agent }),
  ],
};

describe('the Activity page’s rows', () => {
  it('puts the runs active now first, then the entries in the order the core gave (newest first)', () => {
    expect(activityRows(list).map((r) => r.id)).toEqual(['active:s1', '3', '2', '1']);
  });

  it('filters by account, identity and kind together, the active runs too', () => {
    const rows = activityRows(list);
    expect(filterActivity(rows, { identityId: 'i1' }).map((r) => r.id)).toEqual(['active:s1', '2', '1']);
    expect(filterActivity(rows, { identityId: 'i1', accountId: 'a2' }).map((r) => r.id)).toEqual(['2']);
    expect(filterActivity(rows, { kind: 'account-key' }).map((r) => r.id)).toEqual(['3']);
    expect(filterActivity(rows, { kind: 'entra', accountId: 'a1' })).toEqual([]);
    expect(filterActivity(rows, {})).toHaveLength(4);
  });

  it('offers each account and identity the log names once, by name, and the kinds it holds', () => {
    expect(activityChoices(activityRows(list))).toEqual({
      accounts: [
        { value: 'a2', text: 'Chat' },
        { value: 'a1', text: 'Showroom' },
      ],
      identities: [{ value: 'i1', text: 'build-agent' }],
      kinds: ['account-key', 'acs-user', 'entra', 'identity-endpoint'],
    });
  });
});
