import { ChatClient } from '@azure/communication-chat';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueUserToken } from '../acs-user-token.ts';
import { startEmulator, type RunningEmulator } from '../server.ts';
import { defaultScenario } from './emulator-fixtures.ts';

let emulator: RunningEmulator;
const resourceName = 'contoso-acs-chat';
const endpoint = () => (emulator.urls.acs[resourceName] ?? '').replace(/\/$/, '');

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario() });
});
afterAll(() => emulator.close());

async function newUser(scopes: ('chat' | 'voip')[]): Promise<{ id: string; token: string }> {
  const client = new CommunicationIdentityClient(emulator.acsConnectionString(resourceName));
  const { user, token } = await client.createUserAndToken(scopes);
  return { id: user.communicationUserId, token };
}

const chatOf = (token: string) => new ChatClient(endpoint(), new AzureCommunicationTokenCredential(token));
const threadsOf = async (chat: ChatClient) => {
  const topics: string[] = [];
  for await (const thread of chat.listChatThreads()) topics.push(thread.topic);
  return topics;
};

describe('ACS chat with the official client', () => {
  it("creates a thread with another participant, sends a message, and lists only the caller's threads", async () => {
    const ana = await newUser(['chat']);
    const ben = await newUser(['chat']);
    const carl = await newUser(['chat']);
    const chat = chatOf(ana.token);
    const created = await chat.createChatThread(
      { topic: 'Launch' },
      { participants: [{ id: { communicationUserId: ben.id }, displayName: 'Ben' }] },
    );
    const threadId = created.chatThread?.id ?? '';
    expect(threadId).toMatch(/^19:[0-9a-f]+@thread\.v2$/);
    expect(created.chatThread?.createdBy).toEqual({ kind: 'communicationUser', communicationUserId: ana.id });
    const sent = await chat.getChatThreadClient(threadId).sendMessage({ content: 'hello' });
    expect(sent.id).toBeTruthy();
    expect(await threadsOf(chat)).toEqual(['Launch']);
    expect(await threadsOf(chatOf(ben.token))).toEqual(['Launch']);
    expect(await threadsOf(chatOf(carl.token))).toEqual([]);
    await expect(chatOf(carl.token).getChatThreadClient(threadId).sendMessage({ content: 'let me in' })).rejects.toMatchObject({
      statusCode: 403,
    });
  });

  it('refuses an expired, a revoked and a voip-only token', async () => {
    const ana = await newUser(['chat']);
    const resource = emulator.scenario.communicationServices.find((r) => r.name === resourceName)!;
    const identity = emulator.context.acs.identities.get(ana.id)!;
    const expired = issueUserToken(emulator.context, resource, identity, ['chat'], -1).token;
    const list = (token: string) =>
      fetch(`${endpoint()}/chat/threads?api-version=2025-03-15`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await list(ana.token)).toBe(200);
    expect(await list(expired)).toBe(401);
    expect(await list((await newUser(['voip'])).token)).toBe(403);
    await new CommunicationIdentityClient(emulator.acsConnectionString(resourceName)).revokeTokens({ communicationUserId: ana.id });
    expect(await list(ana.token)).toBe(401);
  });
});
