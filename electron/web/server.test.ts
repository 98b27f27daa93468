import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testCore } from '../core/test-support/test-core.ts';
import { createMemoryKeychain } from '../core/vault/keychain.ts';
import { startWebServer } from './server.ts';
import { send, signedInHeaders } from './test-support/browser-session.ts';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('browser-mode server', () => {
  it('lets a call that is under way finish its write before close() resolves', async () => {
    const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-server-'));
    folders.push(dataFolder);
    const core = testCore(dataFolder, { keychain: createMemoryKeychain() });
    // The real settings store, reached a little late so that close() lands while the call runs.
    let started!: () => void;
    const callStarted = new Promise<void>((resolve) => (started = resolve));
    const update = core.settings.update.bind(core.settings);
    core.settings.update = (patch) => {
      started();
      return new Promise((resolve) => setTimeout(() => resolve(update(patch)), 300)) as unknown as ReturnType<typeof update>;
    };
    const server = await startWebServer({ core });
    const headers = await signedInHeaders(server);

    const pending = send(
      new URL('/api/settings.update', server.url),
      'POST',
      { ...headers, 'Content-Type': 'application/json' },
      JSON.stringify({ revealSeconds: 42 }),
    );
    pending.catch(() => undefined);
    await callStarted;
    await server.close();

    const saved = JSON.parse(await readFile(path.join(dataFolder, 'settings.json'), 'utf8')) as { revealSeconds: number };
    expect(saved.revealSeconds).toBe(42);
    await core.close();
  });
});
