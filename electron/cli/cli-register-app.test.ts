import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario, scenarioUser } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { signInAtLink } from '../../e2e/azure-emulator/test/sign-in-over-http.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { closeEmulatorDataFolder, deviceCodeLogin, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { azcredIn, keyringSession, runAzcred } from './test-support/run-azcred.ts';
import { exitCodes } from './exit-codes.ts';

let emulator: RunningEmulator;
let home: string;
const azcred = azcredIn(() => home);
const acsScope = 'https://communication.azure.com//.default';

/**
 * The first test through azcred: signed in with the default client, an ACS Entra token is refused with the documented exit
 * code and nothing is stored; `azcred app register` creates the app through Graph, signs the user in with it after consent (the link
 * printed, as on a machine with no browser), and the ACS token works. A user who may not register apps gets the manual steps.
 */
describe.runIf(keyringSession)('azcred app register', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-register-app-', {
      scenario: defaultScenario({ deviceCodeIntervalSeconds: 1 }),
    }));
  }, 60_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('after the default client is refused an ACS token, registers the app, signs in with consent, and the ACS token works', async () => {
    const adele = scenarioUser(emulator, 'adele.vance');
    expect((await deviceCodeLogin(emulator, home, adele.userName)).code).toBe(0);

    const refused = await azcred(['token', 'entra', '--scope', acsScope, '--identity', adele.userName]);
    expect(refused.code, refused.stderr).toBe(exitCodes.clientNotPreauthorized);
    expect(refused.stderr).toMatch(/azcred app register/);
    const kept = path.join(home, 'tokens.json');
    expect(existsSync(kept) ? readFileSync(kept, 'utf8') : '').not.toContain('communication');

    let consent: Promise<{ consentAsked: boolean }> | undefined;
    const registered = await runAzcred(['app', 'register', '--cloud', 'AzureEmulator'], {
      home,
      onStderr: (text) => {
        const url = /^(https:\/\/\S+)$/m.exec(text)?.[1];
        if (url && !consent) consent = signInAtLink(emulator, url, adele.userName);
      },
    });
    expect(registered.code, registered.stderr).toBe(0);
    expect(await consent).toEqual({ consentAsked: true });
    const appId = /client ID ([0-9a-f-]{36})/.exec(registered.stderr)?.[1] ?? '';
    expect(registered.stderr).toContain(
      'API permissions: Azure Service Management (user_impersonation), Azure Communication Services (user_impersonation), Microsoft Mixed Reality (mixedreality.signin).',
    );
    expect(registered.stdout).toContain(`Signed in as ${adele.displayName} <${adele.userName}> with your app ${appId}`);
    expect((await azcred(['cloud', 'list'])).stdout).toContain(`${appId} (${adele.tenant})`);

    const identities = JSON.parse((await azcred(['identity', 'list', '--json'])).stdout) as { id: string; clientId: string }[];
    const withApp = identities.find((i) => i.clientId === appId);
    const acs = await azcred(['token', 'entra', '--scope', acsScope, '--identity', withApp?.id ?? '', '--json']);
    expect(acs.code, acs.stderr).toBe(0);
    expect(JSON.parse(acs.stdout)).toMatchObject({ kind: 'entra' });
  }, 90_000);

  it('tells a user who may not register apps the manual steps in docs/sign-in.md, with the Azure-refused exit code', async () => {
    const lidia = scenarioUser(emulator, 'lidia.holloway');
    expect((await deviceCodeLogin(emulator, home, lidia.userName)).code).toBe(0);
    const refused = await azcred(['app', 'register', '--cloud', 'AzureEmulator', '--identity', lidia.userName]);
    expect(refused.code).toBe(exitCodes.denied);
    expect(refused.stderr).toMatch(/only some users register applications.*docs\/sign-in\.md/s);
  }, 60_000);

  it('asks which user when several are signed in to the cloud, and says to sign in first when none is', async () => {
    const several = await azcred(['app', 'register', '--cloud', 'AzureEmulator']);
    expect(several.code).toBe(exitCodes.usage);
    expect(several.stderr).toMatch(/Several users are signed in to AzureEmulator: choose one with --identity/);
    const none = await azcred(['app', 'register', '--cloud', 'AzureCloud']);
    expect(none.stderr).toMatch(/No user is signed in to AzureCloud: sign in first/);
  });
});
