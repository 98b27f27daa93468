import { z } from 'zod';
import { AppError } from './errors.ts';
import { method, noInput } from './method.ts';

/**
 * A cloud profile names every endpoint the app talks to, so nothing in the core hard-codes a
 * host. Endpoints (where a request goes) are kept apart from scopes (which audience a token is
 * for): a custom cloud such as the project's emulator points the endpoints at itself while the
 * audiences stay Azure's.
 *
 * Patterns: `{accountDomain}` is an ARR account's domain (`westeurope.mixedreality.azure.com`),
 * `{region}` its region (`westeurope`). A pattern without a placeholder sends every account to
 * one host.
 */

const httpsUrl = z
  .string()
  .trim()
  .url({ message: 'Enter a full https:// URL' })
  .refine((u) => u.startsWith('https://'), { message: 'Only https:// endpoints are allowed' })
  .transform((u) => u.replace(/\/+$/, ''));

const httpsPattern = z
  .string()
  .trim()
  .refine((p) => /^https:\/\/[^\s/]+/.test(p), { message: 'Enter an https:// URL, optionally with {accountDomain} or {region}' })
  .refine((p) => !/\{(?!accountDomain\}|region\})[^}]*\}/.test(p), {
    message: 'Only {accountDomain} and {region} may be used as placeholders',
  })
  .transform((u) => u.replace(/\/+$/, ''));

const scope = z.string().trim().min(1).max(300);

export const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID field (an account, app or user ID): trimmed, kept in lower case, and `message` when it is anything else. */
export const guidSchema = (message: string) =>
  z
    .string({ message })
    .trim()
    .regex(guidPattern, { message })
    .transform((id) => id.toLowerCase());

export const cloudNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, { message: 'Use letters, digits, - and _, starting with a letter (at most 64)' });

export const cloudProfileSchema = z.object({
  name: cloudNameSchema,
  displayName: z.string().trim().min(1).max(100),
  /** Entra ID authority host, e.g. https://login.microsoftonline.com. */
  authorityHost: httpsUrl,
  /** Azure Resource Manager endpoint. */
  armEndpoint: httpsUrl,
  /** The scope a token for ARM is asked with (its audience, not its host). */
  armScope: scope,
  graphScope: scope,
  /** Microsoft Graph's endpoint, when not the host of `graphScope` (Azure Stack, the emulator): see `graphEndpointOf`. */
  graphEndpoint: httpsUrl.optional(),
  mixedReality: z.object({
    /** Mixed Reality STS base URL pattern. */
    stsEndpoint: httpsPattern,
    /** Remote Rendering session API base URL pattern. */
    arrEndpoint: httpsPattern,
    /** Entra scope for a token the STS accepts; `{accountDomain}` is filled in. */
    stsScope: scope,
  }),
  communication: z.object({
    /** Entra scope for ACS data-plane calls. */
    scope,
  }),
  /** The public client (app registration) used for interactive and device-code sign-in. */
  publicClient: z.object({
    clientId: z.string().regex(guidPattern, { message: 'A client ID is a GUID' }),
    tenant: z.string().trim().min(1).max(100),
  }),
  /** Extra CA certificate(s) in PEM to trust for this cloud's endpoints (Azure Stack, emulator). */
  trustedCaPem: z
    .string()
    .refine((s) => s.includes('-----BEGIN CERTIFICATE-----'), { message: 'Expected PEM certificate text' })
    .optional(),
});

export type CloudProfile = z.infer<typeof cloudProfileSchema>;

export interface CloudProfileView extends CloudProfile {
  builtIn: boolean;
}

/**
 * The Azure CLI's public client, which Azure SDKs also use by default for developer sign-in: it
 * is pre-authorized in every tenant and accepts http://localhost redirects, so a new user can sign
 * in without registering an app. Replace it per cloud in Settings with your own registration.
 */
export const defaultPublicClientId = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

const mixedRealityPublic = {
  stsEndpoint: 'https://sts.{accountDomain}',
  arrEndpoint: 'https://remoterendering.{region}.mixedreality.azure.com',
  stsScope: 'https://sts.{accountDomain}/.default',
};

/** A cloud Microsoft runs, from its sign-in, ARM and Graph hosts; the public clouds share the rest. */
function microsoftCloud(name: string, displayName: string, [login, arm, graph]: [login: string, arm: string, graph: string]): CloudProfile {
  return {
    name,
    displayName,
    authorityHost: `https://${login}`,
    armEndpoint: `https://${arm}`,
    armScope: `https://${arm}/.default`,
    graphScope: `https://${graph}/.default`,
    mixedReality: mixedRealityPublic,
    communication: { scope: 'https://communication.azure.com//.default' },
    publicClient: { clientId: defaultPublicClientId, tenant: 'organizations' },
  };
}

export const builtInClouds: readonly CloudProfile[] = [
  microsoftCloud('AzureCloud', 'Azure (global)', ['login.microsoftonline.com', 'management.azure.com', 'graph.microsoft.com']),
  microsoftCloud('AzureChinaCloud', 'Azure operated by 21Vianet (China)', [
    'login.chinacloudapi.cn',
    'management.chinacloudapi.cn',
    'microsoftgraph.chinacloudapi.cn',
  ]),
  microsoftCloud('AzureUSGovernment', 'Azure Government (US)', [
    'login.microsoftonline.us',
    'management.usgovcloudapi.net',
    'graph.microsoft.us',
  ]),
];

/** Where a cloud's Microsoft Graph answers: its own `graphEndpoint`, else the origin its `graphScope` names (https://graph.microsoft.com). */
export function graphEndpointOf(cloud: Pick<CloudProfile, 'graphEndpoint' | 'graphScope'>): string {
  return (cloud.graphEndpoint ?? cloud.graphScope.replace(/\/\.default$/, '')).replace(/\/+$/, '');
}

/**
 * The region an ARR account domain names (`westeurope.mixedreality.azure.com` → `westeurope`), or
 * undefined for the global domain `mixedreality.azure.com` (and a sovereign cloud's global
 * domain), which names none: its sessions render in whichever region the user picks.
 */
export function mixedRealityRegionOf(accountDomain: string): string | undefined {
  const [first, ...rest] = accountDomain.trim().toLowerCase().split('.');
  if (!first || rest.length < 2 || first === 'mixedreality') return undefined;
  return first;
}

/**
 * Fills an endpoint pattern for one ARR account domain. `{region}` is the region given, else the
 * one the domain names; a pattern that needs a region for a global-domain account without one is
 * refused with a field error on `region`.
 */
export function fillMixedRealityPattern(pattern: string, accountDomain: string, region?: string): string {
  const filled = pattern.replaceAll('{accountDomain}', accountDomain);
  if (!filled.includes('{region}')) return filled;
  const chosen = region?.trim().toLowerCase() || mixedRealityRegionOf(accountDomain);
  if (!chosen) {
    const message = `The account domain ${accountDomain} names no region: choose the region to render in (such as westeurope)`;
    throw new AppError('invalid_input', message, [{ path: 'region', message }]);
  }
  return filled.replaceAll('{region}', chosen);
}

const cloudImport = z
  .object({ text: z.string().min(1, 'Paste or choose a cloud profile file').max(200_000, 'The file is larger than 200 KB') })
  .strict();
const cloudByName = z.object({ name: cloudNameSchema }).strict();
const cloudClient = z.object({ name: cloudNameSchema, publicClient: cloudProfileSchema.shape.publicClient }).strict();

/** The contract's methods for cloud profiles (shared/contract.ts joins every domain's). */
export const cloudsMethods = {
  'clouds.list': method<typeof noInput, CloudProfileView[]>(noInput),
  /** Adds or replaces a custom cloud profile from its JSON (the emulator writes one). */
  'clouds.import': method<typeof cloudImport, CloudProfileView>(cloudImport),
  'clouds.remove': method<typeof cloudByName, { name: string }>(cloudByName),
  /** Uses your own app registration for sign-ins in one cloud. */
  'clouds.setPublicClient': method<typeof cloudClient, CloudProfileView>(cloudClient),
} as const;
