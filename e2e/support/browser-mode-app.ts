import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/core.ts';
import { startWebServer, type WebServer } from '../../electron/web/server.ts';
import { openLaunchLink } from './launch-link.ts';

/** The app as browser mode runs it, on a data folder of its own: the real core and web host. */
export interface BrowserModeApp {
  readonly server: WebServer;
  readonly core: Core;
  dataFolder: string;
  /** Opens the app in the page the way a user does: through the printed launch link, then the section asked for. */
  open(page: Page, section?: string): Promise<void>;
  /** Quits and starts the app again on the same data folder (a new core and host, as the next day). */
  restart(): Promise<void>;
  /** Quits the app and deletes its data folder. */
  close(): Promise<void>;
}

/** Starts the app on a new data folder named from `prefix`, its vault reaching the keychain as `vault` says (the real one by default). */
export async function startBrowserModeApp(prefix: string, vault?: CoreOptions['vault']): Promise<BrowserModeApp> {
  const dataFolder = await mkdtemp(path.join(os.tmpdir(), prefix));
  let core: Core | undefined;
  let server: WebServer | undefined;
  const stop = async () => {
    await server?.close();
    await core?.close();
  };
  const start = async () => {
    await stop();
    core = createCore({
      mode: 'browser',
      dataFolder: { path: dataFolder, source: 'AZCRED_HOME' },
      version: '0.0.0-test',
      ...(vault && { vault }),
    });
    server = await startWebServer({ core });
  };
  const running = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the app is not running');
    return value;
  };
  await start();
  return {
    get server() {
      return running(server);
    },
    get core() {
      return running(core);
    },
    dataFolder,
    async open(page, section) {
      await openLaunchLink(page, running(server).newLaunchLink().url);
      if (section) await page.goto(`${running(server).url}#/${section}`);
    },
    restart: start,
    async close() {
      await stop();
      await rm(dataFolder, { recursive: true, force: true });
    },
  };
}
