import { method, noInput } from './method.ts';

export type RunMode = 'electron' | 'browser' | 'cli' | 'test';

export interface AppInfo {
  name: string;
  version: string;
  mode: RunMode;
  platform: string;
  /** Versions of the runtimes this process runs on. */
  runtime: { node: string; electron?: string; chrome?: string };
  /** Where all state lives: the OS app-data folder, or AZCRED_HOME. */
  dataFolder: string;
  dataFolderSource: 'AZCRED_HOME' | 'default';
  /** The user's home folder: where export dialogs suggest saving. */
  homeFolder: string;
  /** Whether this front door copies in the core (Electron's clipboard); browser mode copies in the page. */
  coreClipboard: boolean;
}

/** The contract's methods for the app itself (shared/contract.ts joins every domain's). */
export const appMethods = {
  'app.info': method<typeof noInput, AppInfo>(noInput),
} as const;
