// jose's decoder by its own entry point, not jwt-facts: that one keeps the last token it read, and a pasted Entra token is kept nowhere.
import { decodeJwt } from 'jose/jwt/decode';
import { AppError, type FieldIssue } from '../../../shared/errors.ts';
import type { AcsVia, PastedTeamsToken } from '../../../shared/tokens.ts';
import { summariseIssues } from '../../../shared/validation.ts';
import { connect, teamsScopes } from './acs-tokens.ts';
import { mintedFromJwt } from './token-record.ts';
import type { NewToken } from './token-registry.ts';
import { viaLabel } from './token-sources.ts';
import type { TokensContext } from './tokens-context.ts';

/**
 * The Teams user exchange from a pasted token: the Entra access token a Teams user's own app got
 * (MSAL in their client), the app ID it was issued to and the user's object ID. The app checks the
 * three belong together before calling ACS, keeps no recipe (it cannot get the token again, so the
 * ACS token is never re-minted) and stores the pasted token nowhere.
 */

/** The ACS Teams audience the exchange takes (the scopes' resource). */
const teamsAudience = new URL(teamsScopes[0] ?? '').origin;

interface CheckedToken {
  /** `aud`, for ACS's refusal message when it is not the Teams audience. */
  audience: string | undefined;
}

/** What ACS would refuse, said by field before it is asked: not a JWT, another app's or user's token, an expired one. */
export function checkPastedTeamsToken(pasted: PastedTeamsToken, now: number): CheckedToken {
  const claims = claimsOf(pasted.token);
  const issues: FieldIssue[] = [];
  if (!claims) {
    issues.push({
      path: 'pasted.token',
      message:
        'This is not a JWT: its parts do not decode to claims. Paste the access token itself, as your app’s MSAL returns it (accessToken)',
    });
  } else {
    const appId = printable(claims['appid']) ?? printable(claims['azp']);
    const userId = printable(claims['oid']);
    const exp = Number(claims['exp']);
    if (!appId || !userId)
      issues.push({
        path: 'pasted.token',
        message: 'This token has no appid (or azp) and oid claims: paste an Entra access token of the Teams user, not an ID token',
      });
    if (appId && appId.toLowerCase() !== pasted.appId)
      issues.push({
        path: 'pasted.appId',
        message: `Does not match the token’s appid claim (${appId}): enter the ID of the app the token was issued to`,
      });
    if (userId && userId.toLowerCase() !== pasted.userId)
      issues.push({
        path: 'pasted.userId',
        message: `Does not match the token’s oid claim (${userId}): enter the object ID of the user the token is for`,
      });
    if (!Number.isFinite(exp) || exp <= 0)
      issues.push({ path: 'pasted.token', message: 'This token has no exp claim: paste an Entra access token' });
    else if (exp * 1000 <= now)
      issues.push({
        path: 'pasted.token',
        message: `This token expired at ${new Date(exp * 1000).toISOString()}: get a new one from your app and paste it`,
      });
  }
  if (issues.length) throw new AppError('invalid_input', `Check the pasted token: ${summariseIssues(issues)}.`, issues);
  return { audience: audienceOf(claims) };
}

/** An ACS token for the pasted Teams token, listed with the app ID and user ID it was sent with. */
export async function exchangePastedTeamsToken(
  ctx: TokensContext,
  input: { accountId: string; pasted: PastedTeamsToken; via: AcsVia },
  now: number,
  signal?: AbortSignal,
): Promise<NewToken> {
  const { pasted } = input;
  const checked = checkPastedTeamsToken(pasted, now);
  const connected = await connect(ctx, input.accountId, input.via);
  const record = connected.resource;
  const issued = await connected.client.exchangeTeamsToken(
    { entraToken: pasted.token, appId: pasted.appId, userObjectId: pasted.userId },
    refusedMessage(checked),
    signal,
  );
  const who = `pasted Teams token (app ${pasted.appId}, user ${pasted.userId})`;
  return {
    kind: 'acs-user',
    title: `ACS token for a ${who} on ${record.name} (${viaLabel(connected.via)})`,
    source: {
      account: { id: record.id, name: record.name, kind: 'acs' },
      via: connected.via,
      subject: { kind: 'pasted-teams-token', appId: pasted.appId, userId: pasted.userId },
    },
    recipe: null,
    minted: mintedFromJwt(issued.token, [], issued.expiresOn),
  };
}

/** ACS's 401 in words: what it takes, what this token is for when that is the problem, and where to get another. */
function refusedMessage(checked: CheckedToken): string {
  const audience =
    checked.audience && checked.audience.replace(/\/$/, '') !== teamsAudience
      ? ` This token is for ${checked.audience}, not for ${teamsAudience}.`
      : '';
  return (
    'Communication Services refused the pasted token: it exchanges only an unexpired Entra access token of a Teams user, for the scopes ' +
    `${teamsScopes.join(' and ')}, issued to the app ID and for the user ID entered.${audience} ` +
    'Have your app get a new token for those scopes (MSAL acquireToken) as the Teams user, and paste it with its app ID and user ID.'
  );
}

function claimsOf(token: string): Record<string, unknown> | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

function audienceOf(claims: Record<string, unknown> | undefined): string | undefined {
  const aud = claims?.['aud'];
  return printable(Array.isArray(aud) ? aud[0] : aud);
}

/** A claim fit to quote in a message (a GUID, a URL): a pasted token's claims may hold anything. */
function printable(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\x21-\x7e]{1,200}$/.test(value) ? value : undefined;
}
