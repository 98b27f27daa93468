import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultScenario, enterDeviceCode } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { ScenarioInput } from '../../../e2e/azure-emulator/scenario.ts';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import { importEmulatorCloud, runAzcred, type AzcredRun } from './run-azcred.ts';

/** The primary key of one of the emulator's ARR accounts, as the portal shows it. */
export function arrPrimaryKey(emulator: RunningEmulator, account: { accountId: string }): string {
  return emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === account.accountId)?.primaryKey ?? '';
}

/** A running emulator and a new data folder (named from `prefix`) with the emulator's cloud imported, as a user sets one up. */
export async function emulatorDataFolder(
  prefix: string,
  options: { scenario?: ScenarioInput; stateDir?: string; importCloud?: boolean } = {},
): Promise<{ emulator: RunningEmulator; home: string }> {
  const emulator = await startEmulator({
    scenario: options.scenario ?? defaultScenario(),
    ...(options.stateDir && { stateDir: options.stateDir }),
  });
  const home = await mkdtemp(path.join(os.tmpdir(), prefix));
  if (options.importCloud !== false) await importEmulatorCloud(emulator, home);
  return { emulator, home };
}

/** Stops the emulator and deletes the data folder (either may be missing when the set-up failed). */
export async function closeEmulatorDataFolder(emulator: RunningEmulator | undefined, home: string | undefined): Promise<void> {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
}

/** `azcred login --device-code` on the emulator's cloud, with the code entered on the emulator's page as `userName` once it shows. */
export async function deviceCodeLogin(emulator: RunningEmulator, home: string, userName: string): Promise<AzcredRun> {
  let entered: Promise<string> | undefined;
  const run = await runAzcred(['login', '--device-code', '--cloud', 'AzureEmulator'], {
    home,
    onStderr: (text) => {
      const code = /enter the code (\S+)/i.exec(text)?.[1];
      const uri = /(https:\/\/\S+?)(?:\s|$| and)/.exec(text)?.[1];
      if (code && uri && !entered) entered = enterDeviceCode(emulator, uri, code, userName);
    },
  });
  await entered;
  return run;
}
