import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { dataFolderProblem } from '../core/platform/data-folder-safety.ts';
import { keytarKeychain, type KeychainPort } from '../core/vault/keychain.ts';
import { peekVaultSecrets, readVaultMode } from '../core/vault/vault-peek.ts';
import { agentFolder, agentFolderIsPrivate, agentSocketPath, type AgentAnswer } from './vault-agent-client.ts';

/**
 * The vault agent: a small process that `azcred` starts beside a keychain vault after printing a
 * cached token, so the next `azcred token …` asks it over a Unix socket instead of loading the
 * keychain's addon and the decryption each time (that start-up cost is most of a cached token's
 * time: npm run bench). Like ssh-agent, it answers only its own user: the socket is created 0600
 * in a 0700 folder of the data folder, which is refused when another user owns or may change it.
 *
 * It keeps no secret between requests: each answer reads the key from the OS keychain again (so a
 * key removed or a keychain locked is refused at once, as the CLI would be) and the vault file as
 * it is now, then forgets both; it holds only a warm connection to the keychain. With the secret it
 * hands a fresh id and time for the access log line, which the CLI appends before it prints (an
 * answer the CLI gave up waiting for is neither printed nor logged). It serves
 * keychain vaults only (a passphrase vault's key is not kept anywhere, and must not be here), and
 * leaves after `idleMs` without a request, when its socket or data folder goes, or when the vault
 * is no longer a keychain vault. `AZCRED_AGENT=off` keeps it from starting.
 */
export interface VaultAgentOptions {
  idleMs: number;
  /** Tests pass a keychain; the agent otherwise keeps keytar loaded. */
  keychain?: KeychainPort;
  /** How often the agent checks that its socket and data folder are still there. */
  checkEveryMs?: number;
}

export interface RunningVaultAgent {
  /** Resolves when the agent has stopped (idle, its folder gone, or `close`). */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/** The most a request may hold: a secret's name and one access log entry. */
const maxRequestBytes = 16 * 1024;

export async function serveVaultAgent(dataFolder: string, options: VaultAgentOptions): Promise<RunningVaultAgent | undefined> {
  const socketPath = agentSocketPath(dataFolder);
  if (!socketPath || dataFolderProblem(dataFolder) || readVaultMode(dataFolder) !== 'keychain') return undefined;
  const folder = agentFolder(dataFolder);
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  if (!agentFolderIsPrivate(folder)) return undefined;
  if (existsSync(socketPath)) {
    if (await answers(socketPath)) return undefined; // another agent serves this folder
    unlinkSync(socketPath);
  }
  const keychain = options.keychain ?? keytarKeychain();
  const server = createServer((socket) => serve(socket));
  // The socket is made 0600 as it is created: no moment when another user could connect.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } catch {
    return undefined;
  } finally {
    process.umask(umask);
  }

  let idle: NodeJS.Timeout | undefined;
  const stopped = new Promise<void>((resolve) => server.once('close', () => resolve()));
  const close = async () => {
    clearTimeout(idle);
    clearInterval(check);
    if (server.listening) {
      server.close();
      try {
        unlinkSync(socketPath);
      } catch {
        // already gone (the data folder was removed)
      }
    }
    await stopped;
  };
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => void close(), options.idleMs);
  };
  const check = setInterval(() => {
    if (!existsSync(socketPath) || !existsSync(dataFolder)) void close();
  }, options.checkEveryMs ?? 5_000);
  touch();

  function serve(socket: Socket): void {
    touch();
    let request = '';
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      request += chunk.toString('utf8');
      if (request.length > maxRequestBytes) return void socket.destroy();
      const end = request.indexOf('\n');
      if (end < 0) return;
      socket.removeAllListeners('data');
      void answer(request.slice(0, end)).then(
        (reply) => socket.end(`${JSON.stringify(reply ?? {})}\n`),
        () => socket.end('{}\n'),
      );
    });
  }

  async function answer(line: string): Promise<AgentAnswer | undefined> {
    const name = requestedName(line);
    if (!name) return undefined;
    const secrets = await peekVaultSecrets(dataFolder, { keychain });
    if (!secrets) {
      // No longer a keychain vault (or its key is gone): the CLI reads it itself from now on.
      if (readVaultMode(dataFolder) !== 'keychain') void close();
      return undefined;
    }
    const value = secrets.get(name);
    return value === undefined ? undefined : { value, logId: randomUUID(), time: new Date().toISOString() };
  }

  return { closed: stopped, close };
}

/** The name a request asks for: only a token's secret is served (`token/<id>`), to a request of this version. */
function requestedName(line: string): string | undefined {
  try {
    const { version, name } = JSON.parse(line) as { version?: unknown; name?: unknown };
    return version === 1 && typeof name === 'string' && /^token\/[\w-]+$/.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Whether something answers on the socket (an agent already serving this data folder). */
function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ path: socketPath });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
