import { randomBytes } from 'node:crypto';
import { sendAcsError } from './acs-errors.ts';
import { identityForUserToken } from './acs-user-token.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { bearerToken, readJson, sendEmpty, sendJson, type Exchange } from './http-exchange.ts';
import type { CommunicationService } from './scenario.ts';

/**
 * The slice of ACS Chat a prototype's first minutes use, with a user token as bearer: create a
 * thread, send a message, list the caller's threads. Shapes from the REST spec behind
 * @azure/communication-chat 1.6 (api-version 2025-03-15; its generated mappers): create answers 201
 * `{ chatThread: { id, topic, createdOn, createdByCommunicationIdentifier } }`, send 201 `{ id }`,
 * list 200 `{ value: [{ id, topic, lastMessageReceivedOn? }] }`. The token is checked as the
 * identity API's tokens are (signature, expiry, resource, not revoked): an expired one gets 401.
 */

interface ChatThread {
  id: string;
  topic: string;
  createdOn: string;
  createdBy: string;
  participants: Set<string>;
  messages: { id: string; content: string; senderId: string; createdOn: string }[];
  lastMessageReceivedOn?: string;
}

/** Threads by resource name, per emulator instance; they live as long as the emulator. */
const threadsOf = new WeakMap<EmulatorContext, Map<string, Map<string, ChatThread>>>();

function threads(context: EmulatorContext, resource: CommunicationService): Map<string, ChatThread> {
  let byResource = threadsOf.get(context);
  if (!byResource) threadsOf.set(context, (byResource = new Map()));
  let found = byResource.get(resource.name);
  if (!found) byResource.set(resource.name, (found = new Map()));
  return found;
}

const identifier = (id: string) => ({ rawId: id, communicationUser: { id } });

/** Answers `/chat/...` for one resource. */
export function handleChat(context: EmulatorContext, resource: CommunicationService, exchange: Exchange): void {
  const user = identityForUserToken(context, resource, bearerToken(exchange) ?? '');
  if (!user) return sendEmpty(exchange.res, 401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  // Chat takes a token with a chat scope (chat, chat.join, chat.join.limited); a voip-only token is for Calling.
  if (!user.scopes.some((scope) => scope.startsWith('chat')))
    return sendAcsError(exchange.res, 403, 'Forbidden', 'The access token does not have the chat scope.');
  const me = user.identity.id;
  const store = threads(context, resource);
  const { method, path } = exchange;

  if (method === 'GET' && /^\/chat\/threads\/?$/i.test(path)) {
    const mine = [...store.values()].filter((t) => t.participants.has(me));
    return sendJson(exchange.res, 200, {
      value: mine.map((t) => ({
        id: t.id,
        topic: t.topic,
        ...(t.lastMessageReceivedOn ? { lastMessageReceivedOn: t.lastMessageReceivedOn } : {}),
      })),
    });
  }
  if (method === 'POST' && /^\/chat\/threads\/?$/i.test(path)) {
    const body = jsonBody(exchange);
    const topic = body?.['topic'];
    if (typeof topic !== 'string' || !topic.trim()) return sendAcsError(exchange.res, 400, 'BadRequest', 'The topic is required.', 'topic');
    const participants = new Set([me]);
    for (const p of Array.isArray(body?.['participants']) ? (body['participants'] as unknown[]) : []) {
      const id = (p as { communicationIdentifier?: { communicationUser?: { id?: unknown } } })?.communicationIdentifier?.communicationUser
        ?.id;
      if (typeof id === 'string') participants.add(id);
    }
    const thread: ChatThread = {
      id: `19:${randomBytes(16).toString('hex')}@thread.v2`,
      topic,
      createdOn: new Date().toISOString(),
      createdBy: me,
      participants,
      messages: [],
    };
    store.set(thread.id, thread);
    return sendJson(exchange.res, 201, {
      chatThread: { id: thread.id, topic, createdOn: thread.createdOn, createdByCommunicationIdentifier: identifier(me) },
    });
  }
  const messages = /^\/chat\/threads\/([^/]+)\/messages\/?$/i.exec(path);
  if (method === 'POST' && messages) {
    const thread = store.get(decodeURIComponent(messages[1] ?? ''));
    if (!thread) return sendAcsError(exchange.res, 404, 'NotFound', 'The chat thread was not found.');
    if (!thread.participants.has(me)) return sendAcsError(exchange.res, 403, 'Forbidden', 'The caller is not a participant of the thread.');
    const content = jsonBody(exchange)?.['content'];
    if (typeof content !== 'string') return sendAcsError(exchange.res, 400, 'BadRequest', 'The content is required.', 'content');
    const message = { id: String(Date.now() + thread.messages.length), content, senderId: me, createdOn: new Date().toISOString() };
    thread.messages.push(message);
    thread.lastMessageReceivedOn = message.createdOn;
    return sendJson(exchange.res, 201, { id: message.id });
  }
  sendAcsError(exchange.res, 404, 'NotFound', `No chat operation ${method} ${path} in the emulator.`);
}

function jsonBody(exchange: Exchange): Record<string, unknown> | undefined {
  try {
    const parsed = readJson(exchange);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
