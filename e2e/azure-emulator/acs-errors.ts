import type { ServerResponse } from 'node:http';
import { sendJson } from './http-exchange.ts';

/** ACS error bodies: `{"error":{"code","message","target"?}}` (AZURE-PROTOCOLS.md §2). */
export function sendAcsError(res: ServerResponse, status: number, code: string, message: string, target?: string): void {
  sendJson(res, status, { error: { code, message, ...(target === undefined ? {} : { target }) } });
}

/** What the live service answers a bad signature or a caller without a role: nothing more specific. */
export function sendDenied(res: ServerResponse): void {
  sendAcsError(res, 401, 'Denied', 'Denied by the resource provider.');
}
