import { z } from 'zod';
import type { TokenKind } from './tokens.ts';

/**
 * The core's one event stream: what changed, never the data itself (ids, names and times only,
 * never a secret). A window that hears an event asks the core again through the contract, so the
 * renderer never polls. Carried by IPC events in the desktop app and Server-Sent Events in browser
 * mode (`GET /api/events`); both check every event against `coreEventSchema` on arrival.
 */

/** Why the token list changed: `changed` covers a kept flag, an auto-refresh switch and a change another process made. */
export const tokensChangeReasons = ['added', 'refreshed', 'revoked', 'removed', 'changed'] as const;
export type TokensChangeReason = (typeof tokensChangeReasons)[number];

const tokenKindSchema = z.enum(['arr-sts', 'acs-user', 'entra']) satisfies z.ZodType<TokenKind>;

export const coreEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tokens.changed'), reason: z.enum(tokensChangeReasons), ids: z.array(z.string()).readonly() }).strict(),
  z
    .object({
      type: z.literal('token.expiring'),
      id: z.string(),
      kind: tokenKindSchema,
      /** The token's name in the list ("ACS user token for Carol"). */
      title: z.string(),
      expiresAt: z.string(),
    })
    .strict(),
  z.object({ type: z.literal('accounts.changed') }).strict(),
  z.object({ type: z.literal('identities.changed') }).strict(),
  z.object({ type: z.literal('acsIdentities.changed') }).strict(),
  z.object({ type: z.literal('clouds.changed') }).strict(),
  z.object({ type: z.literal('settings.changed') }).strict(),
  /** The access log grew (a credential was handed out here or by another process), or was rotated. */
  z.object({ type: z.literal('activity.changed') }).strict(),
  z.object({ type: z.literal('vault.changed'), state: z.enum(['open', 'locked', 'unavailable']) }).strict(),
]);

export type CoreEvent = z.infer<typeof coreEventSchema>;
export type CoreEventType = CoreEvent['type'];
export type CoreEventListener = (event: CoreEvent) => void;
/** Starts listening; returns the function that stops it. */
export type SubscribeToEvents = (listener: CoreEventListener) => () => void;

/** The Server-Sent Events path in browser mode (a GET, with the same session checks as every `/api/` call). */
export const eventsPath = '/api/events';

const kindNouns: Record<TokenKind, string> = {
  'arr-sts': 'ARR access token',
  'acs-user': 'ACS user token',
  entra: 'Entra token',
};

/**
 * The one wording of an expiry warning, for the desktop app's OS notification and browser mode's
 * toast alike: "ACS user token expires in 5 minutes", then the token's name and what to do.
 */
export function expiryWarning(token: { kind: TokenKind; title: string; expiresAt: string }, now: number): { title: string; body: string } {
  const minutes = Math.max(1, Math.round((Date.parse(token.expiresAt) - now) / 60_000));
  return {
    title: `${kindNouns[token.kind]} expires in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    body: `${token.title}. Mint a new one on the Tokens page, or turn on its auto-refresh.`,
  };
}
