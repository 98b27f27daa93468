import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryKeychain, keychainAccount, keychainService } from '../core/vault/keychain.ts';
import { encryptVault, keyCheck } from '../core/vault/vault-file.ts';
import { agentFolder, agentFolderIsPrivate, agentSocketPath, askVaultAgent } from './vault-agent-client.ts';
import { serveVaultAgent, type RunningVaultAgent } from './vault-agent.ts';

const folders: string[] = [];
const agents: RunningVaultAgent[] = [];
afterEach(async () => {
  for (const agent of agents.splice(0)) await agent.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const tokenName = 'token/7d1f3c2a-0b7e-4f7e-9a55-1a2b3c4d5e6f';

/** A data folder holding a keychain vault with one token, its key in a memory keychain. */
function keychainVault(mode: 'keychain' | 'passphrase' = 'keychain') {
  const folder = mkdtempSync(path.join(tmpdir(), 'azcred-agent-'));
  folders.push(folder);
  const id = randomBytes(16).toString('hex');
  const key = randomBytes(32);
  const keychain = createMemoryKeychain();
  void keychain.setPassword(keychainService, keychainAccount(id), key.toString('base64'));
  writeFileSync(path.join(folder, 'vault.json'), JSON.stringify({ version: 1, id, mode }));
  const secrets = new Map([[tokenName, 'eyJ0eXAiOiJKV1QifQ.the-token.signature']]);
  writeFileSync(path.join(folder, 'vault.bin'), encryptVault({ id, mode: 'keychain', keyCheck: keyCheck(key, id) }, key, secrets));
  return { folder, keychain, id };
}

async function serve(folder: string, keychain: ReturnType<typeof createMemoryKeychain>, idleMs = 60_000, checkEveryMs = 5_000) {
  const agent = await serveVaultAgent(folder, { idleMs, keychain, checkEveryMs });
  if (agent) agents.push(agent);
  return agent;
}

/** Sends one raw line and reads the raw answer (or '' when the agent hangs up). */
function rawRequest(socketPath: string, line: string): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = createConnection({ path: socketPath });
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    socket.write(line);
  });
}

describe('the vault agent', () => {
  it('answers a token’s secret with a fresh log id and time, from a socket only its user can open', async () => {
    const { folder, keychain } = keychainVault();
    expect(await askVaultAgent(folder, tokenName)).toBeUndefined(); // no agent yet: the CLI reads the vault itself
    expect(await serve(folder, keychain)).toBeDefined();
    const first = await askVaultAgent(folder, tokenName);
    const second = await askVaultAgent(folder, tokenName);
    expect(first).toMatchObject({ value: 'eyJ0eXAiOiJKV1QifQ.the-token.signature', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(second?.logId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.logId).not.toBe(first?.logId);
    const socket = agentSocketPath(folder) ?? '';
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    expect(statSync(agentFolder(folder)).mode & 0o777).toBe(0o700);
  });

  it('reads the key from the keychain for every answer: a key taken out is refused at once', async () => {
    const { folder, keychain, id } = keychainVault();
    await serve(folder, keychain);
    expect(await askVaultAgent(folder, tokenName)).toBeDefined();
    await keychain.deletePassword(keychainService, keychainAccount(id));
    expect(await askVaultAgent(folder, tokenName)).toBeUndefined();
  });

  it('serves only tokens, and refuses requests that are not one line of its version', async () => {
    const { folder, keychain } = keychainVault();
    await serve(folder, keychain);
    const socket = agentSocketPath(folder) ?? '';
    expect(await askVaultAgent(folder, 'account/primary/abc')).toBeUndefined();
    expect(await rawRequest(socket, `${JSON.stringify({ version: 2, name: tokenName })}\n`)).toBe('{}\n');
    expect(await rawRequest(socket, 'not json\n')).toBe('{}\n');
    expect(await rawRequest(socket, 'x'.repeat(20_000))).toBe('');
    expect(await askVaultAgent(folder, tokenName)).toBeDefined();
  });

  it('does not serve a passphrase vault, a folder another user may change, or a second agent for one folder', async () => {
    const passphrase = keychainVault('passphrase');
    expect(await serve(passphrase.folder, passphrase.keychain)).toBeUndefined();
    expect(existsSync(agentFolder(passphrase.folder))).toBe(false);

    const open = keychainVault();
    chmodSync(open.folder, 0o777);
    expect(await serve(open.folder, open.keychain)).toBeUndefined();

    const { folder, keychain } = keychainVault();
    expect(await serve(folder, keychain)).toBeDefined();
    expect(await serve(folder, keychain)).toBeUndefined();
    expect(await askVaultAgent(folder, tokenName)).toBeDefined();
  });

  it('leaves when idle, when its data folder goes, or when the vault stops being a keychain vault, removing its socket', async () => {
    const idle = keychainVault();
    const idleAgent = await serve(idle.folder, idle.keychain, 150);
    await idleAgent?.closed;
    expect(existsSync(agentSocketPath(idle.folder) ?? '')).toBe(false);

    const removed = keychainVault();
    const removedAgent = await serve(removed.folder, removed.keychain, 60_000, 50);
    rmSync(removed.folder, { recursive: true, force: true });
    await removedAgent?.closed;

    const changed = keychainVault();
    const changedAgent = await serve(changed.folder, changed.keychain);
    writeFileSync(path.join(changed.folder, 'vault.json'), JSON.stringify({ version: 1, id: changed.id, mode: 'passphrase' }));
    expect(await askVaultAgent(changed.folder, tokenName)).toBeUndefined();
    await changedAgent?.closed;
    expect(existsSync(agentSocketPath(changed.folder) ?? '')).toBe(false);
  });

  it('is not asked through a folder that is not private to this user, nor at a path too long for a socket', async () => {
    const { folder, keychain } = keychainVault();
    await serve(folder, keychain);
    chmodSync(agentFolder(folder), 0o755);
    expect(agentFolderIsPrivate(agentFolder(folder))).toBe(false);
    expect(await askVaultAgent(folder, tokenName)).toBeUndefined();
    expect(agentSocketPath(`/tmp/${'d'.repeat(100)}`)).toBeUndefined();
  });
});
