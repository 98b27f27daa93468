import type { TokenKind } from './tokens.ts';

/**
 * What a token's audience (`aud`) means: which service accepts it. The claims inspector explains it
 * and warns when it does not fit the use the token is meant for; the curl export picks the endpoint
 * from it. Audiences are Azure's in every cloud profile (the emulator's endpoints keep them).
 */

export type TokenService = 'arm' | 'mixed-reality-sts' | 'remote-rendering' | 'communication' | 'acs-user' | 'graph' | 'unknown';

export interface AudienceInfo {
  service: TokenService;
  /** The service in a few words: "Azure Resource Manager (ARM)". */
  name: string;
  /** What the token is good for, in a sentence. */
  meaning: string;
  /** Mixed Reality STS: the account domain in the audience; Remote Rendering: the region. */
  detail?: string;
}

const services: Record<Exclude<TokenService, 'unknown'>, { name: string; meaning: string }> = {
  arm: {
    name: 'Azure Resource Manager (ARM)',
    meaning: 'Manages resources: list subscriptions, read account keys, assign roles. It does not open the data plane of ARR or ACS.',
  },
  'mixed-reality-sts': {
    name: 'Mixed Reality STS',
    meaning:
      'The AuthenticationToken of the ARR docs: the STS exchanges it for an ARR access token. It does not open the session API itself.',
  },
  'remote-rendering': {
    name: 'Remote Rendering session API',
    meaning: 'An ARR access token: create, list and stop rendering sessions, and convert assets. It lasts 24 hours.',
  },
  communication: {
    name: 'Communication Services',
    meaning: 'Calls the ACS data plane as an Entra identity: create identities and user tokens, send SMS, manage phone numbers.',
  },
  'acs-user': {
    name: 'Calling and Chat (ACS user)',
    meaning: 'An ACS user access token: the Calling and Chat SDKs sign a user in with it, within its scopes.',
  },
  graph: {
    name: 'Microsoft Graph',
    meaning: 'Reads and changes directory data (users, groups, apps) within the permissions the identity was granted.',
  },
};

const patterns: [TokenService, RegExp][] = [
  ['arm', /^https:\/\/management\.(?:core\.)?(?:azure\.com|windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)\/?$/i],
  ['arm', /^797f4846-ba00-4fd7-ba43-dac1f8f63013$/i],
  ['mixed-reality-sts', /^https:\/\/sts\.((?:[a-z0-9-]+\.)*mixedreality\.azure\.(?:com|cn|us))\/?$/i],
  ['remote-rendering', /^https:\/\/remoterendering\.([a-z0-9-]+)\.mixedreality\.azure\.(?:com|cn|us)\/?$/i],
  ['communication', /^https:\/\/communication\.azure\.(?:com|us|cn)\/?$/i],
  ['communication', /^https:\/\/auth\.msft\.communication\.azure\.(?:com|us|cn)\/?$/i],
  ['graph', /^https:\/\/(?:graph\.microsoft\.(?:com|us)|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)\/?$/i],
  ['graph', /^00000003-0000-0000-c000-000000000000$/i],
];

/** Which service an audience names; `unknown` for a custom API or none. */
export function describeAudience(audience: string | null | undefined): AudienceInfo {
  for (const [service, pattern] of patterns) {
    const match = pattern.exec(audience?.trim() ?? '');
    if (!match) continue;
    const info: AudienceInfo = { service, ...services[service as Exclude<TokenService, 'unknown'>] };
    return match[1] ? { ...info, detail: match[1].toLowerCase() } : info;
  }
  return {
    service: 'unknown',
    name: audience ? 'Another API' : 'No audience',
    meaning: audience ? `A token for ${audience}: only that API accepts it.` : 'The token names no audience.',
  };
}

/** The service a token is for: by its kind for STS and ACS user tokens (the latter carry no `aud`), by its audience for Entra tokens. */
export function tokenService(token: { kind: TokenKind; audience: string | null }): AudienceInfo {
  if (token.kind === 'acs-user') return { service: 'acs-user', ...services['acs-user'] };
  const info = describeAudience(token.audience);
  if (token.kind === 'arr-sts' && info.service !== 'remote-rendering')
    return { service: 'remote-rendering', ...services['remote-rendering'] };
  return info;
}

/** The resource a scope asks for: `https://management.azure.com/.default` → `https://management.azure.com/`. */
export function scopeResource(scope: string): string {
  if (/^[0-9a-f-]{36}\/\.default$/i.test(scope)) return scope.slice(0, 36);
  if (scope.endsWith('/.default')) return scope.slice(0, -'.default'.length).replace(/\/+$/, '/');
  const slash = scope.lastIndexOf('/');
  return slash > 'https://'.length ? scope.slice(0, slash + 1) : scope;
}

/** What the token was minted for: the ARR session API for ARR tokens, the scope's service for Entra tokens. */
export function intendedService(token: { kind: TokenKind; scopes: readonly string[] }): TokenService {
  if (token.kind === 'arr-sts') return 'remote-rendering';
  if (token.kind === 'acs-user') return 'acs-user';
  const scope = token.scopes[0];
  return scope ? describeAudience(scopeResource(scope)).service : 'unknown';
}

/** The uses the inspector offers to check a token against, in the user's words. */
export const tokenUses: { service: Exclude<TokenService, 'unknown'>; label: string }[] = [
  { service: 'arm', label: 'Azure Resource Manager (ARM)' },
  { service: 'mixed-reality-sts', label: 'Mixed Reality STS (as the source of an ARR token)' },
  { service: 'remote-rendering', label: 'Remote Rendering sessions' },
  { service: 'communication', label: 'Communication Services (Identity, SMS, Phone Numbers)' },
  { service: 'acs-user', label: 'Calling or Chat SDK (as an ACS user)' },
  { service: 'graph', label: 'Microsoft Graph' },
];

const remedies: Record<Exclude<TokenService, 'unknown'>, { accepts: string; mint: string }> = {
  arm: { accepts: 'an Entra token whose audience is https://management.azure.com/', mint: 'an Entra token with the ARM preset' },
  'mixed-reality-sts': {
    accepts: 'an Entra token whose audience is https://sts.<account domain>',
    mint: 'an Entra token with the Mixed Reality STS preset for the account',
  },
  'remote-rendering': { accepts: 'an ARR access token from the Mixed Reality STS', mint: 'an ARR access token' },
  communication: {
    accepts: 'an Entra token whose audience is https://communication.azure.com/ (or the access key)',
    mint: 'an Entra token with the ACS preset',
  },
  'acs-user': { accepts: 'an ACS user access token with the chat or voip scope', mint: 'an ACS user token' },
  graph: { accepts: 'an Entra token whose audience is https://graph.microsoft.com/', mint: 'an Entra token with the Graph preset' },
};

/** A warning when the token's audience does not fit `use`; null when it does (or nothing is known). */
export function audienceMismatch(token: { kind: TokenKind; audience: string | null }, use: TokenService): string | null {
  if (use === 'unknown') return null;
  const actual = tokenService(token);
  if (actual.service === use) return null;
  const remedy = remedies[use];
  const what =
    actual.service === 'acs-user'
      ? 'an ACS user token'
      : actual.service === 'unknown'
        ? token.audience
          ? `a token for ${token.audience}`
          : 'a token without an audience'
        : `a token for ${actual.name}`;
  return (
    `This is ${what}, but ${services[use].name} accepts only ${remedy.accepts}: it will refuse this one (401). Mint ` +
    `${remedy.mint} instead.`
  );
}
