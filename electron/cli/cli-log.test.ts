import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityList } from '../../shared/activity.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { sinceTime } from './commands/log-commands.ts';
import { arrPrimaryKey, closeEmulatorDataFolder, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { addEmulatorArr, westEuropeArr } from './test-support/azcred-arguments.ts';
import { runAzcredRecordingLoads } from './test-support/loaded-modules.ts';
import { azcredIn, keyringSession, runAzcred } from './test-support/run-azcred.ts';

let emulator: RunningEmulator;
let home: string;
const azcred = azcredIn(() => home);
const logJson = async (...args: string[]): Promise<ActivityList> => {
  const run = await azcred(['log', '--json', ...args]);
  expect(run, run.stderr).toMatchObject({ code: 0 });
  return JSON.parse(run.stdout) as ActivityList;
};

describe('azcred log --since', () => {
  it('reads a duration back from now or a time, and refuses anything else with the forms it takes', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(sinceTime('90m', now)).toBe('2026-12-07T10:30:00.000Z');
    expect(sinceTime('1d', now)).toBe('2026-12-06T12:00:00.000Z');
    expect(sinceTime('2026-12-01T08:00:00+01:00', now)).toBe('2026-12-01T07:00:00.000Z');
    expect(() => sinceTime('yesterday', now)).toThrow(/30m, 1h or 7d.*2026-01-31T09:00:00Z/);
    expect(() => sinceTime('12', now)).toThrow(/duration/);
  });
});

describe.runIf(keyringSession)('azcred log', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-log-'));
    const added = await azcred(addEmulatorArr('contoso', westEuropeArr), arrPrimaryKey(emulator, westEuropeArr));
    expect(added, added.stderr).toMatchObject({ code: 0 });
  }, 60_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('says so when nothing was handed out yet', async () => {
    expect(await azcred(['log'])).toMatchObject({ code: 0, stdout: 'Nothing handed out yet.\n' });
    expect(await logJson()).toEqual({ entries: [], active: [] });
  });

  it('records a token printed by the full CLI and by the cached-token path, and a key shown with --reveal, to their command lines', async () => {
    const minted = await azcred(['token', 'arr', 'contoso', '--fresh']);
    expect(minted, minted.stderr).toMatchObject({ code: 0 });
    const cached = await runAzcredRecordingLoads(['token', 'arr', 'contoso'], { home });
    expect(cached, cached.stderr).toMatchObject({ code: 0, stdout: minted.stdout, loaded: { fullCli: false } });
    const shown = await azcred(['account', 'show', 'contoso', '--reveal', '--json']);
    expect(shown, shown.stderr).toMatchObject({ code: 0 });

    const { entries } = await logJson();
    const token = { action: 'print', kind: 'arr-sts', account: { name: 'contoso' }, to: { front: 'cli' } };
    const printedBy = (command: string) =>
      expect.objectContaining({ ...token, account: expect.objectContaining(token.account), to: expect.objectContaining({ command }) });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'print',
        kind: 'account-key',
        what: 'primary key of contoso',
        to: expect.objectContaining({ command: 'azcred account show --reveal --json' }),
      }),
      printedBy('azcred token arr'),
      printedBy('azcred token arr --fresh'),
    ]);
    // Each process its own pid, none of them this one.
    const pids = new Set(entries.map((e) => e.to.pid));
    expect(pids.has(process.pid)).toBe(false);
    expect(entries.at(-1)?.tokenId).toBe(entries.at(-2)?.tokenId);

    const text = await azcred(['log']);
    expect(text.stdout).toMatch(/TIME\s+ACTION\s+WHAT/);
    expect(text.stdout).toContain('Printed');
    expect(text.stdout).toContain('azcred token arr --fresh (pid');
    for (const secret of [minted.stdout.trim(), arrPrimaryKey(emulator, westEuropeArr)]) expect(text.stdout).not.toContain(secret);
  });

  it('filters by account, kind and time, and refuses a filter it cannot read', async () => {
    expect((await logJson('--account', 'contoso', '--kind', 'arr-sts')).entries.map((e) => e.kind)).toEqual(['arr-sts', 'arr-sts']);
    expect((await logJson('--account', 'nobody')).entries).toEqual([]);
    expect((await logJson('--since', '1h')).entries.length).toBeGreaterThanOrEqual(3);
    expect((await logJson('--since', '2099-01-01T00:00:00Z')).entries).toEqual([]);
    expect(await azcred(['log', '--since', '2099-01-01T00:00:00Z'])).toMatchObject({ code: 0, stdout: 'Nothing handed out matches.\n' });
    const bad = await azcred(['log', '--since', 'last week']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--since takes a duration like 30m, 1h or 7d');
    expect((await azcred(['log', '--kind', 'password'])).stderr).toContain('--kind takes one of account-key');
  });

  it('explains itself in --help', async () => {
    const help = await runAzcred(['log', '--help'], { home });
    expect(help.stdout).toContain('azcred log');
    expect(help.stdout).toMatch(/--since 1h\|TIME/);
    expect(help.stdout).toContain('never its value');
  });
});
