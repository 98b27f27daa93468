import type { z } from 'zod';
import { fillMixedRealityPattern, mixedRealityRegionOf, type CloudProfileView } from '../../../shared/clouds.ts';
import { AppError } from '../../../shared/errors.ts';
import { describeAudience } from '../../../shared/token-audience.ts';
import type { TokenExportResult, tokenExportSchema } from '../../../shared/token-export.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import type { AccountsStore } from '../accounts/accounts-store.ts';
import { writeExportFile } from '../platform/export-file.ts';
import { coreClipboard, type ClipboardGuard } from '../platform/clipboard-guard.ts';
import type { CloudsStore } from '../azure/clouds-store.ts';
import type { EntraService } from '../entra/entra-service.ts';
import { arrApiVersion } from './arr-sessions.ts';
import { jwtParts } from '../azure/jwt-facts.ts';
import {
  renderArrConfig,
  renderCurl,
  renderDotenv,
  renderJson,
  renderPowerShell,
  renderShell,
  type CurlRequest,
  type ExportVariables,
} from './token-export-formats.ts';
import type { TokenRegistry } from './token-registry.ts';
import type { AcsRecord, ArrRecord } from './token-sources.ts';

/**
 * `tokens.export`: one token as a `.env`, JSON, shell, PowerShell, curl or arrconfig.json text,
 * written to a 0600 file (atomically, never through a symbolic link) or returned for copying.
 */

export interface TokenExportDeps {
  registry: TokenRegistry;
  accounts: AccountsStore;
  clouds: CloudsStore;
  entra: EntraService;
  /** The desktop app's clipboard, for `copy`; absent in browser mode and the CLI. */
  clipboard: ClipboardGuard | undefined;
  clipboardClearSeconds: () => number;
  /** Export files are refused inside it. */
  dataFolder: string;
}

type ExportInput = z.output<typeof tokenExportSchema>;

/** What the formats need: the token, its view, the account it came from (if the app still has it) and the claims. */
interface Facts {
  view: TokenView;
  value: string;
  claims: Record<string, unknown>;
  arr: ArrRecord | undefined;
  acs: AcsRecord | undefined;
  profile: CloudProfileView;
}

export async function exportToken(deps: TokenExportDeps, input: ExportInput): Promise<TokenExportResult> {
  const facts = await gather(deps, input.id);
  const clipboard = input.copy ? coreClipboard(deps.clipboard) : undefined;
  const { text, note } = await render(deps, facts, input);
  const result = { format: input.format, path: null, text: null, clearsAfterSeconds: null, note };
  if (clipboard) {
    const seconds = deps.clipboardClearSeconds();
    await clipboard.copy(text, seconds);
    return { ...result, clearsAfterSeconds: seconds };
  }
  if (input.path === undefined) return { ...result, text };
  // Windows PowerShell 5.1 reads a script without a BOM in the ANSI code page.
  await writeExportFile(input.path, input.format === 'powershell' ? `\uFEFF${text}` : text, {
    overwrite: input.overwrite,
    dataFolder: deps.dataFolder,
  });
  return { ...result, path: input.path };
}

async function gather(deps: TokenExportDeps, id: string): Promise<Facts> {
  const view = await deps.registry.view(id);
  const value = await deps.registry.value(id);
  const account = view.source.account ? (await deps.accounts.records()).find((record) => record.id === view.source.account?.id) : undefined;
  let cloud = account?.cloud;
  if (!cloud && view.source.via.credential === 'entra') {
    const identityId = view.source.via.identityId;
    cloud = (await deps.entra.records()).find((identity) => identity.id === identityId)?.cloud;
  }
  const profile = deps.clouds.list().find((p) => p.name === cloud) ?? deps.clouds.get('AzureCloud');
  return {
    view,
    value,
    claims: jwtParts(value).claims ?? {},
    arr: account?.kind === 'arr' ? account : undefined,
    acs: account?.kind === 'acs' ? account : undefined,
    profile,
  };
}

async function render(deps: TokenExportDeps, facts: Facts, input: ExportInput): Promise<{ text: string; note: string | null }> {
  const heading = `${facts.view.title}, expires ${facts.view.expiresAt}`;
  const { variables, note } = exportVariables(facts);
  switch (input.format) {
    case 'env':
      return { text: renderDotenv(heading, variables), note };
    case 'shell':
      return { text: renderShell(heading, variables), note };
    case 'powershell':
      return { text: renderPowerShell(heading, variables), note };
    case 'json':
      return { text: renderJson(exportDocument(facts)), note };
    case 'curl': {
      const request = await curlRequest(deps, facts);
      return { text: renderCurl(request, facts.value), note: request.note };
    }
    case 'arrconfig':
      return arrConfig(deps, facts, input.includeAccountKey);
  }
}

function region(facts: Facts): string | null {
  const apr = facts.claims['apr'];
  return (facts.arr && mixedRealityRegionOf(facts.arr.accountDomain)) ?? (typeof apr === 'string' && /^[a-z0-9]+$/.test(apr) ? apr : null);
}

function arrServiceEndpoint(facts: Facts): string | null {
  const where = region(facts);
  if (!facts.arr || !where) return null;
  return fillMixedRealityPattern(facts.profile.mixedReality.arrEndpoint, facts.arr.accountDomain, where);
}

function missingAccount(facts: Facts): string {
  return (
    `${facts.view.source.account?.name ?? 'The account'} is no longer in the app, so its settings are left out: add it again to ` +
    `export them with the token.`
  );
}

/** The variables of the `.env`, shell and PowerShell formats, named as the ARR and ACS samples name them. */
function exportVariables(facts: Facts): { variables: ExportVariables; note: string | null } {
  const { view, value } = facts;
  const vars: [string, string][] = [];
  let note: string | null = null;
  if (view.kind === 'arr-sts') {
    if (facts.arr) {
      vars.push(['ARR_ACCOUNT_ID', facts.arr.accountId], ['ARR_ACCOUNT_DOMAIN', facts.arr.accountDomain]);
      const endpoint = arrServiceEndpoint(facts);
      if (endpoint) vars.push(['ARR_SERVICE_ENDPOINT', endpoint]);
    } else note = missingAccount(facts);
    vars.push(['ARR_ACCESS_TOKEN', value], ['ARR_ACCESS_TOKEN_EXPIRES_ON', view.expiresAt]);
  } else if (view.kind === 'acs-user') {
    if (facts.acs) vars.push(['ACS_ENDPOINT', facts.acs.endpoint]);
    else note = missingAccount(facts);
    const subject = view.source.subject;
    if (subject?.kind === 'acs-identity') vars.push(['ACS_USER_ID', subject.communicationUserId]);
    vars.push(['ACS_USER_TOKEN', value], ['ACS_USER_TOKEN_SCOPES', view.scopes.join(',')], ['ACS_USER_TOKEN_EXPIRES_ON', view.expiresAt]);
  } else {
    const tenant = facts.claims['tid'];
    if (typeof tenant === 'string') vars.push(['AZURE_TENANT_ID', tenant]);
    vars.push(
      ['AZURE_ACCESS_TOKEN', value],
      ['AZURE_ACCESS_TOKEN_AUDIENCE', view.audience ?? ''],
      ['AZURE_ACCESS_TOKEN_EXPIRES_ON', view.expiresAt],
    );
  }
  return { variables: vars, note };
}

function exportDocument(facts: Facts): Record<string, unknown> {
  const { view, value } = facts;
  const common = {
    kind: view.kind,
    title: view.title,
    issuedOn: view.issuedAt,
    expiresOn: view.expiresAt,
    audience: view.audience,
    scopes: view.scopes,
  };
  if (view.kind === 'arr-sts') {
    const account = facts.arr
      ? { accountId: facts.arr.accountId, accountDomain: facts.arr.accountDomain, serviceEndpoint: arrServiceEndpoint(facts) }
      : {};
    return { ...common, ...account, accessToken: value };
  }
  if (view.kind === 'acs-user') {
    const subject = view.source.subject;
    return {
      ...common,
      endpoint: facts.acs?.endpoint ?? null,
      communicationUserId: subject?.kind === 'acs-identity' ? subject.communicationUserId : null,
      token: value,
    };
  }
  return { ...common, tenantId: typeof facts.claims['tid'] === 'string' ? facts.claims['tid'] : null, accessToken: value };
}

async function curlRequest(deps: TokenExportDeps, facts: Facts): Promise<CurlRequest & { note: string | null }> {
  const { view } = facts;
  const needAccount = () =>
    new AppError('not_found', `${missingAccount(facts)} The curl command needs its endpoint; copy the token instead.`);
  if (view.kind === 'arr-sts') {
    const endpoint = arrServiceEndpoint(facts);
    if (!facts.arr || !endpoint) throw needAccount();
    const url = `${endpoint}/accounts/${encodeURIComponent(facts.arr.accountId)}/sessions?api-version=${arrApiVersion}`;
    return { method: 'GET', url, purpose: `Lists the rendering sessions of ${facts.arr.name} with its ARR access token.`, note: null };
  }
  if (view.kind === 'acs-user') {
    if (!facts.acs) throw needAccount();
    const note = view.scopes.some((s) => s.startsWith('chat'))
      ? null
      : 'This token has no chat scope, so ACS answers 403 to the chat call: voip tokens are for the Calling SDK, which has no ' +
        'REST call to try.';
    return {
      method: 'GET',
      url: new URL('chat/threads?api-version=2021-09-07', facts.acs.endpoint).href,
      purpose: `Lists the chat threads of the ACS user on ${facts.acs.name}.`,
      note,
    };
  }
  const audience = describeAudience(view.audience);
  switch (audience.service) {
    case 'arm':
      return {
        method: 'GET',
        url: `${facts.profile.armEndpoint}/subscriptions?api-version=2022-12-01`,
        purpose: 'Lists the subscriptions the identity can see, through Azure Resource Manager.',
        note: null,
      };
    case 'graph': {
      const app = facts.claims['idtyp'] === 'app' || facts.claims['scp'] === undefined;
      const base = (view.audience ?? '').startsWith('https://') ? (view.audience ?? '').replace(/\/+$/, '') : 'https://graph.microsoft.com';
      return app
        ? {
            method: 'GET',
            url: `${base}/v1.0/organization`,
            purpose: "Reads the tenant's organization profile through Microsoft Graph.",
            note: 'An application token needs the Organization.Read.All permission for this call.',
          }
        : { method: 'GET', url: `${base}/v1.0/me`, purpose: 'Reads the signed-in user through Microsoft Graph.', note: null };
    }
    case 'communication':
      return {
        method: 'POST',
        url: 'https://<your-resource>.communication.azure.com/identities?api-version=2023-10-01',
        body: '{}',
        purpose: 'Creates an ACS identity with the Entra token.',
        note: 'Replace <your-resource> with your Communication Services endpoint: an Entra token does not say which resource it is for.',
      };
    case 'mixed-reality-sts': {
      const domain = audience.detail ?? 'mixedreality.azure.com';
      const matching = (await deps.accounts.records()).filter((r): r is ArrRecord => r.kind === 'arr' && r.accountDomain === domain);
      const account = matching.length === 1 ? matching[0] : undefined;
      const sts = fillMixedRealityPattern(facts.profile.mixedReality.stsEndpoint, domain);
      return {
        method: 'GET',
        url: `${sts}/Accounts/${account ? account.accountId : '<arr-account-id>'}/token`,
        purpose: 'Exchanges the Entra token for an ARR access token at the Mixed Reality STS.',
        note: account ? null : `Replace <arr-account-id> with the ID of an ARR account on ${domain}.`,
      };
    }
    default:
      throw new AppError(
        'invalid_input',
        `The app knows no request to try with a token for ${view.audience ?? 'no audience'}: export it as .env or copy it instead.`,
        [{ path: 'format', message: 'No curl command for this audience' }],
      );
  }
}

/** arrconfig.json: the account's settings; the key only when the user confirmed it, since the file then opens the whole account. */
async function arrConfig(deps: TokenExportDeps, facts: Facts, includeAccountKey: boolean): Promise<{ text: string; note: string | null }> {
  if (!facts.arr) {
    const message =
      facts.view.kind === 'arr-sts'
        ? `${missingAccount(facts)} arrconfig.json needs the account ID and domain.`
        : 'arrconfig.json is for ARR accounts: export an ARR access token';
    throw new AppError('invalid_input', message, [{ path: 'format', message }]);
  }
  const account = facts.arr;
  let accountKey: string | null = null;
  if (includeAccountKey) {
    const via = facts.view.source.via.credential;
    const which =
      via === 'secondaryKey' && account.secrets.includes('secondaryKey')
        ? 'secondaryKey'
        : account.secrets.includes('primaryKey')
          ? 'primaryKey'
          : account.secrets[0];
    if (!which)
      throw new AppError(
        'invalid_input',
        `${account.name} has no account key stored (it is used with Entra ID only), and the ARR scripts sign in with one: add ` +
          `the key with Edit on the Accounts page.`,
      );
    accountKey = await deps.accounts.readSecret(account.id, which);
  }
  const text = renderArrConfig({ accountId: account.accountId, accountDomain: account.accountDomain, region: region(facts), accountKey });
  const note = includeAccountKey
    ? "arrconfig.json has no field for an access token: Microsoft's scripts sign in with the account key, which this file now " +
      'holds. Keep it private and delete it when you are done.'
    : "arrconfig.json has no field for an access token: Microsoft's scripts sign in with the account key, left here as a " +
      'placeholder to fill in. The VM size and lease time are placeholders too: they decide what a session costs.';
  return { text, note };
}
