import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RoleAuditReport } from '../../../../shared/roles.ts';
import { contosoSubscription } from '../../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../../e2e/azure-emulator/server.ts';
import type { Core } from '../../core.ts';
import { coreApi, coreValues } from '../../test-support/test-core.ts';
import {
  addChatResource,
  addEmulatorAccounts,
  addRenderPipeline,
  type EmulatorAccounts,
  recordingRetry,
  resetAndCloseAfter,
  tokensCore,
} from '../../tokens/test-support/tokens-fixtures.ts';
import {
  armScenario,
  awkwardRoleName,
  capabilityOf,
  cellOf,
  fabrikamAccountScope,
  renderArtistsGroupId,
  signInEveryone,
  westeuropeScope,
  type ArmIdentities,
} from './test-support/arm-fixtures.ts';

let emulator: RunningEmulator;
const folders: string[] = [];
let core: Core;
let accounts: EmulatorAccounts;
let who: ArmIdentities;
let report: RoleAuditReport;
const retry = recordingRetry({ timeoutMs: 2000 });

const newFolder = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'azcred-role-audit-'));
  folders.push(folder);
  return folder;
};

beforeAll(async () => {
  emulator = await startEmulator({ scenario: armScenario() });
  core = tokensCore(newFolder(), { retry: retry.retry });
  accounts = await addEmulatorAccounts(core, emulator);
  who = await signInEveryone(core, emulator);
  report = await coreValues(core).roles.audit({});
}, 60_000);
resetAndCloseAfter(() => ({ emulator, core, folders }), retry);

describe('the role audit', () => {
  it('audits every identity on every account of its cloud, finding and remembering the resource of accounts added by hand', async () => {
    expect(report.identities).toHaveLength(7);
    expect(report.resources).toHaveLength(5);
    expect(report.cells).toHaveLength(35);
    expect(report.resources.find((r) => r.accountId === accounts.westeurope.id)?.resourceId).toBe(westeuropeScope);
    expect(report.resources.every((r) => r.resourceId !== null && r.problem === null)).toBe(true);
    const listed = await coreValues(core).accounts.list();
    expect(listed.find((a) => a.id === accounts.fabrikam.id)?.resourceId).toBe(fabrikamAccountScope);
    expect(report.identities.find((i) => i.id === who.alex.id)?.objectId).toBe('a1f0e7c2-3b4d-4e5f-8a9b-000000000002');
  });

  it('shows a role held through a group, with the group, and what it still lacks', () => {
    const cell = cellOf(report, who.isaiah, 'contoso-arr-westeurope');
    expect(cell).toMatchObject({ state: 'audited', readBy: null });
    expect(cell.roleNames.sort()).toEqual(['Reader', 'Remote Rendering Client']);
    const client = cell.assignments.find((a) => a.roleName === 'Remote Rendering Client');
    expect(client).toMatchObject({
      scopeLevel: 'resource',
      inherited: false,
      principalType: 'Group',
      viaGroup: { id: renderArtistsGroupId, name: 'Render Artists' },
    });
    const render = capabilityOf(cell, 'arr.render');
    expect(render).toMatchObject({
      granted: true,
      grantedBy: [{ roleName: 'Remote Rendering Client', viaGroup: { id: renderArtistsGroupId } }],
    });
    expect(render.why).toBe('Granted by Remote Rendering Client on the resource contoso-arr-westeurope, through the group Render Artists.');
    const convert = capabilityOf(cell, 'arr.convert');
    expect(convert).toMatchObject({ granted: false, suggestedRoles: ['Remote Rendering Administrator'] });
    expect(convert.why).toContain('Remote Rendering Administrator would grant it');
    expect(cell.assignments.find((a) => a.roleName === 'Reader')).toMatchObject({
      scopeLevel: 'resource-group',
      inherited: true,
      viaGroup: { id: renderArtistsGroupId },
    });
  });

  it('shows a role inherited from the subscription', () => {
    const cell = cellOf(report, who.alex, 'contoso-acs-chat');
    expect(cell.assignments).toEqual([
      expect.objectContaining({
        roleName: 'Owner',
        scope: `/subscriptions/${contosoSubscription}`,
        scopeLevel: 'subscription',
        inherited: true,
        viaGroup: null,
      }),
    ]);
    const listKeys = capabilityOf(cell, 'acs.listKeys');
    expect(listKeys.granted).toBe(true);
    expect(listKeys.why).toBe(`Granted by Owner on the subscription ${contosoSubscription} (inherited).`);
    expect(cell.capabilities.map((c) => c.id)).toEqual(['acs.entraIdentities', 'acs.listKeys', 'acs.regenerateKeys', 'acs.manage']);
  });

  it('says Owner can list keys but cannot render, and which roles would let it', () => {
    const cell = cellOf(report, who.alex, 'contoso-arr-westeurope');
    expect(capabilityOf(cell, 'arr.listKeys').granted).toBe(true);
    expect(capabilityOf(cell, 'arr.regenerateKeys').granted).toBe(true);
    const render = capabilityOf(cell, 'arr.render');
    expect(render).toMatchObject({
      granted: false,
      grantedBy: [],
      excludedBy: [],
      suggestedRoles: ['Remote Rendering Client', 'Remote Rendering Administrator'],
    });
    expect(render.why).toBe(
      'Its role (Owner) grants control-plane actions only, not the data action ' +
        'Microsoft.MixedReality/RemoteRenderingAccounts/render/read. Remote Rendering Client or Remote Rendering Administrator ' +
        'would grant it.',
    );
    expect(cell.roles).toEqual([
      expect.objectContaining({ roleName: 'Owner', roleType: 'BuiltInRole', permissions: [expect.objectContaining({ actions: ['*'] })] }),
    ]);
  });

  it('resolves a custom role and says which of its notDataActions removes rendering', () => {
    const cell = cellOf(report, who.diego, 'contoso-arr-eastus');
    const custom = cell.roles.find((r) => r.roleType === 'CustomRole');
    expect(custom).toMatchObject({
      roleName: 'Remote Rendering Converter (no rendering)',
      permissions: [
        expect.objectContaining({ notDataActions: expect.arrayContaining(['Microsoft.MixedReality/RemoteRenderingAccounts/render/*']) }),
      ],
    });
    expect(capabilityOf(cell, 'arr.convert')).toMatchObject({
      granted: true,
      grantedBy: [{ roleName: 'Remote Rendering Converter (no rendering)', scopeLevel: 'resource' }],
    });
    const render = capabilityOf(cell, 'arr.render');
    expect(render).toMatchObject({
      granted: false,
      excludedBy: [
        {
          roleName: 'Remote Rendering Converter (no rendering)',
          allowedBy: 'Microsoft.MixedReality/RemoteRenderingAccounts/*',
          excludedBy: 'Microsoft.MixedReality/RemoteRenderingAccounts/render/*',
          list: 'notDataActions',
        },
      ],
    });
    expect(render.why).toContain(
      'Remote Rendering Converter (no rendering) allows Microsoft.MixedReality/RemoteRenderingAccounts/* but its notDataActions ' +
        'remove Microsoft.MixedReality/RemoteRenderingAccounts/render/*.',
    );
    expect(capabilityOf(cell, 'arr.diagnostics').granted).toBe(true);
    // The same user renders on West Europe through the Render Artists group.
    expect(capabilityOf(cellOf(report, who.diego, 'contoso-arr-westeurope'), 'arr.render').granted).toBe(true);
  });

  it('reads assignments spread over several pages', () => {
    const cell = cellOf(report, who.nestor, 'fabrikam-arr');
    expect(cell.assignments.length).toBe(6);
    expect(cell.assignments.length).toBeGreaterThan(emulator.scenario.settings.armPageSize);
    expect(cell.roleNames.sort()).toEqual([awkwardRoleName, 'Contributor', 'Owner', 'Reader', 'Remote Rendering Administrator'].sort());
    expect(
      capabilityOf(cell, 'arr.convert')
        .grantedBy.map((g) => g.roleName)
        .sort(),
    ).toEqual([awkwardRoleName, 'Remote Rendering Administrator'].sort());
  });

  it('audits service principals as it audits users, reading with another identity when the principal may not', () => {
    const eastus = cellOf(report, who.pipeline, 'contoso-arr-eastus');
    expect(eastus).toMatchObject({ state: 'audited', roleNames: ['Remote Rendering Client'] });
    expect(eastus.readBy).not.toBeNull();
    expect(eastus.readBy?.identityId).not.toBe(who.pipeline.id);
    expect(capabilityOf(eastus, 'arr.render').granted).toBe(true);
    expect(capabilityOf(eastus, 'arr.listKeys').granted).toBe(false);
    const chat = cellOf(report, who.pipeline, 'contoso-acs-chat');
    expect(capabilityOf(chat, 'acs.entraIdentities').why).toBe(
      'Granted by Communication and Email Service Owner on the resource group rg-communication (inherited).',
    );
    const agent = cellOf(report, who.buildAgent, 'contoso-acs-calls');
    expect(agent).toMatchObject({ state: 'audited', readBy: null });
    expect(agent.roleNames.sort()).toEqual(['Contributor', 'Reader']);
    expect(capabilityOf(agent, 'acs.listKeys').granted).toBe(true);
    expect(report.identities.find((i) => i.id === who.pipeline.id)).toMatchObject({
      kind: 'service-principal',
      objectId: 'd4e3fa05-6e70-4182-9dce-000000000001',
    });
  });

  it("finds no role for an identity of another tenant, read by an identity of the resource's tenant", () => {
    const cell = cellOf(report, who.alex, 'fabrikam-arr');
    expect(cell).toMatchObject({ state: 'audited', roleNames: [], readBy: { identityId: who.nestor.id } });
    expect(capabilityOf(cell, 'arr.listKeys').why).toBe('It holds no role that applies here. Contributor or Owner would grant it.');
  });

  it('keeps the last audit for a page that opens later, and has none in a new process', async () => {
    const report2 = await coreValues(core).roles.audit({});
    const last = await coreValues(core).roles.lastAudit();
    expect(last?.cells).toHaveLength(35);
    expect(last?.generatedAt).toBe(report2.generatedAt);
    const fresh = tokensCore(newFolder(), { retry: retry.retry });
    try {
      expect(await coreValues(fresh).roles.lastAudit()).toBeNull();
    } finally {
      await fresh.close();
    }
  });

  it('limits the audit to the identities and accounts asked for, and refuses an unknown identity', async () => {
    const small = await coreValues(core).roles.audit({ identityIds: [who.adele.id], accountIds: [accounts.westeurope.id] });
    expect(small.cells).toHaveLength(1);
    expect(capabilityOf(cellOf(small, who.adele, 'contoso-arr-westeurope'), 'arr.convert').why).toContain(
      'Remote Rendering Administrator on the resource contoso-arr-westeurope',
    );
    expect(await coreApi(core).roles.audit({ identityIds: ['00000000-0000-4000-8000-000000000000'] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('retries a throttled ARM and still audits', async () => {
    emulator.faults.add({ service: 'arm', kind: 'throttle', retryAfterSeconds: 1, times: 1 });
    const small = await coreValues(core).roles.audit({ identityIds: [who.alex.id], accountIds: [accounts.chat.id] });
    expect(small.cells[0]?.state).toBe('audited');
    expect(retry.waits).toEqual([1000]);
  });

  it('says why a cell could not be audited when no signed-in identity may read its assignments', async () => {
    const lone = tokensCore(newFolder(), { retry: retry.retry });
    try {
      await coreValues(lone).clouds.import({ text: JSON.stringify(emulator.cloudProfile) });
      const pipeline = await addRenderPipeline(lone);
      const chat = await addChatResource(lone, emulator, 'chat');
      const alone = await coreValues(lone).roles.audit({});
      expect(alone.resources[0]?.resourceId).toMatch(/contoso-acs-chat$/);
      const cell = cellOf(alone, pipeline, 'chat');
      expect(cell).toMatchObject({ state: 'unreadable', problem: { code: 'azure_forbidden' }, capabilities: [] });
      expect(cell.problem?.message).toContain('No signed-in identity may read the role assignments on chat');
      expect(cell.problem?.message).toContain('Microsoft.Authorization/roleAssignments/read, which Reader, Contributor or Owner grant');
      expect(chat.id).toBe(cell.accountId);
    } finally {
      await lone.close();
    }
  });
});

describe('the audit report', () => {
  // Exports use the last audit: make it the whole matrix again.
  beforeAll(async () => {
    await coreValues(core).roles.audit({});
  });

  it('exports CSV with one row per capability, quoting commas and quotes', async () => {
    const csv = await coreValues(core).roles.exportReport({
      format: 'csv',
      identityIds: [who.nestor.id],
      accountIds: [accounts.fabrikam.id],
    });
    expect(csv.cells).toBe(1);
    const text = 'text' in csv ? csv.text : '';
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Identity,Identity type,Resource,Resource type,Resource ID,Roles,Capability,Granted,Why');
    expect(lines).toHaveLength(1 + 6);
    const convert = lines.find((l) => l.includes(',Convert models,'));
    expect(convert).toContain('nestor.wilke@fabrikam.onmicrosoft.com,user,fabrikam-arr,Remote Rendering account,');
    expect(convert).toContain('; Fabrikam ""ops"", render | convert');
    expect(convert).toMatch(/,Convert models,yes,"Granted by .*Fabrikam ""ops"", render \| convert on the resource fabrikam-arr.*"$/);
  });

  it('exports Markdown with pipes and other Markdown escaped, and JSON as the report', async () => {
    const md = await coreValues(core).roles.exportReport({
      format: 'markdown',
      identityIds: [who.nestor.id, who.alex.id],
      accountIds: [accounts.fabrikam.id, accounts.westeurope.id],
    });
    const text = 'text' in md ? md.text : '';
    expect(text).toContain('| Identity | Resource | Roles | Can | Cannot |');
    expect(text).toContain('Fabrikam "ops", render \\| convert');
    expect(text).not.toMatch(/render \| convert/);
    expect(text).toContain(
      '| alex.wilber@contoso.onmicrosoft.com | contoso-arr-westeurope | Owner | List keys, Regenerate keys | Convert models, ' +
        'Manage sessions, Render, Read diagnostics |',
    );
    expect(text).toContain('Microsoft.MixedReality/RemoteRenderingAccounts/render/read');
    for (const row of text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---')))
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    const json = await coreValues(core).roles.exportReport({ format: 'json', identityIds: [who.alex.id] });
    const parsed = JSON.parse('text' in json ? json.text : '{}') as RoleAuditReport;
    expect(parsed.cells).toHaveLength(5);
    expect(parsed.identities.map((i) => i.id)).toEqual([who.alex.id]);
  });

  it('writes the report to a file only the user can read, and will not replace one unasked', async () => {
    const file = path.join(newFolder(), 'roles.csv');
    expect(await coreValues(core).roles.exportReport({ format: 'csv', path: file })).toEqual({
      format: 'csv',
      cells: expect.any(Number),
      path: file,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^Identity,Identity type,/);
    expect(await coreApi(core).roles.exportReport({ format: 'markdown', path: file })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await coreValues(core).roles.exportReport({ format: 'markdown', path: file, overwrite: true })).toMatchObject({ path: file });
    expect(readFileSync(file, 'utf8')).toMatch(/^# Role audit/);
  });
});
