import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { defaultScenario } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { RoleAuditReport } from '../../shared/roles.ts';
import { closeEmulatorDataFolder, deviceCodeLogin, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { keyringSession, runAzcred } from './test-support/run-azcred.ts';

/**
 * `azcred roles --identity X` with no account added answers "which roles does X have" over everything X can see, as
 * `az role assignment list --assignee X --all` would, with management groups, deny assignments and PIM-eligible roles.
 */

let emulator: RunningEmulator;
let home: string;
const grady = 'grady.archie@contoso.onmicrosoft.com';

describe.runIf(keyringSession)('azcred roles over what an identity can see', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-roles-scope-', {
      scenario: defaultScenario({ deviceCodeIntervalSeconds: 1 }),
    }));
    expect((await deviceCodeLogin(emulator, home, 'grady.archie')).code).toBe(0);
  }, 90_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('lists the roles and capabilities of an identity on every resource it can see, with no accounts added', async () => {
    const run = await runAzcred(['roles', '--identity', grady], { home, env: { COLUMNS: '400' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Nothing to audit');
    for (const name of ['contoso-arr-westeurope', 'contoso-arr-eastus', 'contoso-acs-chat'])
      expect(run.stdout).toContain(`${name} (not added)`);
    expect(run.stdout).toContain('eligible: Remote Rendering Client');
    expect(run.stdout).toContain('List keys (denied by Keys stay with the platform team)');
    expect(run.stdout).toContain('Render (eligible through PIM)');
    expect(run.stdout).toContain('Manage identities and tokens with Entra ID (custom role ignored by ACS)');
  });

  it('carries each why in --json: the management group, the deny assignment, the eligible role and the ACS caveat', async () => {
    const run = await runAzcred(['roles', '--identity', grady, '--json'], { home });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as RoleAuditReport;
    const whys = report.cells.flatMap((c) => c.capabilities.map((capability) => capability.why));
    expect(whys).toContainEqual(expect.stringContaining('on the management group contoso-root (inherited)'));
    expect(whys).toContainEqual(expect.stringMatching(/^Denied by the deny assignment "Keys stay with the platform team"/));
    expect(whys).toContainEqual(expect.stringContaining('Eligible through PIM: activate Remote Rendering Client to render'));
    expect(whys).toContainEqual(expect.stringContaining('ACS honours built-in roles only for Entra ID access'));
  });

  it('marks the resources that are not added in a CSV report too', async () => {
    const run = await runAzcred(['roles', '--identity', grady, '--csv'], { home });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('contoso-arr-westeurope (not added),Remote Rendering account');
    expect(run.stdout).toContain('Render,no,');
  });

  it('keeps to added accounts when asked, and then has nothing to audit', async () => {
    const run = await runAzcred(['roles', '--identity', grady, '--added-only'], { home });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Nothing to audit');
    const both = await runAzcred(['roles', '--discovered', '--added-only'], { home });
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('Choose --discovered or --added-only, not both.');
  });
});
