import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/core.ts';
import { startWebServer } from './server.ts';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

function call(url: URL, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode server', () => {
  it('lets a call that is under way finish its write before close() resolves', async () => {
    const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-server-'));
    folders.push(dataFolder);
    const core: Core = createCore({ mode: 'browser', dataFolder: { path: dataFolder, source: 'AZCRED_HOME' }, version: '0.0.0-test' });
    // The real settings store, reached a little late so that close() lands while the call runs.
    let started!: () => void;
    const callStarted = new Promise<void>((resolve) => (started = resolve));
    const update = core.settings.update.bind(core.settings);
    core.settings.update = (patch) => {
      started();
      return new Promise((resolve) => setTimeout(() => resolve(update(patch)), 300)) as unknown as ReturnType<typeof update>;
    };
    const server = await startWebServer({ core });
    const base = new URL(server.url);
    const auth = await call(new URL(server.launchUrl), { Host: base.host });
    const cookie = String(auth.headers['set-cookie']).split(';')[0] ?? '';

    const pending = call(new URL('/api/settings.update', base), { Host: base.host, Origin: server.url.slice(0, -1), Cookie: cookie, 'Content-Type': 'application/json' }, JSON.stringify({ revealSeconds: 42 }));
    pending.catch(() => undefined);
    await callStarted;
    await server.close();

    const saved = JSON.parse(await readFile(path.join(dataFolder, 'settings.json'), 'utf8')) as { revealSeconds: number };
    expect(saved.revealSeconds).toBe(42);
    await core.close();
  });
});
