import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { servicePrincipalLogin } from './test-support/azcred-arguments.ts';
import { closeEmulatorDataFolder, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { azcredIn, keyringSession } from './test-support/run-azcred.ts';
import { secretServicePrincipal } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';

let emulator: RunningEmulator;
let home: string;
const azcred = azcredIn(() => home);

describe.runIf(keyringSession)('azcred acs identity', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-acs-identity-'));
    const added = await azcred(
      ['account', 'add', 'acs', 'chat', '--cloud', 'AzureEmulator'],
      emulator.acsConnectionString('contoso-acs-chat'),
    );
    expect(added.code, added.stderr).toBe(0);
    expect((await azcred(servicePrincipalLogin('--name', 'pipeline'), secretServicePrincipal.secret)).code).toBe(0);
  }, 60_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('says there are none yet and how to make one', async () => {
    const run = await azcred(['acs', 'identity', 'list']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('No ACS identities yet');
  });

  it('lists the remembered identities and shows one as ACS holds it, with when its last token was issued', async () => {
    const minted = await azcred(['token', 'acs', 'chat', '--scopes', 'chat', '--new-user=Alice (test)', '--minutes', '60']);
    expect(minted.code, minted.stderr).toBe(0);

    const listed = await azcred(['acs', 'identity', 'list', '--account', 'chat']);
    expect(listed.stdout).toMatch(/^LABEL\s+RESOURCE\s+CUSTOM ID\s+LAST TOKEN HERE\s+ACS USER ID$/m);
    expect(listed.stdout).toMatch(/^Alice \(test\)\s+chat\s+\d{4}-\d\d-\d\d /m);

    const shown = await azcred(['acs', 'identity', 'show', 'alice (test)']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^Custom ID: +\(none\)$/m);
    expect(shown.stdout).toMatch(/^Last token issued: +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.?\d*Z$/m);
    const json = JSON.parse((await azcred(['acs', 'identity', 'show', 'Alice (test)', '--identity', 'pipeline', '--json'])).stdout) as {
      identity: { label: string; communicationUserId: string };
      lastTokenIssuedAt: string;
    };
    expect(json.identity.label).toBe('Alice (test)');
    expect(Date.now() - Date.parse(json.lastTokenIssuedAt)).toBeLessThan(60_000);
  }, 60_000);

  it('creates a new identity with --custom-id, finds it by that ID, and refuses --custom-id without --new-user', async () => {
    const args = ['token', 'acs', 'chat', '--scopes', 'voip', '--new-user=Sally', '--custom-id', 'sally@contoso.com', '--json'];
    const first = await azcred(args);
    expect(first.code, first.stderr).toBe(0);
    const again = await azcred(args);
    expect(again.code, again.stderr).toBe(0);
    const listed = JSON.parse((await azcred(['acs', 'identity', 'list', '--json'])).stdout) as { customId: string | null }[];
    expect(listed.filter((i) => i.customId === 'sally@contoso.com')).toHaveLength(1);
    const shown = await azcred(['acs', 'identity', 'show', 'sally@contoso.com']);
    expect(shown.stdout).toMatch(/^Label: +Sally$/m);
    expect(shown.stdout).toMatch(/^Custom ID: +sally@contoso\.com$/m);
    const wrong = await azcred(['token', 'acs', 'chat', '--scopes', 'voip', '--user', 'Sally', '--custom-id', 'x']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--custom-id is for a new ACS identity');
  }, 60_000);

  it('refuses an identity it does not know, exit 3, and one ACS no longer has, saying so', async () => {
    const unknown = await azcred(['acs', 'identity', 'show', 'nobody']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('azcred acs identity list');
    const listed = JSON.parse((await azcred(['acs', 'identity', 'list', '--json'])).stdout) as { communicationUserId: string }[];
    emulator.context.acs.identities.delete(listed[0]?.communicationUserId ?? '');
    const gone = await azcred(['acs', 'identity', 'show', 'Alice (test)']);
    expect(gone.code).toBe(3);
    expect(gone.stderr).toContain('no longer exists');
  }, 60_000);
});
