import { lstatSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';

/**
 * The CLI's side of the vault agent (vault-agent.ts): a short-lived `azcred` asks the agent of its
 * data folder for one secret of the vault over a Unix socket, instead of loading the keychain's
 * addon and the decryption itself; its start-up then costs little more than Node's own. No agent,
 * one that does not answer in time, or any answer but the secret is undefined: the caller reads the
 * vault itself, as before.
 */

/** The agent's answer: the secret, and the id and time of the access log line the CLI appends for it. */
export interface AgentAnswer {
  value: string;
  logId: string;
  time: string;
}

/** `AZCRED_AGENT=off` (or 0, false, no): never ask an agent nor start one. */
export const agentSwitchVariable = 'AZCRED_AGENT';

export function agentDisabled(env: NodeJS.ProcessEnv): boolean {
  return /^(off|0|false|no)$/i.test(env[agentSwitchVariable] ?? '');
}

/**
 * The agent's folder: `agent/` inside the data folder, made 0700 by the agent. Unix sockets take
 * paths of at most 107 bytes; a data folder deeper than that has no agent, and neither has Windows.
 */
export function agentFolder(dataFolder: string): string {
  return path.join(dataFolder, 'agent');
}

export function agentSocketPath(dataFolder: string): string | undefined {
  // Windows has named pipes, not Unix sockets in folders: there azcred reads the vault itself.
  if (process.platform === 'win32') return undefined;
  const socket = path.join(agentFolder(dataFolder), 'vault.sock');
  return Buffer.byteLength(socket) <= 100 ? socket : undefined;
}

/** Whether the agent's folder is this user's alone (0700, owned by this user): a socket found anywhere else is not trusted. */
export function agentFolderIsPrivate(folder: string, uid: number | undefined = process.getuid?.()): boolean {
  try {
    const stat = lstatSync(folder);
    return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

/** The secret `name` (`token/<id>`), as the data folder's agent answers it; undefined when no agent answers it within `timeoutMs`. */
export function askVaultAgent(dataFolder: string, name: string, timeoutMs = 2_000): Promise<AgentAnswer | undefined> {
  const socketPath = agentSocketPath(dataFolder);
  if (!socketPath || !agentFolderIsPrivate(agentFolder(dataFolder))) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let answer = '';
    const socket = createConnection({ path: socketPath });
    const done = (value: AgentAnswer | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    socket.on('error', () => done(undefined));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8');
      const end = answer.indexOf('\n');
      if (end < 0) return;
      try {
        const { value, logId, time } = JSON.parse(answer.slice(0, end)) as Partial<Record<keyof AgentAnswer, unknown>>;
        done(typeof value === 'string' && typeof logId === 'string' && typeof time === 'string' ? { value, logId, time } : undefined);
      } catch {
        done(undefined);
      }
    });
    socket.on('end', () => done(undefined));
    socket.write(`${JSON.stringify({ version: 1, name })}\n`);
  });
}

/**
 * Starts the data folder's agent in the background (detached, its output closed), for the next
 * `azcred token …`; it leaves by itself when another already serves the folder. The bundle starts
 * the bundled agent beside it, the sources the agent's source.
 */
export async function startVaultAgent(dataFolder: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (agentDisabled(env) || !agentSocketPath(dataFolder)) return;
  const [{ spawn }, { fileURLToPath }] = await Promise.all([import('node:child_process'), import('node:url')]);
  const here = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(here), here.endsWith('.cjs') ? 'vault-agent.cjs' : 'vault-agent-main.ts');
  const child = spawn(process.execPath, [entry, dataFolder], { detached: true, stdio: 'ignore', env });
  child.on('error', () => undefined);
  child.unref();
}
