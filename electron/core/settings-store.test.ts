import { mkdtemp, rm } from 'node:fs/promises';
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
  it('sees another process\'s change at once, even one of the same size moments later, and hands out copies', () => {
    // Two stores over one folder, as the app and the CLI are.
    const app = new SettingsStore(folder);
    const cli = new SettingsStore(folder);
    app.update({ clipboardClearSeconds: 45 });
    const seen = app.get();
    expect(seen.clipboardClearSeconds).toBe(45);
    seen.clipboardClearSeconds = 99;
    expect(app.get().clipboardClearSeconds).toBe(45);
    for (const seconds of [46, 47, 48]) {
      cli.update({ clipboardClearSeconds: seconds });
      expect(app.get().clipboardClearSeconds).toBe(seconds);
    }
  });
});
