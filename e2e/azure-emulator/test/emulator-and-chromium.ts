import { chromium, type Browser } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../server.ts';
import { defaultScenario } from './emulator-fixtures.ts';

/**
 * The emulator on the default scenario (changed by `scenario`) and the system Chromium, which
 * trusts the emulator's self-signed certificate and makes no background requests of its own.
 */
export async function startEmulatorAndChromium(
  scenario: Parameters<typeof defaultScenario>[0],
): Promise<{ emulator: RunningEmulator; browser: Browser }> {
  const emulator = await startEmulator({ scenario: defaultScenario(scenario) });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--ignore-certificate-errors-spki-list=${emulator.serverSpkiSha256}`,
    ],
  });
  return { emulator, browser };
}
