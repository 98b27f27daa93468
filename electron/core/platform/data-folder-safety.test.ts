import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreApi, testCore } from '../test-support/test-core.ts';
import { dataFolderProblem } from './data-folder-safety.ts';
import { withMetadataLock } from './lock/metadata-lock.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';
import { runAzcred } from '../../cli/test-support/run-azcred.ts';

const posix = process.platform !== 'win32';
let parent: string;
let folder: string;

describe.runIf(posix)('a data folder another user could change', () => {
  beforeEach(async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'azcred-folder-safety-'));
    folder = path.join(parent, 'data');
    await mkdir(folder, { mode: 0o700 });
  });
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it("is used when it is the user's own and closed to others, or not there yet", () => {
    expect(dataFolderProblem(folder)).toBeUndefined();
    expect(dataFolderProblem(path.join(parent, 'not-yet'))).toBeUndefined();
  });

  it('is refused when group or others may write to it, with the chmod that fixes it', () => {
    for (const mode of [0o777, 0o770, 0o702]) {
      chmodSync(folder, mode);
      expect(dataFolderProblem(folder)).toBe(
        `The data folder ${folder} can be changed by other users (mode ${mode.toString(8)}), who could replace what it holds. ` +
          `Make it yours alone: chmod 700 ${folder}`,
      );
    }
  });

  it.runIf(process.getuid?.() === 0)('is refused when another user owns it, with how to make it yours', () => {
    chownSync(folder, 65534, 65534);
    expect(dataFolderProblem(folder)).toMatch(
      new RegExp(`^The data folder ${folder} belongs to another user \\(uid 65534\\).*sudo chown -R "\\$\\(id -u\\)" ${folder}$`),
    );
  });

  it('is refused when it is a file', () => {
    const file = path.join(parent, 'file');
    writeFileSync(file, '');
    expect(dataFolderProblem(file)).toMatch(/is not a folder/);
  });

  it('refuses every call through the core, and writes no account or vault into it', async () => {
    chmodSync(folder, 0o777);
    const core = testCore(folder, { keychain: createMemoryKeychain() });
    try {
      const added = await coreApi(core).accounts.add({
        kind: 'arr',
        name: 'planted',
        accountId: '35d830cb-f062-4062-9792-d6316039df56',
        accountDomain: 'westeurope',
        primaryKey: 'a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5',
      });
      expect(added).toEqual({ ok: false, error: { code: 'data_folder_unsafe', message: expect.stringContaining('chmod 700') } });
      expect(await coreApi(core).accounts.list()).toMatchObject({ ok: false, error: { code: 'data_folder_unsafe' } });
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('is refused by azcred, in one line that says how to fix it', async () => {
    chmodSync(folder, 0o777);
    const run = await runAzcred(['account', 'list'], { home: folder });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `azcred: The data folder ${folder} can be changed by other users (mode 777), who could replace what it holds. Make it ` +
        `yours alone: chmod 700 ${folder}\n`,
    );
  });

  it('takes its cross-process lock in a folder only the user can enter, even under umask 000', async () => {
    const previous = process.umask(0);
    try {
      const modes: number[] = [];
      await withMetadataLock(folder, async () => {
        for (const entry of readdirSync(folder))
          if (statSync(path.join(folder, entry)).isDirectory()) modes.push(statSync(path.join(folder, entry)).mode & 0o777);
      });
      expect(modes.length).toBeGreaterThan(0);
      for (const mode of modes) expect(mode.toString(8)).toBe('700');
      expect(existsSync(folder)).toBe(true);
    } finally {
      process.umask(previous);
    }
  });
});
