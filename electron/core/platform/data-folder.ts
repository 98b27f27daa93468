import path from 'node:path';
import envPaths from 'env-paths';

export interface DataFolder {
  path: string;
  source: 'AZCRED_HOME' | 'default';
}

/**
 * Where all state lives. The app, browser mode and the CLI call this one function so they always
 * agree: `AZCRED_HOME` when set (tests, benchmarks and scripts use it to stay apart), otherwise the
 * OS app-data folder (~/.local/share/azure-credential-manager, %APPDATA%\..., ~/Library/Application Support/...).
 */
export function resolveDataFolder(env: NodeJS.ProcessEnv = process.env): DataFolder {
  const override = env['AZCRED_HOME']?.trim();
  if (override) return { path: path.resolve(override), source: 'AZCRED_HOME' };
  return { path: envPaths('azure-credential-manager', { suffix: '' }).data, source: 'default' };
}

/** The OS cache folder for the app (~/.cache/azure-credential-manager, %LOCALAPPDATA%\azure-credential-manager\Cache,
 * ~/Library/Caches/...): nothing in it is state. */
export function cacheFolder(): string {
  return envPaths('azure-credential-manager', { suffix: '' }).cache;
}
