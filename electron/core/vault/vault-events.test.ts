import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CoreEvent } from '../../../shared/events.ts';
import type { Core } from '../core.ts';
import { coreValues, testCore } from '../test-support/test-core.ts';
import { createMemoryKeychain, type KeychainPort } from './keychain.ts';

let folder: string;
let core: Core | undefined;
beforeEach(() => void (folder = mkdtempSync(path.join(tmpdir(), 'azcred-vault-events-'))));
afterEach(async () => {
  await core?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A core whose vault events are collected, as a window's event stream would receive them. */
function listening(keychain: KeychainPort): { values: ReturnType<typeof coreValues>; states: string[] } {
  core = testCore(folder, { keychain });
  const states: string[] = [];
  core.events.subscribe((event: CoreEvent) => event.type === 'vault.changed' && states.push(event.state));
  return { values: coreValues(core), states };
}

const arr = {
  kind: 'arr' as const,
  name: 'Events',
  accountId: '0f6c8e4a-1b2c-4d3e-8f90-123456789abc',
  accountDomain: 'westeurope',
  primaryKey: 'cHJpbWFyeS1rZXktZXZlbnRz',
};

it('announces the vault opening and a restored backup on the event stream, and nothing for a plain read', async () => {
  const { values, states } = listening(createMemoryKeychain());
  await values.vault.status();
  expect(states).toEqual(['open']);
  await values.accounts.add(arr);
  await values.accounts.add({ ...arr, name: 'Events 2' });
  await values.vault.status();
  expect(states).toEqual(['open']);
  await values.vault.restore({});
  expect(states).toEqual(['open', 'open']);
});

it('announces a vault that cannot be opened, so an open window shows it without asking', async () => {
  const failing = async (): Promise<never> => {
    throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
  };
  const { values, states } = listening({ getPassword: failing, setPassword: failing, deletePassword: failing });
  expect((await values.vault.status()).state).toBe('unavailable');
  expect(states).toEqual(['unavailable']);
});
