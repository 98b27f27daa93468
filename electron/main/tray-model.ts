import type { MenuItemConstructorOptions } from 'electron';
import { nextToExpire, tokensToWatch } from '../../shared/tokens-to-watch.ts';
import type { TokenView } from '../../shared/tokens.ts';

/**
 * What the tray (menu-bar) menu shows, worked out without Electron so it can be tested: the tokens
 * expired or expiring (Settings' warning time), soonest first, each with Refresh now and Copy; the
 * next to expire when none is; and the way to the Today page. tray.ts only hands this to Electron.
 */

/** The tray's icon: a 16 px clock face, black on transparent (a template image on macOS, which tints it). */
export const trayIconPng = Buffer.from(
  [
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAQElEQVR42mNgoAH4TwBTpBmvIdgU4OL/J0YzAwGx/4',
    'QUkiROcwPQnU0/AwjFGPUN+E9iSmUg1RCSUiPN8gN1AQCu+mWbrUu1hgAAAABJRU5ErkJggg==',
  ].join(''),
  'base64',
);

/** The global shortcut that opens Today: Cmd+Option+K on macOS, Ctrl+Alt+K elsewhere. */
export const todayShortcut = 'CommandOrControl+Alt+K';

/** How many tokens the menu lists before it says how many more Today has. */
const menuLimit = 8;

/** "in 43 min", "in 2 h 5 min", "12 min ago": the time left (or gone) in the words the Today page uses. */
export function timeLeft(expiresAt: string, now: number): string {
  const ms = Date.parse(expiresAt) - now;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes === 0) return ms >= 0 ? 'in under a minute' : 'just now';
  const span = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return ms >= 0 ? `in ${span}` : `${span} ago`;
}

/** "ACS user token · Support agent — expires in 43 min" (expired: "expired 5 min ago"). */
export function tokenLabel(token: TokenView, now: number): string {
  const expired = Date.parse(token.expiresAt) <= now;
  return `${token.title} — ${expired ? 'expired' : 'expires'} ${timeLeft(token.expiresAt, now)}`;
}

export interface TrayActions {
  refresh(id: string): void;
  copy(id: string): void;
  openToday(): void;
  quit(): void;
}

/** The tooltip: how many tokens need the user, or that none does. */
export function trayTooltip(tokens: readonly TokenView[]): string {
  const count = tokensToWatch(tokens).length;
  return count === 0
    ? 'Azure Credential Manager: nothing expiring'
    : `Azure Credential Manager: ${count} token${count === 1 ? '' : 's'} expiring`;
}

/** The menu: each expiring token with Refresh now and Copy, or what expires next; then Open Today and Quit. */
export function trayMenuTemplate(tokens: readonly TokenView[], now: number, actions: TrayActions): MenuItemConstructorOptions[] {
  const watch = tokensToWatch(tokens);
  const next = nextToExpire(tokens);
  const items: MenuItemConstructorOptions[] = watch.slice(0, menuLimit).map((token) => {
    const expired = Date.parse(token.expiresAt) <= now;
    return {
      id: `token:${token.id}`,
      label: tokenLabel(token, now),
      submenu: [
        { id: `refresh:${token.id}`, label: 'Refresh now', enabled: token.refreshable, click: () => actions.refresh(token.id) },
        { id: `copy:${token.id}`, label: 'Copy', enabled: !expired, click: () => actions.copy(token.id) },
      ],
    };
  });
  if (watch.length > menuLimit) items.push({ label: `${watch.length - menuLimit} more on Today…`, click: actions.openToday });
  if (watch.length === 0)
    items.push({ label: next ? `Nothing expiring. Next: ${tokenLabel(next, now)}` : 'Nothing expiring', enabled: false });
  return [
    ...items,
    { type: 'separator' },
    { id: 'open-today', label: 'Open Today', accelerator: todayShortcut, click: actions.openToday },
    { id: 'quit', label: 'Quit', click: actions.quit },
  ];
}
