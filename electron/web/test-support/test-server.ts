import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../core/core.ts';
import { testCore } from '../../core/test-support/test-core.ts';
import { createMemoryKeychain } from '../../core/vault/keychain.ts';
import { startWebServer, type WebServerOptions, type WebServer } from '../server.ts';

/** A browser-mode server on a free port with a core of its own, a stand-in renderer, and a way to stop both. */
export interface TestServer {
  server: WebServer;
  core: Core;
  stop(): Promise<void>;
}

export async function startTestServer(options: Omit<WebServerOptions, 'core' | 'staticDir'> = {}): Promise<TestServer> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-web-'));
  const staticDir = path.join(folder, 'renderer');
  await mkdir(staticDir);
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
  const core = testCore(path.join(folder, 'data'), { keychain: createMemoryKeychain() });
  const server = await startWebServer({ core, staticDir, ...options });
  return {
    server,
    core,
    stop: async () => {
      await server.close();
      await core.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
