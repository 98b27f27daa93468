import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsStore } from './settings-store.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-settings-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('settings', () => {
  it("sees another process's change at once, even one of the same size moments later, and hands out copies", async () => {
    // Two stores over one folder, as the app and the CLI are.
    const app = new SettingsStore(folder);
    const cli = new SettingsStore(folder);
    await app.update({ clipboardClearSeconds: 45 });
    const seen = app.get();
    expect(seen.clipboardClearSeconds).toBe(45);
    seen.clipboardClearSeconds = 99;
    expect(app.get().clipboardClearSeconds).toBe(45);
    for (const seconds of [46, 47, 48]) {
      await cli.update({ clipboardClearSeconds: seconds });
      expect(app.get().clipboardClearSeconds).toBe(seconds);
    }
  });

  it("writes only the keys changed, so another process's change to other keys stays", async () => {
    const dataFolder = await mkdtemp(path.join(folder, 'keys-'));
    const app = new SettingsStore(dataFolder);
    const cli = new SettingsStore(dataFolder);
    // Each read the file before the other wrote: a whole-object write would put the other's key back.
    app.get();
    cli.get();
    await app.update({ theme: 'dark' });
    await cli.update({ revealSeconds: 7 });
    expect(new SettingsStore(dataFolder).get()).toMatchObject({ theme: 'dark', revealSeconds: 7 });
    expect(JSON.parse(await readFile(path.join(dataFolder, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark', revealSeconds: 7 });
  });

  it('creates settings.json readable by its owner only, even under umask 000', async () => {
    const previous = process.umask(0);
    try {
      const dataFolder = path.join(folder, 'umask');
      await new SettingsStore(dataFolder).update({ theme: 'light' });
      expect((await stat(path.join(dataFolder, 'settings.json'))).mode & 0o777).toBe(0o600);
      expect((await stat(dataFolder)).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(previous);
    }
  });

  it('refuses to change a settings.json that is not JSON, and leaves it as it is', async () => {
    const dataFolder = await mkdtemp(path.join(folder, 'damaged-'));
    const store = new SettingsStore(dataFolder);
    await writeFile(path.join(dataFolder, 'settings.json'), '{"theme": "dark",');
    await expect(store.update({ theme: 'light' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('not valid JSON'),
    });
    expect(await readFile(path.join(dataFolder, 'settings.json'), 'utf8')).toBe('{"theme": "dark",');
  });
});

describe('pinned recipes in settings', () => {
  const recipe = {
    id: '1b0f8a4e-5a8b-4c52-9a36-0b6d8f5f7e01',
    accountId: '2c1f8a4e-5a8b-4c52-9a36-0b6d8f5f7e02',
    acsIdentityId: '3d2f8a4e-5a8b-4c52-9a36-0b6d8f5f7e03',
    scopes: ['chat' as const],
    minutes: 1440,
  };

  it('survive a restart, and a settings file from before them reads with none pinned', async () => {
    const dataFolder = await mkdtemp(path.join(folder, 'recipes-'));
    await writeFile(path.join(dataFolder, 'settings.json'), JSON.stringify({ theme: 'dark', clipboardClearSeconds: 45 }));
    const before = new SettingsStore(dataFolder);
    expect(before.get()).toMatchObject({ theme: 'dark', clipboardClearSeconds: 45, pinnedRecipes: [] });
    await before.update({ pinnedRecipes: [recipe] });
    expect(new SettingsStore(dataFolder).get()).toMatchObject({ theme: 'dark', pinnedRecipes: [recipe] });
  });

  it('refuses a recipe without scopes and keeps what was pinned; a damaged list reads as none', async () => {
    const dataFolder = await mkdtemp(path.join(folder, 'recipes-bad-'));
    const store = new SettingsStore(dataFolder);
    await store.update({ pinnedRecipes: [recipe] });
    await expect(store.update({ pinnedRecipes: [{ ...recipe, scopes: [] }] })).rejects.toThrow('Choose at least one scope');
    expect(store.get().pinnedRecipes).toEqual([recipe]);
    const copy = store.get();
    copy.pinnedRecipes[0]?.scopes.push('voip');
    expect(store.get().pinnedRecipes[0]?.scopes).toEqual(['chat']);
    await writeFile(path.join(dataFolder, 'settings.json'), JSON.stringify({ pinnedRecipes: [{ id: 'not a uuid' }] }));
    expect(new SettingsStore(dataFolder).get().pinnedRecipes).toEqual([]);
  });
});
