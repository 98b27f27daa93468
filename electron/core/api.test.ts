import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from './api.ts';
import { createCore, type Core } from './core.ts';

let folder: string;
let core: Core;

const newCore = () => createCore({ mode: 'test', dataFolder: { path: folder, source: 'AZCRED_HOME' }, version: '1.2.3' });

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-api-'));
  core = newCore();
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('dispatch', () => {
  it('answers app.info with the data folder and where it came from', async () => {
    const result = await dispatch(core, 'app.info', undefined);
    expect(result).toMatchObject({
      ok: true,
      value: {
        version: '1.2.3',
        mode: 'test',
        dataFolder: folder,
        dataFolderSource: 'AZCRED_HOME',
        homeFolder: os.homedir(),
        coreClipboard: false,
      },
    });
  });

  it('refuses a method that is not in the contract', async () => {
    expect(await dispatch(core, 'vault.dump', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch(core, 'toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('lists the three built-in clouds', async () => {
    const result = await dispatch(core, 'clouds.list', undefined);
    expect(result.ok && (result.value as { name: string }[]).map((c) => c.name)).toEqual([
      'AzureCloud',
      'AzureChinaCloud',
      'AzureUSGovernment',
    ]);
  });

  it('saves a settings change so a new process sees it', async () => {
    const result = await dispatch(core, 'settings.update', { theme: 'dark', clipboardClearSeconds: 45 });
    expect(result).toMatchObject({ ok: true, value: { theme: 'dark', clipboardClearSeconds: 45, revealSeconds: 20 } });
    expect(await dispatch(newCore(), 'settings.get', undefined)).toMatchObject({
      ok: true,
      value: { theme: 'dark', clipboardClearSeconds: 45 },
    });
  });

  it('refuses bad settings with a field-level error and saves nothing', async () => {
    await dispatch(core, 'settings.update', { theme: 'light' });
    const before = await readFile(path.join(folder, 'settings.json'), 'utf8');
    for (const bad of [{ theme: 'purple' }, { clipboardClearSeconds: 1 }, { revealSeconds: 2.5 }, { themes: 'dark' }, 'dark', [1]]) {
      const result = await dispatch(core, 'settings.update', bad);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
    }
    const themeError = await dispatch(core, 'settings.update', { theme: 'purple' });
    expect(!themeError.ok && themeError.error.issues?.[0]?.path).toBe('theme');
    expect(await readFile(path.join(folder, 'settings.json'), 'utf8')).toBe(before);
  });

  it('keeps valid settings and defaults the rest when the file was edited by hand', async () => {
    await writeFile(path.join(folder, 'settings.json'), JSON.stringify({ theme: 'dark', revealSeconds: -4 }));
    expect(await dispatch(newCore(), 'settings.get', undefined)).toMatchObject({ ok: true, value: { theme: 'dark', revealSeconds: 20 } });
  });

  it('reports an unexpected failure as internal without its details', async () => {
    const canary = 'CANARY-not-for-users-0f3c';
    await writeFile(path.join(folder, 'settings.json'), `{"theme": "${canary}",`); // not JSON
    const result = await dispatch(core, 'settings.get', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain(canary);
    expect(JSON.stringify(result)).not.toContain(folder);
  });
});
