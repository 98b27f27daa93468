import { spawn } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { addEmulatorArr, westEuropeArr } from './test-support/azcred-arguments.ts';
import { arrPrimaryKey, closeEmulatorDataFolder, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { keyringSession, runAzcred } from './test-support/run-azcred.ts';
import { agentFolder, agentSocketPath } from './vault-agent-client.ts';

let emulator: RunningEmulator;
let home: string;
const azcred = (args: string[], env: Record<string, string> = {}, stdin?: string) =>
  runAzcred(args, { home, env, ...(stdin !== undefined && { stdin }) });
/** A session bus address that leads nowhere: this azcred alone cannot reach the keychain. */
const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/azcred-test-bus' };

async function printedLines(): Promise<number> {
  const log = await readFile(path.join(home, 'access-log.jsonl'), 'utf8').catch(() => '');
  return log.split('\n').filter((line) => line.includes('"action":"print"')).length;
}

async function agentListening(): Promise<boolean> {
  const socket = agentSocketPath(home) ?? '';
  for (let i = 0; i < 200 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50));
  return existsSync(socket);
}

describe.runIf(keyringSession)('azcred with its vault agent, on the OS keychain', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-agent-'));
    expect(await azcred(addEmulatorArr('contoso', westEuropeArr), {}, arrPrimaryKey(emulator, westEuropeArr))).toMatchObject({ code: 0 });
  }, 60_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('with AZCRED_AGENT=off prints a cached token and starts no agent', async () => {
    const minted = await azcred(['token', 'arr', 'contoso', '--fresh'], { AZCRED_AGENT: 'off' });
    expect(minted, minted.stderr).toMatchObject({ code: 0 });
    expect(await azcred(['token', 'arr', 'contoso'], { AZCRED_AGENT: 'off' })).toMatchObject({ code: 0, stdout: minted.stdout });
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(agentFolder(home))).toBe(false);
  });

  it('after one cached token, an agent serves the next ones, each logged once, and holds no key the keychain took back', async () => {
    const minted = await azcred(['token', 'arr', 'contoso', '--fresh']);
    expect(minted, minted.stderr).toMatchObject({ code: 0 });
    // The first cached print reads the vault itself, then starts the agent.
    expect(await azcred(['token', 'arr', 'contoso'])).toMatchObject({ code: 0, stdout: minted.stdout });
    expect(await agentListening()).toBe(true);

    // With no way to the keychain of its own, azcred still prints the token: the agent answered it.
    const before = await printedLines();
    expect(await azcred(['token', 'arr', 'contoso'], noKeychain)).toMatchObject({ code: 0, stdout: minted.stdout });
    expect(await printedLines()).toBe(before + 1);
    // Without the agent the same azcred cannot.
    const alone = await azcred(['token', 'arr', 'contoso'], { ...noKeychain, AZCRED_AGENT: 'off' });
    expect(alone.code).not.toBe(0);
    expect(alone.stdout).toBe('');

    // The agent reads the key from the keychain for every answer: with the key gone it answers nothing.
    const keytar = (await import('keytar')).default;
    const { id } = JSON.parse(await readFile(path.join(home, 'vault.json'), 'utf8')) as { id: string };
    const key = await keytar.getPassword('Azure Credential Manager', `vault-${id}`);
    expect(key).not.toBeNull();
    await keytar.deletePassword('Azure Credential Manager', `vault-${id}`);
    try {
      const refused = await azcred(['token', 'arr', 'contoso'], noKeychain);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toBe('');
    } finally {
      await keytar.setPassword('Azure Credential Manager', `vault-${id}`, key ?? '');
    }
    expect(await azcred(['token', 'arr', 'contoso'], noKeychain)).toMatchObject({ code: 0, stdout: minted.stdout });
  });

  it.runIf(process.getuid?.() === 0)('another user cannot connect to the agent’s socket, even through folders it may enter', async () => {
    expect(await agentListening()).toBe(true);
    const socket = agentSocketPath(home) ?? '';
    // Both folders opened for entering (the data folder may be 0755): the socket's own 0600 still refuses.
    chmodSync(home, 0o755);
    chmodSync(agentFolder(home), 0o711);
    onTestFinished(() => (chmodSync(agentFolder(home), 0o700), chmodSync(home, 0o700)));
    const attempt = spawn(
      process.execPath,
      [
        '-e',
        `require('net').createConnection(${JSON.stringify(socket)})` +
          ".on('connect',()=>process.exit(0)).on('error',(e)=>{console.log(e.code);process.exit(3)})",
      ],
      { uid: 65534, gid: 65534, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    attempt.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((resolve) => attempt.on('close', resolve));
    expect(code).toBe(3);
    expect(out.trim()).toBe('EACCES');
  });
});
