import type { GlobalShortcut, Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { SubscribeToEvents } from '../../shared/events.ts';
import type { TokenView } from '../../shared/tokens.ts';
import { log } from '../core/platform/log.ts';
import { todayShortcut, trayIconPng, trayMenuTemplate, trayTooltip, type TrayActions } from './tray-model.ts';

/** What the tray needs of Electron (tests pass the stand-in's). */
export interface TrayElectron {
  Tray: new (image: NativeImage) => Pick<Tray, 'setContextMenu' | 'setToolTip' | 'destroy'>;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu };
  nativeImage: { createFromBuffer(buffer: Buffer): NativeImage };
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
}

export interface DesktopTray {
  /** Takes the tray icon down and gives the global shortcut back (on quit). */
  close(): void;
}

/** Core events after which the menu is built again: the tokens changed, one came inside its warning time, or the warning time did. */
const rebuildOn = new Set(['tokens.changed', 'token.expiring', 'settings.changed', 'vault.changed']);

/**
 * The menu-bar (tray) menu and the global shortcut: expiring tokens with Refresh now and Copy
 * (trayMenuTemplate decides what), built again when the core announces a change and each minute
 * so "in 43 min" stays true. The shortcut opens the Today page; one another app holds is logged.
 */
export function startTray(
  electron: TrayElectron,
  listTokens: () => Promise<TokenView[]>,
  subscribe: SubscribeToEvents,
  actions: TrayActions,
): DesktopTray {
  const image = electron.nativeImage.createFromBuffer(trayIconPng);
  if (process.platform === 'darwin') image.setTemplateImage(true);
  const tray = new electron.Tray(image);
  let closed = false;
  const rebuild = async () => {
    let tokens: TokenView[] = [];
    try {
      tokens = await listTokens();
    } catch (error) {
      log.error('the tray menu could not list the tokens', error);
    }
    if (closed) return;
    tray.setToolTip(trayTooltip(tokens));
    tray.setContextMenu(electron.Menu.buildFromTemplate(trayMenuTemplate(tokens, Date.now(), actions)));
  };
  void rebuild();
  const stop = subscribe((event) => rebuildOn.has(event.type) && void rebuild());
  const minute = setInterval(() => void rebuild(), 60_000);
  minute.unref();
  if (!electron.globalShortcut.register(todayShortcut, actions.openToday))
    log.error(`the shortcut ${todayShortcut} is held by another app: open Today from the tray instead`);
  return {
    close() {
      if (closed) return;
      closed = true;
      clearInterval(minute);
      stop();
      electron.globalShortcut.unregister(todayShortcut);
      tray.destroy();
    },
  };
}
