import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EmulatorContext } from './emulator-context.ts';
import { checkEntraToken, looksLikeJwt } from './entra-token-validation.ts';
import { bearerToken, sendEmpty } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { signJwt } from './jwt.ts';
import { isAllowed } from './role-evaluation.ts';
import { guidPattern } from '../../shared/clouds.ts';
import type { RemoteRenderingAccount } from './scenario.ts';

/**
 * The Mixed Reality STS (AZURE-PROTOCOLS.md §1): `GET /Accounts/{id}/token`, path case ignored and
 * api-version optional, paid for with an account key or an Entra token whose principal may render
 * on the account; answers `{"AccessToken"}` with the headers the recorded service sends, and errors
 * as headers only.
 */

const tokenLifetimeSeconds = 86_400;
// Rendering needs this data action; Remote Rendering Administrator and Client both grant it.
const renderDataAction = 'Microsoft.MixedReality/RemoteRenderingAccounts/render/read';

export function handleSts(context: EmulatorContext, exchange: Exchange): void {
  const match = /^\/accounts\/([^/]+)\/token\/?$/i.exec(exchange.path);
  if (exchange.method !== 'GET' || !match) return sendEmpty(exchange.res, 404, stsHeaders());
  const accountId = decodeURIComponent(match[1] ?? '');
  if (!guidPattern.test(accountId)) return invalidRequest(exchange, `Account id '${accountId}' is not a GUID.`);
  const account = context.scenario.remoteRenderingAccounts.find((a) => a.accountId === accountId.toLowerCase());
  const token = bearerToken(exchange);
  if (!token) return invalidToken(exchange, 'The Authorization header must carry a Bearer token.');
  if (!account) return invalidToken(exchange, `Unknown account '${accountId}'.`);
  const refusal = looksLikeJwt(token) ? checkEntraCaller(context, account, token) : checkAccountKey(account, token);
  if (refusal) return invalidToken(exchange, refusal);
  const body = JSON.stringify({ AccessToken: mintStsToken(context, account) });
  exchange.res.writeHead(200, {
    ...stsHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  exchange.res.end(body);
}

function checkAccountKey(account: RemoteRenderingAccount, token: string): string | undefined {
  const separator = token.indexOf(':');
  if (separator < 0) return 'Expected <accountId>:<accountKey> or an Azure AD token.';
  const [id, key] = [token.slice(0, separator).toLowerCase(), Buffer.from(token.slice(separator + 1))];
  if (id !== account.accountId) return 'The account id in the token does not match the account in the path.';
  const matches = [account.primaryKey, account.secondaryKey].some((k) => k.length === key.length && timingSafeEqual(Buffer.from(k), key));
  return matches ? undefined : 'The account key is not valid for this account.';
}

function checkEntraCaller(context: EmulatorContext, account: RemoteRenderingAccount, token: string): string | undefined {
  // Current SDKs ask for https://sts.<accountDomain>; older ones for the global STS audience.
  const audiences = [`https://sts.${account.accountDomain}`, 'https://sts.mixedreality.azure.com'];
  const check = checkEntraToken(context, token, (aud) => audiences.includes(aud));
  if (!check.ok) return `The Azure AD token was refused (${check.reason}).`;
  const tenant = context.scenario.subscriptions.find((s) => s.id === account.subscription)?.tenant;
  if (check.caller.tenantId !== tenant) return "The Azure AD token is from a tenant other than the account's.";
  if (!isAllowed(context.scenario, check.caller.principalId, accountResourceId(account), renderDataAction, 'dataAction')) {
    return 'The principal holds no Remote Rendering role on this account.';
  }
  return undefined;
}

export function accountResourceId(account: RemoteRenderingAccount): string {
  return `/subscriptions/${account.subscription}/resourceGroups/${account.resourceGroup}/providers/Microsoft.MixedReality/remoteRenderingAccounts/${account.name}`;
}

export function accountRegion(account: RemoteRenderingAccount): string {
  const first = account.accountDomain.split('.')[0] ?? '';
  return first === 'mixedreality' ? account.location : first;
}

function mintStsToken(context: EmulatorContext, account: RemoteRenderingAccount): string {
  const iat = Math.floor(Date.now() / 1000);
  const region = accountRegion(account);
  const tenant = context.scenario.subscriptions.find((s) => s.id === account.subscription)?.tenant ?? '';
  // Claim names follow a recorded live token (azure-sdk-for-js mixed-reality-authentication recordings); `aud` for ARR is inferred.
  return signJwt(
    {
      jti: randomUUID(),
      cai: account.accountId,
      tid: tenant,
      aid: account.accountId,
      aao: -1,
      apr: region,
      rid: accountResourceId(account),
      att: 'Default',
      nbf: iat,
      exp: iat + tokenLifetimeSeconds,
      iat,
      iss: `https://sts.${region}.mixedreality.azure.com/`,
      aud: `https://remoterendering.${region}.mixedreality.azure.com/`,
    },
    context.keys.sts.privateKey,
    context.keys.sts.kid,
  );
}

function stsHeaders(): Record<string, string> {
  return {
    'Cache-Control': 'no-store, no-cache',
    Pragma: 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'MS-CV': `${randomBytes(16).toString('base64').slice(0, 22)}.0`,
    'mise-correlation-id': randomUUID(),
  };
}

function invalidRequest(exchange: Exchange, message: string): void {
  sendEmpty(exchange.res, 400, { ...stsHeaders(), 'WWW-Authenticate': `Invalid request: ${message}` });
}

function invalidToken(exchange: Exchange, message: string): void {
  sendEmpty(exchange.res, 401, { ...stsHeaders(), 'WWW-Authenticate': `Invalid token: ${message}` });
}
