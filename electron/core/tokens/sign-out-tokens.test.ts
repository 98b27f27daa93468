import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../shared/identities.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import type { RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import type { Core } from '../core.ts';
import { coreApi, coreValues } from '../test-support/test-core.ts';
import { keytarKeychain } from '../vault/keychain.ts';
import { openVault } from '../vault/vault.ts';
import { keptTokensFileName } from './kept-tokens-file.ts';
import {
  addChatResource,
  addEmulatorAccounts,
  addRenderPipeline,
  type EmulatorAccounts,
  emulatorAndCore,
  manualClock,
  recordingRetry,
  resetAndCloseAfter,
  signInUser,
  tokensCore,
} from './test-support/tokens-fixtures.ts';

// Sign-out and pruning against the emulator, with the real Secret Service scripts/with-keyring.sh starts.
let emulator: RunningEmulator;
let folder: string;
let core: Core;
let accounts: EmulatorAccounts;
const folders: string[] = [];
const retry = recordingRetry();
const hour = 60 * 60_000;

const newFolder = (): string => {
  const created = mkdtempSync(path.join(tmpdir(), 'azcred-sign-out-'));
  folders.push(created);
  return created;
};

beforeAll(async () => {
  ({ emulator, folder, core } = await emulatorAndCore('azcred-sign-out-', retry, { keychain: keytarKeychain() }));
  folders.push(folder);
  accounts = await addEmulatorAccounts(core, emulator);
});
resetAndCloseAfter(() => ({ emulator, core, folders }), retry);

/** The ids in `tokens.json`. */
async function keptOnFile(dataFolder: string): Promise<string[]> {
  const file = JSON.parse(await readFile(path.join(dataFolder, keptTokensFileName), 'utf8')) as { tokens: { id: string }[] };
  return file.tokens.map((t) => t.id).sort();
}

/** The ids of the `token/<id>` secrets in the vault, read afresh from its file as another process would. */
async function tokensInVault(dataFolder: string): Promise<string[]> {
  const vault = await openVault({ dataFolder, keychain: keytarKeychain() });
  try {
    return vault.names('token/').map((name) => name.slice('token/'.length));
  } finally {
    vault.close();
  }
}

const ids = (tokens: TokenView[]) => tokens.map((t) => t.id).sort();

const processes: Core[] = [];
afterEach(async () => {
  await Promise.all(processes.splice(0).map((other) => other.close()));
});

/** A core on `dataFolder` with the real keychain, as another process of the app or the CLI has it; closed after the test. */
function processOn(dataFolder: string): Core {
  const other = tokensCore(dataFolder, { keychain: keytarKeychain(), retry: retry.retry });
  processes.push(other);
  return other;
}

/** A new data folder, and a first process on it that has imported the emulator's cloud profile. */
async function newFolderWithCloud(): Promise<{ dataFolder: string; first: Core }> {
  const dataFolder = newFolder();
  const first = processOn(dataFolder);
  await coreValues(first).clouds.import({ text: JSON.stringify(emulator.cloudProfile) });
  return { dataFolder, first };
}

describe.runIf(process.platform === 'linux' && process.env['AZCRED_IN_KEYRING_SESSION'] === '1')(
  'signing out and pruning forget tokens with the real keychain',
  () => {
    it(
      'signing an identity out forgets every token minted through it (tokens.json, vault, registry), and keeps the key-minted ' +
        'ones and the other identity’s',
      async () => {
        const pipeline: IdentityView = await addRenderPipeline(core);
        const adele = await signInUser(core, emulator, 'adele.vance');
        const keep = { keep: true };
        const byKey = [
          await coreValues(core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey', ...keep }),
          (
            await coreValues(core).tokens.mintAcs({
              accountId: accounts.chat.id,
              newIdentity: { label: 'Key bot' },
              scopes: ['chat'],
              via: 'accessKey',
              ...keep,
            })
          ).token,
        ];
        const byPipeline = [
          await coreValues(core).tokens.mintEntra({
            identityId: pipeline.id,
            scope: 'https://management.azure.com/.default',
            ...keep,
          }),
          await coreValues(core).tokens.mintArr({ accountId: accounts.eastus.id, via: { identityId: pipeline.id }, ...keep }),
          (
            await coreValues(core).tokens.mintAcs({
              accountId: accounts.calls.id,
              newIdentity: { label: 'Calls bot' },
              scopes: ['voip'],
              minutes: 60,
              via: { identityId: pipeline.id },
              ...keep,
            })
          ).token,
          // Held in this process's memory only.
          await coreValues(core).tokens.mintEntra({ identityId: pipeline.id, scope: 'https://communication.azure.com//.default' }),
        ];
        const byAdele = [
          await coreValues(core).tokens.mintEntra({
            identityId: adele.id,
            scope: 'https://graph.microsoft.com/User.Read',
            ...keep,
          }),
          // Adele's own ACS token as a Teams user, though the resource's key paid for the exchange.
          await coreValues(core).tokens.exchangeTeams({ accountId: accounts.chat.id, teamsIdentityId: adele.id, ...keep }),
        ];
        const keptBefore = ids([...byKey, ...byPipeline, ...byAdele].filter((t) => t.kept));
        expect(await keptOnFile(folder)).toEqual(keptBefore);
        expect((await tokensInVault(folder)).sort()).toEqual(keptBefore);

        await coreValues(core).identities.signOut({ id: pipeline.id });

        const left = ids([...byKey, ...byAdele]);
        expect(await keptOnFile(folder)).toEqual(left);
        expect((await tokensInVault(folder)).sort()).toEqual(left);
        expect(ids(await coreValues(core).tokens.list())).toEqual(left);
        for (const token of byPipeline) {
          expect(await coreApi(core).tokens.reveal({ id: token.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
        }
        for (const token of [...byKey, ...byAdele]) expect((await coreValues(core).tokens.reveal({ id: token.id })).value).not.toBe('');

        // A user's sign-out works alike: the exchanged Teams token goes with the Entra one.
        await coreValues(core).identities.signOut({ id: adele.id });
        expect(await keptOnFile(folder)).toEqual(ids(byKey));
        expect((await tokensInVault(folder)).sort()).toEqual(ids(byKey));
        for (const token of byAdele)
          expect(await coreApi(core).tokens.reveal({ id: token.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
        expect(ids(await coreValues(core).tokens.list())).toEqual(ids(byKey));
      },
    );

    it(
      'when another process signs the identity out, this one lets go of the tokens minted through it at its next list, those it ' +
        'held in memory too',
      async () => {
        const { dataFolder, first: app } = await newFolderWithCloud();
        const cli = processOn(dataFolder);
        const pipeline = await addRenderPipeline(app);
        const kept = await coreValues(app).tokens.mintEntra({
          identityId: pipeline.id,
          scope: 'https://management.azure.com/.default',
          keep: true,
        });
        const inMemory = await coreValues(app).tokens.mintEntra({
          identityId: pipeline.id,
          scope: 'https://communication.azure.com//.default',
        });

        await coreValues(cli).identities.signOut({ id: pipeline.id });

        expect(await coreValues(app).tokens.list()).toEqual([]);
        for (const token of [kept, inMemory])
          expect(await coreApi(app).tokens.reveal({ id: token.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
        expect(await tokensInVault(dataFolder)).toEqual([]);
      },
    );

    it(
      'lets go of a kept token expired for more than a day at the next read, and keeps one expired less long and one that ' +
        'refreshes itself',
      async () => {
        const { dataFolder, first: minting } = await newFolderWithCloud();
        const chat = await addChatResource(minting, emulator, 'chat');
        const acs = (minutes: number, autoRefresh: boolean) =>
          coreValues(minting)
            .tokens.mintAcs({
              accountId: chat.id,
              newIdentity: { label: `${minutes} min` },
              scopes: ['chat'],
              minutes,
              keep: true,
              autoRefresh,
            })
            .then((r) => r.token);
        const hourLong = await acs(60, false);
        const dayLong = await acs(1440, false);
        const refreshing = await acs(60, true);
        expect(await keptOnFile(dataFolder)).toEqual(ids([hourLong, dayLong, refreshing]));

        // A day and a bit later, in another process: the hour-long token expired over a day ago, the day-long one an hour ago.
        const later = manualClock(Date.parse(hourLong.expiresAt) + 24 * hour + 60_000);
        const reader = tokensCore(dataFolder, { keychain: keytarKeychain(), clock: later, retry: retry.retry });
        try {
          const listed = await coreValues(reader).tokens.list();
          expect(ids(listed)).toEqual(ids([dayLong, refreshing]));
          expect(listed.find((t) => t.id === dayLong.id)?.status).toBe('expired');
          expect(await keptOnFile(dataFolder)).toEqual(ids([dayLong, refreshing]));
          expect((await tokensInVault(dataFolder)).sort()).toEqual(ids([dayLong, refreshing]));
          expect(await coreApi(reader).tokens.reveal({ id: hourLong.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

          // One held in memory only goes alike (minted now, it expired over a day before this process's clock).
          const unkept = (
            await coreValues(reader).tokens.mintAcs({
              accountId: chat.id,
              newIdentity: { label: 'unkept' },
              scopes: ['chat'],
              minutes: 60,
            })
          ).token;
          expect(unkept.status).toBe('expired');
          expect(ids(await coreValues(reader).tokens.list())).toEqual(ids([dayLong, refreshing]));
        } finally {
          await reader.close();
        }
        // The process that minted it holds its value until a day after expiry on its own clock: no longer kept, and in no file.
        expect((await coreValues(minting).tokens.list()).find((t) => t.id === hourLong.id)).toMatchObject({
          kept: false,
          hasValue: true,
        });
      },
    );
  },
);
