import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario, secretServicePrincipal } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import type { Core } from '../core.ts';
import { coreValues } from '../test-support/test-core.ts';
import { addRenderPipeline, recordingRetry, resetAndCloseAfter, signInUser, tokensCore } from '../tokens/test-support/tokens-fixtures.ts';

/** A service principal added by its application ID alone gets its display name from Microsoft Graph, when someone may read it. */

let emulator: RunningEmulator;
const folders: string[] = [];
let core: Core;
const retry = recordingRetry();

const newCore = async (): Promise<Core> => {
  const folder = mkdtempSync(path.join(tmpdir(), 'azcred-sp-name-'));
  folders.push(folder);
  const made = tokensCore(folder, { retry: retry.retry });
  await coreValues(made).clouds.import({ text: JSON.stringify(emulator.cloudProfile) });
  return made;
};

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario({ deviceCodeIntervalSeconds: 1 }) });
  core = await newCore();
}, 60_000);
resetAndCloseAfter(() => ({ emulator, core, folders }), retry);

describe('a service principal’s name from Microsoft Graph', () => {
  it('is read with a signed-in user’s token when the principal may not read the directory itself, and kept with it', async () => {
    await signInUser(core, emulator, 'adele.vance');
    const added = await addRenderPipeline(core);
    expect(added).toMatchObject({ name: secretServicePrincipal.appId, directoryName: 'Render pipeline (secret)' });
    const listed = await coreValues(core).identities.list();
    expect(listed.find((i) => i.id === added.id)?.directoryName).toBe('Render pipeline (secret)');
  });

  it('is left out, and the principal still added, when nobody may read it (its own token is refused: no Application.Read.All)', async () => {
    const alone = await newCore();
    const added = await addRenderPipeline(alone);
    expect(added.name).toBe(secretServicePrincipal.appId);
    expect(added.directoryName).toBeUndefined();
  });
});
