import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCore, type Core } from '../core/core.ts';
import { coreValues } from '../core/test-support/test-core.ts';
import { keyringSession, runAzcred } from './test-support/run-azcred.ts';

const key = (n: number) => Buffer.from(`concurrent-key-${n}-`.padEnd(32, 'x')).toString('base64');
const guid = (n: number) => `0f6c8e4a-1b2c-4d3e-8f90-${String(n).padStart(12, '0')}`;
let home: string;
let app: Core;

describe.runIf(keyringSession)('the app and azcred writing at the same time', () => {
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'azcred-both-'));
    // The app's core, as the desktop app or browser mode runs it: the real keychain.
    app = createCore({ mode: 'test', dataFolder: { path: home, source: 'AZCRED_HOME' }, version: '0.0.0-test' });
  });
  afterAll(async () => {
    await app.close();
    await rm(home, { recursive: true, force: true });
  });

  it('loses no account and no key', async () => {
    const cliChain = (first: number) => async () => {
      for (let n = first; n < first + 4; n += 1) {
        const run = await runAzcred(['account', 'add', 'arr', `cli-${n}`, '--account-id', guid(n), '--account-domain', 'westeurope'], {
          home,
          stdin: key(n),
        });
        expect(run.stderr).toBe('');
      }
    };
    const appAdds = async () => {
      for (let n = 100; n < 112; n += 1)
        await coreValues(app).accounts.add({
          kind: 'arr',
          name: `app-${n}`,
          accountId: guid(n),
          accountDomain: 'eastus',
          primaryKey: key(n),
        });
    };
    await Promise.all([cliChain(0)(), cliChain(10)(), appAdds()]);
    const names = (await coreValues(app).accounts.list()).map((a) => a.name).sort();
    expect(names).toHaveLength(20);
    // Every key is readable by the app, whichever process wrote it.
    for (const account of await coreValues(app).accounts.list()) {
      const n = Number(account.name.split('-')[1]);
      expect((await coreValues(app).accounts.reveal({ id: account.id, secret: 'primaryKey' })).value).toBe(key(n));
    }
  }, 120_000);
});
