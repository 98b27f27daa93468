import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../e2e/azure-emulator/server.ts';
import type { Core } from '../../core.ts';
import { coreValues } from '../../test-support/test-core.ts';
import {
  addEmulatorAccounts,
  addRenderPipeline,
  recordingRetry,
  resetAndCloseAfter,
  signInUser,
  tokensCore,
} from '../../tokens/test-support/tokens-fixtures.ts';
import { armScenario, capabilityOf, cellOf, renderArtistsGroupId } from './test-support/arm-fixtures.ts';

/** Names from Microsoft Graph in the role audit: one getByIds per audit, and one notice when Graph will not name. */

let emulator: RunningEmulator;
const folders: string[] = [];
let core: Core;
const retry = recordingRetry({ timeoutMs: 2000, tries: 2 });
const guestId = 'a1f0e7c2-3b4d-4e5f-8a9b-0000000000e8';

const newCore = async (): Promise<Core> => {
  const folder = mkdtempSync(path.join(tmpdir(), 'azcred-names-'));
  folders.push(folder);
  const made = tokensCore(folder, { retry: retry.retry });
  await addEmulatorAccounts(made, emulator);
  return made;
};

beforeAll(async () => {
  const scenario = armScenario();
  // The guest renders through the Render Artists group too, so its audit has a group to name.
  scenario.groups = (scenario.groups ?? []).map((g) => (g.id === renderArtistsGroupId ? { ...g, members: [...g.members, guestId] } : g));
  emulator = await startEmulator({ scenario });
  const take = emulator.faults.take.bind(emulator.faults);
  emulator.faults.take = (service, exchange) => {
    if (service === 'graph') graphRequests.push(`${exchange.method} ${exchange.path}`);
    return take(service, exchange);
  };
  core = await newCore();
}, 60_000);
resetAndCloseAfter(() => ({ emulator, core, folders }), retry);

/** Graph requests the emulator saw, as `METHOD path`. */
const graphRequests: string[] = [];
const getByIdsCalls = () => graphRequests.filter((r) => r.endsWith('/directoryObjects/getByIds')).length;

describe('principal names in the role audit', () => {
  it('names the group and the principals, from one getByIds for the whole audit', async () => {
    const isaiah = await signInUser(core, emulator, 'isaiah.langer');
    const pipeline = await addRenderPipeline(core);
    const report = await coreValues(core).roles.audit({});
    const cell = cellOf(report, isaiah, 'contoso-arr-westeurope');
    expect(cell.assignments.find((a) => a.roleName === 'Remote Rendering Client')?.viaGroup).toEqual({
      id: renderArtistsGroupId,
      name: 'Render Artists',
    });
    const render = capabilityOf(cell, 'arr.render');
    expect(render.grantedBy[0]?.viaGroup).toEqual({ id: renderArtistsGroupId, name: 'Render Artists' });
    expect(render.why).toBe('Granted by Remote Rendering Client on the resource contoso-arr-westeurope, through the group Render Artists.');
    expect(render.why).not.toContain(renderArtistsGroupId);
    expect(report.identities.find((i) => i.id === pipeline.id)?.directoryName).toBe('Render pipeline (secret)');
    expect(report.identities.find((i) => i.id === isaiah.id)?.directoryName).toBe('Isaiah Langer (consent needed)');
    expect(report.principalNames?.[renderArtistsGroupId]).toMatchObject({ type: 'group', displayName: 'Render Artists' });
    expect(report.namesNotice).toBeNull();
    // The names go with the audit: the last audit and its export carry them.
    expect((await coreValues(core).roles.lastAudit({}))?.principalNames?.[renderArtistsGroupId]?.displayName).toBe('Render Artists');
    const markdown = await coreValues(core).roles.exportReport({ format: 'markdown' });
    expect('text' in markdown && markdown.text).toContain('through the group Render Artists');
    expect(getByIdsCalls()).toBe(1);
  });

  it('falls back to ids with exactly one notice when Graph refuses (a guest), the rest of the audit unchanged', async () => {
    const guestCore = await newCore();
    const guest = await signInUser(guestCore, emulator, 'pradeep.gupta');
    const report = await coreValues(guestCore).roles.audit({});
    expect(report.namesNotice).toMatch(/^Principals are shown by ID: Microsoft Graph refused .* Directory\.Read\.All/);
    expect(report.namesNotice).toContain('Insufficient privileges to complete the operation.');
    expect(report.principalNames).toEqual({});
    const cell = cellOf(report, guest, 'contoso-arr-westeurope');
    expect(cell.state).toBe('audited');
    const render = capabilityOf(cell, 'arr.render');
    expect(render.granted).toBe(true);
    expect(render.grantedBy[0]?.viaGroup).toEqual({ id: renderArtistsGroupId, name: null });
    expect(render.why).toContain(`through the group ${renderArtistsGroupId}`);
    // Said once for the audit, never in a cell.
    const everyWhy = report.cells.flatMap((c) => c.capabilities.map((cap) => cap.why)).join('\n');
    expect(everyWhy).not.toContain('Microsoft Graph');
    const markdown = await coreValues(guestCore).roles.exportReport({ format: 'markdown' });
    expect('text' in markdown && markdown.text.match(/Microsoft Graph refused/g)?.length).toBe(1);
  });

  it('falls back to ids with one notice when Graph does not answer (503), and the audit still completes', async () => {
    const isaiahCore = await newCore();
    const isaiah = await signInUser(isaiahCore, emulator, 'isaiah.langer');
    emulator.faults.add({ service: 'graph', kind: 'error', status: 503 });
    const report = await coreValues(isaiahCore).roles.audit({});
    expect(report.namesNotice).toMatch(/^Principals are shown by ID: .*Microsoft Graph/);
    expect(capabilityOf(cellOf(report, isaiah, 'contoso-arr-westeurope'), 'arr.render').why).toContain(renderArtistsGroupId);
  });
});
