import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
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

export type TestServerOptions = Omit<WebServerOptions, 'core' | 'staticDir'>;

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
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

/** For a test file whose tests each start their own servers: the `start` it returns, and every server started stops after its test. */
export function serversStoppedAfterEach(): (options?: TestServerOptions) => Promise<TestServer> {
  const running: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((started) => started.stop()));
  });
  return async (options = {}) => {
    const started = await startTestServer(options);
    running.push(started);
    return started;
  };
}
