import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { defaultScenario } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { closeEmulatorDataFolder, deviceCodeLogin, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { addEmulatorArr, westEuropeArr } from './test-support/azcred-arguments.ts';
import { importEmulatorCloud, keyringSession, runAzcred } from './test-support/run-azcred.ts';

/** `azcred roles` names groups and principals from Microsoft Graph, and says once when Graph will not. */

let emulator: RunningEmulator;
let home: string;
const guestHomes: string[] = [];
const renderArtists = 'c3d2e9f4-5d6f-4071-8cbd-000000000001';
const guestId = 'a1f0e7c2-3b4d-4e5f-8a9b-0000000000e8';

describe.runIf(keyringSession)('azcred roles with names from Microsoft Graph', () => {
  beforeAll(async () => {
    const scenario = defaultScenario({ deviceCodeIntervalSeconds: 1 });
    // The guest renders through the group too, so its table has a group it cannot name.
    scenario.groups = (scenario.groups ?? []).map((g) => (g.id === renderArtists ? { ...g, members: [...g.members, guestId] } : g));
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-names-', { scenario }));
    expect((await deviceCodeLogin(emulator, home, 'isaiah.langer')).code).toBe(0);
    expect((await runAzcred(addEmulatorArr('west', westEuropeArr, '--no-key'), { home })).code).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await closeEmulatorDataFolder(emulator, home);
    for (const guestHome of guestHomes) await closeEmulatorDataFolder(undefined, guestHome);
  });

  it('prints the group a role is held through by its name, and no notice', async () => {
    const run = await runAzcred(['roles'], { home, env: { COLUMNS: '200' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Remote Rendering Client (through Render Artists)');
    expect(run.stdout).not.toContain(renderArtists);
    expect(run.stdout).not.toContain('shown by ID');
    const json = JSON.parse((await runAzcred(['roles', '--json'], { home })).stdout) as {
      principalNames: Record<string, { displayName: string }>;
    };
    expect(json.principalNames[renderArtists]?.displayName).toBe('Render Artists');
  });

  it('falls back to the group’s ID with the reason said once when Graph refuses a guest', async () => {
    const guestHome = await mkdtemp(path.join(os.tmpdir(), 'azcred-cli-guest-'));
    guestHomes.push(guestHome);
    await importEmulatorCloud(emulator, guestHome);
    expect((await deviceCodeLogin(emulator, guestHome, 'pradeep.gupta')).code).toBe(0);
    expect((await runAzcred(addEmulatorArr('west', westEuropeArr, '--no-key'), { home: guestHome })).code).toBe(0);
    const run = await runAzcred(['roles'], { home: guestHome, env: { COLUMNS: '400' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Remote Rendering Client (through ${renderArtists})`);
    expect(run.stdout.match(/Principals are shown by ID/g)).toHaveLength(1);
    expect(run.stdout).toContain('Directory.Read.All');
  });
});
