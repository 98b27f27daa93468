import type { Scenario } from './scenario.ts';

/**
 * Entra refuses a first-party (Microsoft-owned) client a token for a first-party resource it is not
 * pre-authorized for: 400 `invalid_request`, AADSTS65002, whatever the grant. The Azure CLI's client
 * (04b07795-8ddb-461a-bbee-02f9e1bf7b46) gets it for Azure Communication Services, resource app
 * 632ec9eb-fad7-4cbd-993a-e72973ba2acc (Azure/azure-cli#23485 and #26271, Azure/azure-sdk-for-net#35816).
 * A client registered by a customer is not first-party: the user's consent decides, not this rule.
 */

/** Resource app ids read from those reports (Graph's from Azure-Samples/DSRegTool#1); Entra names the resource by it. */
const resourceAppIds: { pattern: RegExp; appId: string }[] = [
  { pattern: /^https:\/\/communication\.azure\.com$/i, appId: '632ec9eb-fad7-4cbd-993a-e72973ba2acc' },
  { pattern: /^https:\/\/graph\.microsoft\.com$/i, appId: '00000003-0000-0000-c000-000000000000' },
];

type PublicClient = Scenario['publicClients'][number];

/** `https://x//` and `https://X` are the same resource. */
function normalized(resource: string): string {
  return resource.replace(/\/+$/, '').toLowerCase();
}

/** An entry of `preAuthorizedResources`: a resource URI, where `*` stands for one host label (`https://sts.*.mixedreality.azure.com`). */
function entryMatches(entry: string, resource: string): boolean {
  const pattern = normalized(entry)
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[a-z0-9-]+');
  return new RegExp(`^${pattern}$`).test(normalized(resource));
}

/**
 * The AADSTS65002 arguments (client id, resource app id) when `clientId` may not have a token for
 * `resource`; undefined when it may. An app's own API (`api://…`) is never first-party.
 */
export function preauthorizationRefusal(scenario: Scenario, clientId: string, resource: string): [string, string] | undefined {
  const client: PublicClient | undefined = scenario.publicClients.find((c) => c.clientId === clientId.toLowerCase());
  if (!client?.firstParty || !/^https:\/\//i.test(resource)) return undefined;
  if ((client.preAuthorizedResources ?? []).some((entry) => entryMatches(entry, resource))) return undefined;
  const appId = resourceAppIds.find((r) => r.pattern.test(normalized(resource)))?.appId ?? normalized(resource);
  return [client.clientId, appId];
}
