import { cloudProfileSchema, defaultPublicClientId } from '../../shared/clouds.ts';
import type { CloudProfile } from '../../shared/clouds.ts';
import type { EmulatorUrls } from './emulator-context.ts';
import type { Scenario } from './scenario.ts';

/**
 * The custom cloud profile that points the app and CLI at the emulator: endpoints are the
 * emulator's, scopes (audiences) stay Azure's, and the STS pattern has no placeholder because one
 * emulator host serves every account domain.
 */
export function emulatorCloudProfile(urls: EmulatorUrls, scenario: Scenario, caPem: string): CloudProfile {
  const clientId =
    scenario.publicClients.find((c) => c.clientId === defaultPublicClientId)?.clientId ??
    scenario.publicClients[0]?.clientId ??
    defaultPublicClientId;
  return cloudProfileSchema.parse({
    name: 'AzureEmulator',
    displayName: 'Azure emulator (local)',
    authorityHost: urls.entra,
    armEndpoint: urls.arm,
    armScope: 'https://management.azure.com/.default',
    graphScope: 'https://graph.microsoft.com/.default',
    graphEndpoint: urls.graph,
    mixedReality: { stsEndpoint: urls.sts, arrEndpoint: urls.arr, stsScope: 'https://sts.{accountDomain}/.default' },
    communication: { scope: 'https://communication.azure.com//.default' },
    publicClient: { clientId, tenant: 'organizations' },
    trustedCaPem: caPem,
  });
}
