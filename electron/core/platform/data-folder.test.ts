import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataFolder } from './data-folder.ts';

describe('resolveDataFolder', () => {
  it('uses AZCRED_HOME when it is set, as an absolute path', () => {
    expect(resolveDataFolder({ AZCRED_HOME: 'rel/home' })).toEqual({ path: path.resolve('rel/home'), source: 'AZCRED_HOME' });
  });

  it('falls back to the OS app-data folder, named after the app', () => {
    const folder = resolveDataFolder({});
    expect(folder.source).toBe('default');
    expect(path.basename(folder.path)).toBe('azure-credential-manager');
    expect(resolveDataFolder({ AZCRED_HOME: '  ' }).source).toBe('default');
  });
});
