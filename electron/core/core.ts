import { mkdirSync } from 'node:fs';
import type { RunMode } from '../../shared/contract.ts';
import type { DataFolder } from './data-folder.ts';
import { SettingsStore } from './settings-store.ts';

/** What differs between front doors, passed in so the core never imports `electron`. */
export interface CoreOptions {
  mode: RunMode;
  dataFolder: DataFolder;
  version: string;
  /** Extra runtime versions to report (Electron and Chrome inside the desktop app). */
  runtime?: { electron?: string; chrome?: string };
}

/** The services behind the contract, created once per process. */
export interface Core {
  options: CoreOptions;
  settings: SettingsStore;
}

export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataFolder.path, { recursive: true, mode: 0o700 });
  return { options, settings: new SettingsStore(options.dataFolder.path) };
}
