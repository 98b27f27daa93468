import { createHash } from 'node:crypto';
import { Agent, globalAgent } from 'node:https';
import tls from 'node:tls';
import { graphEndpointOf, type CloudProfile } from '../../../shared/clouds.ts';

/**
 * Which CAs an HTTPS request to Azure trusts. A custom profile's extra CA (Azure Stack, the
 * emulator) counts only for a request made for that profile, to one of that profile's endpoints,
 * while the profile is saved: such a request goes through an agent whose CA list is Node's default
 * list plus the profile's. Every other request uses Node's global agent and its default list, which
 * nothing here changes. Without this, the CA would vouch for login.microsoftonline.com too.
 */

/** The saved profiles that carry a CA, as `name + CA digest` keys, per data folder (tests run several in one process). */
const saved = new Map<string, string[]>();
/** One agent per saved profile (by the same key), so its connections are pooled apart and closed when it goes. */
const agents = new Map<string, Agent>();

/**
 * Records the profiles saved in `dataFolder`, as the clouds store reads them. An agent whose CA no
 * saved profile carries any more is closed at once, with its pooled connections.
 */
export function installCloudTrust(dataFolder: string, profiles: readonly CloudProfile[]): void {
  saved.set(
    dataFolder,
    profiles.flatMap((p) => (p.trustedCaPem ? [trustKey(p.name, p.trustedCaPem)] : [])),
  );
  const inUse = new Set([...saved.values()].flat());
  for (const [key, agent] of agents) {
    if (inUse.has(key)) continue;
    agent.destroy();
    agents.delete(key);
  }
}

/**
 * The agent for a request to `url` made for `cloud`. `resourceEndpoint` is the endpoint of one of
 * the cloud's own resources (an ACS resource's), which the profile cannot list in advance.
 */
export function httpsAgentFor(cloud: CloudProfile, url: string | URL, resourceEndpoint?: string): Agent {
  const pem = cloud.trustedCaPem;
  if (!pem) return globalAgent;
  const key = trustKey(cloud.name, pem);
  const isSaved = [...saved.values()].some((keys) => keys.includes(key));
  if (!isSaved || !isEndpointOf(cloud, new URL(url), resourceEndpoint)) return globalAgent;
  let agent = agents.get(key);
  if (!agent) {
    // The CA list goes in as one secure context made here, not as the agent's `ca` option: https.Agent
    // names its connection pool by every option's text, so 140-odd PEMs in `ca` were joined into a
    // 200 KB pool name on each request (about 1 ms a call), and each new connection parsed them again.
    const secureContext = tls.createSecureContext({ ca: [...defaultCertificates(), ...splitPem(pem)] });
    agent = new Agent({ keepAlive: true, secureContext });
    agents.set(key, agent);
  }
  return agent;
}

/** Whether `url` is on one of the profile's endpoints: authority, ARM, the STS and ARR patterns, or the resource's own. */
export function isEndpointOf(cloud: CloudProfile, url: URL, resourceEndpoint?: string): boolean {
  if (url.protocol !== 'https:') return false;
  const endpoints = [
    cloud.authorityHost,
    cloud.armEndpoint,
    graphEndpointOf(cloud),
    cloud.mixedReality.stsEndpoint,
    cloud.mixedReality.arrEndpoint,
    ...(resourceEndpoint ? [resourceEndpoint] : []),
  ];
  return endpoints.some((endpoint) => originPattern(endpoint).test(url.origin));
}

/**
 * Each call asks again for the same few endpoints, so their patterns and the CA digests are kept
 * (building them was about 50 µs of a token call); the caches are emptied when they pass `cacheLimit`
 * entries, which only many ACS resources' own endpoints could reach.
 */
const patterns = new Map<string, RegExp>();
const digests = new Map<string, string>();
const cacheLimit = 256;

function remembered<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= cacheLimit) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** The origin of an endpoint or endpoint pattern as a regular expression; `{accountDomain}` and `{region}` match one DNS name or label. */
function originPattern(endpoint: string): RegExp {
  return remembered(patterns, endpoint, () => makeOriginPattern(endpoint));
}

function makeOriginPattern(endpoint: string): RegExp {
  const origin = (/^https:\/\/[^/?#]+/i.exec(endpoint)?.[0] ?? '').toLowerCase().replace(/:443$/, '');
  const escaped = origin.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replaceAll('{accountdomain}', '[a-z0-9-]+(\\.[a-z0-9-]+)*').replaceAll('{region}', '[a-z0-9-]+')}$`);
}

function trustKey(name: string, pem: string): string {
  return `${name}\n${remembered(digests, pem, () => createHash('sha256').update(splitPem(pem).join('\n')).digest('hex'))}`;
}

function splitPem(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

let defaults: string[] | undefined;

/** What Node trusts by default (bundled roots, NODE_EXTRA_CA_CERTS, the system store when enabled); read once, ~10 ms. */
function defaultCertificates(): string[] {
  defaults ??= tls.getCACertificates('default');
  return defaults;
}
