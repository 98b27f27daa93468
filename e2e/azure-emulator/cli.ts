import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ScenarioError } from './scenario.ts';
import { repoEmulatorFolder, startEmulator } from './server.ts';

/** `npm run emulator [-- --scenario FILE] [--state-dir DIR] [--port-base N]`: runs until Ctrl+C. */

const usage = 'Usage: npm run emulator -- [--scenario FILE] [--state-dir DIR] [--port-base N]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      'state-dir': { type: 'string' },
      'port-base': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const portBase = values['port-base'] === undefined ? 0 : Number(values['port-base']);
  if (!Number.isInteger(portBase) || portBase < 0 || portBase > 65_000)
    throw new ScenarioError(`--port-base must be a port number. ${usage}`);
  const stateDir = resolve(values['state-dir'] ?? repoEmulatorFolder);
  const emulator = await startEmulator({
    ...(values.scenario === undefined ? {} : { scenario: resolve(values.scenario) }),
    stateDir,
    caFolder: stateDir,
    portBase,
  });
  const { urls } = emulator;
  console.log('Azure emulator running (test data only)');
  console.log(`  Entra ID authority   ${urls.entra}   (MSAL knownAuthorities: ${emulator.authorityHost})`);
  console.log(`  Mixed Reality STS    ${urls.sts}`);
  console.log(`  Remote Rendering     ${urls.arr}`);
  console.log(`  Resource Manager     ${urls.arm}`);
  for (const [name, url] of Object.entries(urls.acs)) console.log(`  ACS ${name.padEnd(16)} ${url}`);
  console.log(`  Device login page    ${urls.entra}/common/oauth2/deviceauth`);
  console.log(`Wrote ${stateDir}/ca.pem and ${stateDir}/cloud-profile.json (see README.txt there).`);
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ScenarioError ? error.message : error);
  process.exit(1);
});
