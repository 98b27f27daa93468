import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../e2e/azure-emulator/server.ts';
import { createCore, type Core } from '../electron/core/core.ts';
import { seedSummary } from './demo-printout.ts';
import { contractCall } from './contract-call.ts';
import { seedDemo, startDemoEmulator, type DemoSeed } from './demo-seed.ts';
import { demoAccountNames } from './test-support/demo-expected.ts';

// The real keychain (this suite runs inside scripts/with-keyring.sh) and the real emulator over HTTPS.
let folder: string;
let emulator: RunningEmulator;
let first: DemoSeed;

const openCore = (): Core => createCore({ mode: 'test', dataFolder: { path: folder, source: 'AZCRED_HOME' }, version: '0.0.0-test' });

/** Seeds with one core, then closes it, as `npm run demo` does before the desktop app opens the folder. */
async function seedOnce(): Promise<DemoSeed> {
  const core = openCore();
  try {
    return await seedDemo(contractCall(core), emulator);
  } finally {
    await core.close();
  }
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-demo-seed-'));
  emulator = await startDemoEmulator();
  first = await seedOnce();
}, 60_000);

afterAll(async () => {
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the demo seed', () => {
  it('leaves what the printout promises for the next process on the folder (the app, the CLI) to find', async () => {
    const printout = seedSummary(first).join('\n');
    expect(printout).toContain('ARR: Design review, Fabrikam prototypes, Showroom; ACS: Field calls (Entra ID only), Support chat');
    expect(printout).toContain('Render pipeline (service principal), Adele Vance (user), Nestor Wilke (user): signed in');
    expect(printout).toContain('2 ARR access tokens, 2 ACS user tokens (chat, voip), 1 Entra token: kept');
    expect(printout).toContain('3 identities × 5 resources, 15 audited');

    const core = openCore();
    const call = contractCall(core);
    try {
      expect((await call('settings.get')).defaultCloud).toBe('AzureEmulator');
      const accounts = await call('accounts.list');
      expect(accounts.map((a) => a.name).sort()).toEqual(demoAccountNames);
      const showroom = accounts.find((a) => a.name === 'Showroom');
      expect(showroom).toMatchObject({ kind: 'arr', hasPrimaryKey: true, hasSecondaryKey: true, tags: ['demo', 'showroom'] });
      expect(accounts.find((a) => a.name === 'Field calls')).toMatchObject({ kind: 'acs', hasAccessKey: false });

      expect((await call('identities.list')).map((i) => `${i.kind} ${i.name}`).sort()).toEqual([
        'service-principal Render pipeline',
        'user Adele Vance',
        'user Nestor Wilke',
      ]);

      const tokens = await call('tokens.list');
      expect(tokens.map((t) => t.id).sort()).toEqual(first.tokens.map((t) => t.id).sort());
      for (const token of tokens) expect(token).toMatchObject({ status: 'valid', kept: true, hasValue: true });
      expect(tokens.find((t) => t.kind === 'acs-user' && t.source.account?.name === 'Support chat')?.scopes).toEqual(['chat', 'voip']);

      // The Roles page's audit, run again by this process: Adele's roles on the Showroom account.
      const audit = await call('roles.audit', {});
      const adele = audit.identities.find((i) => i.kind === 'user' && i.tenantId === '72f988bf-0000-4c1e-9a3f-c0de70c0a001');
      const cell = audit.cells.find((c) => c.identityId === adele?.id && c.accountId === showroom?.id);
      expect(cell?.roleNames.sort()).toEqual(['Reader', 'Remote Rendering Administrator']);
      expect(cell?.capabilities.find((c) => c.id === 'arr.render')?.granted).toBe(true);
    } finally {
      await core.close();
    }
  });

  it('run again against a restarted emulator, replaces what that emulator forgot instead of adding to it', async () => {
    // A key regenerated during the last demo: the restarted emulator is back to the scenario's.
    const before = openCore();
    const showroomId = first.accounts.find((a) => a.name === 'Showroom')?.id ?? '';
    await contractCall(before)('accounts.update', {
      id: showroomId,
      changes: { kind: 'arr', primaryKey: Buffer.from('a key regenerated last time').toString('base64') },
    });
    await before.close();
    await emulator.close();
    emulator = await startDemoEmulator();
    const second = await seedOnce();

    expect(seedSummary(second)).toEqual(seedSummary(first));
    const core = openCore();
    const call = contractCall(core);
    try {
      expect(await call('accounts.list')).toHaveLength(5);
      expect(await call('identities.list')).toHaveLength(3);
      expect(await call('acsIdentities.list', {})).toHaveLength(2);
      const tokens = await call('tokens.list');
      expect(tokens.map((t) => t.id).sort()).toEqual(second.tokens.map((t) => t.id).sort());
      expect(tokens.some((t) => first.tokens.some((old) => old.id === t.id))).toBe(false);
      // Pointed at the new emulator's ports: its ACS endpoint, and an STS call through the new cloud profile.
      const chat = (await call('accounts.list')).find((a) => a.name === 'Support chat');
      expect(chat).toMatchObject({ kind: 'acs', endpoint: `${emulator.urls.acs['contoso-acs-chat'] ?? ''}/` });
      expect((await call('accounts.reveal', { id: showroomId, secret: 'primaryKey' })).value).toBe(
        emulator.scenario.remoteRenderingAccounts.find((a) => a.name === 'contoso-arr-westeurope')?.primaryKey,
      );
      expect((await call('arr.testAccount', { accountId: showroomId, via: 'primaryKey' })).summary).toMatch(/^The token works/);
    } finally {
      await core.close();
    }
  }, 60_000);
});
