import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import type { Core } from '../core.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';
import { testCore } from './test-core.ts';

/**
 * A new data folder (named from `prefix`) and memory keychain for each test of the file that calls
 * this. `newCore` opens a core on them, as another process of the app would; after the test every
 * core opened is closed and the folder deleted.
 */
export function folderPerTest(prefix: string): { readonly folder: string; newCore(): Core } {
  let folder = '';
  let keychain = createMemoryKeychain();
  const cores: Core[] = [];
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), prefix));
    keychain = createMemoryKeychain();
  });
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((core) => core.close()));
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    get folder() {
      return folder;
    },
    newCore() {
      const core = testCore(folder, { keychain });
      cores.push(core);
      return core;
    },
  };
}

/** New data folders (named from `prefix`), one a call, for the tests of the file that calls this: all deleted after the last test. */
export function foldersForThisFile(prefix: string): () => string {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  return () => {
    const folder = mkdtempSync(path.join(tmpdir(), prefix));
    folders.push(folder);
    return folder;
  };
}
