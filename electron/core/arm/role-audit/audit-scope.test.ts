import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../../shared/identities.ts';
import type { RoleAuditReport } from '../../../../shared/roles.ts';
import { contosoSubscription } from '../../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../../e2e/azure-emulator/server.ts';
import type { Core } from '../../core.ts';
import { coreValues } from '../../test-support/test-core.ts';
import { recordingRetry, resetAndCloseAfter, signInUser, tokensCore } from '../../tokens/test-support/tokens-fixtures.ts';
import { armScenario, capabilityOf, westeuropeScope } from './test-support/arm-fixtures.ts';

/**
 * What an identity can see, audited with nothing added: Grady Archie holds a custom role through the management group above the
 * Contoso subscription, Contributor on rg-mixed-reality under a deny assignment on its keys, Remote Rendering Client only as a
 * PIM-eligible role on contoso-arr-westeurope, and a custom role on contoso-acs-chat that ACS ignores for Entra ID access.
 */

let emulator: RunningEmulator;
const folders: string[] = [];
let core: Core;
let grady: IdentityView;
let report: RoleAuditReport;
const retry = recordingRetry({ timeoutMs: 2000 });

beforeAll(async () => {
  emulator = await startEmulator({ scenario: armScenario() });
  const folder = mkdtempSync(path.join(tmpdir(), 'azcred-audit-scope-'));
  folders.push(folder);
  core = tokensCore(folder, { retry: retry.retry });
  await coreValues(core).clouds.import({ text: JSON.stringify(emulator.cloudProfile) });
  grady = await signInUser(core, emulator, 'grady.archie');
  report = await coreValues(core).roles.audit({ identityIds: [grady.id] });
}, 60_000);
resetAndCloseAfter(() => ({ emulator, core, folders }), retry);

function cellOn(name: string) {
  const resource = report.resources.find((r) => r.name === name);
  const cell = report.cells.find((c) => c.accountId === resource?.accountId);
  if (!resource || !cell) throw new Error(`No cell on ${name}: ${report.resources.map((r) => r.name).join(', ')}`);
  return { resource, cell };
}

describe('the audit of what an identity can see', () => {
  it('with no accounts added, audits every resource the identity can see, each marked as not added', async () => {
    expect(await coreValues(core).accounts.list()).toEqual([]);
    expect(report.resources.map((r) => r.name).sort()).toEqual(['contoso-acs-chat', 'contoso-arr-eastus', 'contoso-arr-westeurope']);
    for (const resource of report.resources) {
      expect(resource.discovered).toEqual({ identityId: grady.id });
      expect(resource.accountId).toBe(`discovered:${resource.resourceId ?? ''}`);
    }
    expect(report.cells.every((c) => c.state === 'audited')).toBe(true);
    const addedOnly = await coreValues(core).roles.audit({ identityIds: [grady.id], discovered: false });
    expect(addedOnly.cells).toEqual([]);
  });

  it('names the management group a role is inherited from in the why', () => {
    const { cell } = cellOn('contoso-arr-eastus');
    expect(cell.assignments.find((a) => a.scopeLevel === 'management-group')).toMatchObject({
      roleName: 'Remote Rendering Converter (no rendering)',
      scope: '/providers/Microsoft.Management/managementGroups/contoso-root',
      inherited: true,
    });
    const convert = capabilityOf(cell, 'arr.convert');
    expect(convert.granted).toBe(true);
    expect(convert.why).toBe('Granted by Remote Rendering Converter (no rendering) on the management group contoso-root (inherited).');
  });

  it('says a capability a deny assignment blocks is denied by it, never granted, though a role grants it', () => {
    const { cell } = cellOn('contoso-arr-westeurope');
    expect(cell.denyAssignments?.map((d) => d.name)).toEqual(['Keys stay with the platform team']);
    const listKeys = capabilityOf(cell, 'arr.listKeys');
    expect(listKeys.granted).toBe(false);
    expect(listKeys.deniedBy?.map((d) => d.name)).toEqual(['Keys stay with the platform team']);
    expect(listKeys.why).toMatch(
      /^Denied by the deny assignment "Keys stay with the platform team" on the resource group rg-mixed-reality, though Contributor on the resource group rg-mixed-reality \(inherited\) would grant it/,
    );
  });

  it('shows an eligible role apart from held roles, and the capability it would give as eligible through PIM', () => {
    const { cell } = cellOn('contoso-arr-westeurope');
    expect(cell.roleNames).not.toContain('Remote Rendering Client');
    expect(cell.eligibleRoles).toEqual([
      expect.objectContaining({ roleName: 'Remote Rendering Client', scope: westeuropeScope, scopeLevel: 'resource', viaGroup: null }),
    ]);
    const render = capabilityOf(cell, 'arr.render');
    expect(render.granted).toBe(false);
    expect(render.eligibleThrough?.map((e) => e.roleName)).toEqual(['Remote Rendering Client']);
    expect(render.why).toContain('Eligible through PIM: activate Remote Rendering Client to render (the resource contoso-arr-westeurope).');
    expect(capabilityOf(cellOn('contoso-arr-eastus').cell, 'arr.render').eligibleThrough).toEqual([]);
  });

  it('flags an ACS custom role: ACS ignores it for Entra ID access, while its control-plane rights still count', () => {
    const { cell } = cellOn('contoso-acs-chat');
    const entra = capabilityOf(cell, 'acs.entraIdentities');
    expect(entra.granted).toBe(false);
    expect(entra.ignoredRoles).toEqual(['Contoso ACS identity manager (custom)']);
    expect(entra.why).toContain('ACS honours built-in roles only for Entra ID access and ignores it.');
    expect(entra.why).toContain('Communication and Email Service Owner');
    expect(capabilityOf(cell, 'acs.manage').granted).toBe(true);
  });

  it('keeps to the added accounts by default once one is added', async () => {
    const westeurope = emulator.scenario.remoteRenderingAccounts.find((a) => a.name === 'contoso-arr-westeurope');
    if (!westeurope) throw new Error('no westeurope');
    await coreValues(core).discovery.import({
      identityId: grady.id,
      resourceIds: [
        `/subscriptions/${contosoSubscription}/resourceGroups/rg-mixed-reality/providers/Microsoft.MixedReality/remoteRenderingAccounts/contoso-arr-westeurope`,
      ],
    });
    const again = await coreValues(core).roles.audit({ identityIds: [grady.id] });
    expect(again.resources.map((r) => [r.name, r.discovered ?? null])).toEqual([['contoso-arr-westeurope', null]]);
    const wide = await coreValues(core).roles.audit({ identityIds: [grady.id], discovered: true });
    expect(wide.resources.map((r) => r.name).sort()).toEqual(['contoso-acs-chat', 'contoso-arr-eastus', 'contoso-arr-westeurope']);
    expect(
      wide.resources
        .filter((r) => r.discovered)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['contoso-acs-chat', 'contoso-arr-eastus']);
  });
});
