import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { tokenView } from '../../shared/test-support/token-view.ts';
import type { TokenView } from '../../shared/tokens.ts';
import { timeLeft, trayIconPng, trayMenuTemplate, trayTooltip } from './tray-model.ts';

const now = Date.parse('2026-12-07T12:00:00.000Z');
const min = 60_000;
const token = (id: string, minutesLeft: number, status: TokenView['status'], overrides: Partial<TokenView> = {}) =>
  tokenView(now, { id, title: `Token ${id}`, status, expiresAt: new Date(now + minutesLeft * min).toISOString(), ...overrides });

function recorded() {
  const done: string[] = [];
  const actions = {
    refresh: (id: string) => void done.push(`refresh ${id}`),
    copy: (id: string) => void done.push(`copy ${id}`),
    openToday: () => void done.push('open today'),
    quit: () => void done.push('quit'),
  };
  return { done, actions };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('the tray menu', () => {
  it('lists expired and expiring tokens soonest first with the time left, each with Refresh now and Copy that act on it', () => {
    const { done, actions } = recorded();
    const menu = trayMenuTemplate(
      [token('later', 9, 'expiring'), token('valid', 300, 'valid'), token('soon', 43, 'expiring'), token('gone', -5, 'expired')],
      now,
      actions,
    );
    expect(menu.map((item) => item.label ?? item.type)).toEqual([
      'Token gone — expired 5 min ago',
      'Token later — expires in 9 min',
      'Token soon — expires in 43 min',
      'separator',
      'Open Today',
      'Quit',
    ]);
    const soon = menu[2]?.submenu as MenuItemConstructorOptions[];
    expect(soon.map((item) => [item.label, item.enabled])).toEqual([
      ['Refresh now', true],
      ['Copy', true],
    ]);
    click(soon[0]);
    click(soon[1]);
    click(menu.find((item) => item.label === 'Open Today'));
    expect(done).toEqual(['refresh soon', 'copy soon', 'open today']);
    // An expired token has nothing left to copy; a pasted Teams token cannot be minted again.
    const gone = menu[0]?.submenu as MenuItemConstructorOptions[];
    expect(gone.find((item) => item.label === 'Copy')?.enabled).toBe(false);
    const pasted = trayMenuTemplate([token('pasted', 5, 'expiring', { refreshable: false })], now, actions)[0];
    expect((pasted?.submenu as MenuItemConstructorOptions[])[0]?.enabled).toBe(false);
  });

  it('says what expires next when nothing is expiring, and nothing when there are no tokens', () => {
    const { actions } = recorded();
    expect(trayMenuTemplate([token('valid', 125, 'valid')], now, actions)[0]).toMatchObject({
      label: 'Nothing expiring. Next: Token valid — expires in 2 h 5 min',
      enabled: false,
    });
    expect(trayMenuTemplate([], now, actions)[0]?.label).toBe('Nothing expiring');
    expect(trayTooltip([token('a', 5, 'expiring'), token('b', 500, 'valid')])).toBe('Azure Credential Manager: 1 token expiring');
  });

  it('lists eight tokens at most and sends the rest to Today', () => {
    const { done, actions } = recorded();
    const many = Array.from({ length: 11 }, (_, i) => token(`t${i}`, i + 1, 'expiring'));
    const menu = trayMenuTemplate(many, now, actions);
    expect(menu.filter((item) => item.id?.startsWith('token:'))).toHaveLength(8);
    const more = menu.find((item) => item.label === '3 more on Today…');
    click(more);
    expect(done).toEqual(['open today']);
  });

  it('words the time left as Today does', () => {
    expect(timeLeft(new Date(now + 30_000).toISOString(), now)).toBe('in 1 min');
    expect(timeLeft(new Date(now + 10_000).toISOString(), now)).toBe('in under a minute');
    expect(timeLeft(new Date(now + 120 * min).toISOString(), now)).toBe('in 2 h');
    expect(timeLeft(new Date(now - 90 * min).toISOString(), now)).toBe('1 h 30 min ago');
  });
});

describe('the tray icon', () => {
  it('is a 16 × 16 PNG', () => {
    expect(trayIconPng.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([trayIconPng.readUInt32BE(16), trayIconPng.readUInt32BE(20)]).toEqual([16, 16]);
  });
});
