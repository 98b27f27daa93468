/**
 * A custom cloud profile, as `azcred cloud import` and Settings → Clouds read it, with made-up hosts under `hosts`
 * (e.g. `stack.contoso.test`): login.<hosts>, management.<hosts>, graph.<hosts>, remoterendering.{region}.<hosts>.
 */
export function customCloudProfile(name: string, displayName: string, hosts: string) {
  return {
    name,
    displayName,
    authorityHost: `https://login.${hosts}`,
    armEndpoint: `https://management.${hosts}`,
    armScope: `https://management.${hosts}/.default`,
    graphScope: `https://graph.${hosts}/.default`,
    mixedReality: {
      stsEndpoint: 'https://sts.{accountDomain}',
      arrEndpoint: `https://remoterendering.{region}.${hosts}`,
      stsScope: 'https://sts.{accountDomain}/.default',
    },
    communication: { scope: 'https://communication.azure.com//.default' },
    publicClient: { clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', tenant: 'organizations' },
  };
}
