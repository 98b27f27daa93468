import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { processHasExited } from './process-exited.ts';

/** Inside every lock directory: `<pid> <host> <token>` of the process that made it. */
const ownerFile = 'owner';

type Callback<T = void> = (error: NodeJS.ErrnoException | null, value?: T) => void;

/**
 * The `fs` proper-lockfile is given for one lock directory, so that a lock left by a killed
 * process is taken over at once instead of after 10 s without a refresh.
 *
 * - The directory is born holding its owner record: made under a temp name with the record inside,
 *   then renamed into place. A rename onto an existing non-empty directory fails, so this is as
 *   exclusive as mkdir, and there is no moment when the lock exists without its owner.
 * - It counts as stale (mtime 0) when its owner ran on this host and no longer runs. A live owner,
 *   one on another host, or a reused pid falls back to proper-lockfile's mtime rule.
 * - It is removed by renaming it aside first. If what was moved is not the directory just judged
 *   stale (another process replaced it meanwhile), it is put back: a live lock is never removed.
 * - Whoever takes the lock sweeps temp directories a killed process left (`<lock>.new-*` of exited
 *   owners, `<lock>.old-*`).
 */
export function ownedLockDirectoryFs(lockDirectory: string): Record<string, unknown> {
  const base = path.basename(lockDirectory);
  const folder = path.dirname(lockDirectory);
  const token = randomBytes(9).toString('base64url');
  /** The token of the directory the last stat looked at: the one proper-lockfile may then remove as stale. */
  let judged: string | undefined;

  const make = async (): Promise<void> => {
    const temp = tempLockDirectory(lockDirectory);
    await fs.promises.mkdir(temp, { mode: 0o700 });
    try {
      await fs.promises.writeFile(path.join(temp, ownerFile), `${process.pid} ${hostname()} ${token}`, { mode: 0o600 });
      await fs.promises.rename(temp, lockDirectory);
    } catch (error) {
      await fs.promises.rm(temp, { recursive: true, force: true });
      // Linux says ENOTEMPTY, others EEXIST or EPERM: whichever, a lock in place means "held", as mkdir's EEXIST does.
      const held = await fs.promises.stat(lockDirectory).then(
        () => true,
        () => false,
      );
      throw held ? Object.assign(new Error(`${lockDirectory} exists`), { code: 'EEXIST' }) : error;
    }
    await sweep().catch(() => undefined);
  };

  const sweep = async (): Promise<void> => {
    for (const name of await fs.promises.readdir(folder)) {
      const leftover = path.join(folder, name);
      if (name.startsWith(`${base}.old-`) || (name.startsWith(`${base}.new-`) && (await abandoned(leftover))))
        await fs.promises.rm(leftover, { recursive: true, force: true });
    }
  };

  const stat = async (file: string): Promise<fs.Stats> => {
    const stats = await fs.promises.stat(file);
    if (file !== lockDirectory) return stats;
    const owner = await readOwner(lockDirectory);
    judged = owner?.token;
    return ownerHasExited(owner) ? (Object.defineProperty(Object.create(stats), 'mtime', { value: new Date(0) }) as fs.Stats) : stats;
  };

  const remove = async (directory: string): Promise<void> => {
    if (directory !== lockDirectory) return fs.promises.rmdir(directory);
    const aside = `${lockDirectory}.old-${randomBytes(6).toString('hex')}`;
    await fs.promises.rename(lockDirectory, aside);
    const moved = (await readOwner(aside))?.token;
    if (moved !== token && moved !== judged) {
      // Another process's fresh lock: give it back (a rename onto a new holder's directory fails, leaving that one in place).
      await fs.promises.rename(aside, lockDirectory).catch(() => undefined);
      return;
    }
    await fs.promises.rm(aside, { recursive: true, force: true });
  };

  const removeSync = (directory: string): void => {
    if (directory !== lockDirectory) return fs.rmdirSync(directory);
    const aside = `${lockDirectory}.old-${randomBytes(6).toString('hex')}`;
    fs.renameSync(lockDirectory, aside);
    fs.rmSync(aside, { recursive: true, force: true });
  };

  return {
    ...fs,
    mkdir: (directory: string, callback: Callback) =>
      directory === lockDirectory ? asCallback(make(), callback) : fs.mkdir(directory, callback),
    stat: (file: string, callback: Callback<fs.Stats>) => asCallback(stat(file), callback),
    rmdir: (directory: string, callback: Callback) => asCallback(remove(directory), callback),
    rmdirSync: removeSync,
  };
}

interface Owner {
  pid: number;
  host: string;
  token: string;
}

async function readOwner(directory: string): Promise<Owner | undefined> {
  const text = await fs.promises.readFile(path.join(directory, ownerFile), 'utf8').catch(() => undefined);
  const [pid, host, token] = text?.split(' ') ?? [];
  return pid && host && token ? { pid: Number(pid), host, token } : undefined;
}

/** This host in a temp directory's name: a short hash, since a host name may hold any character. */
const thisHost = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/**
 * Where a lock directory is made before it is renamed into place. Its maker (pid, host) is in the
 * name, so one killed before it wrote the owner record inside is still known to have exited.
 */
export function tempLockDirectory(lockDirectory: string, pid = process.pid): string {
  return `${lockDirectory}.new-${pid}-${thisHost}-${randomBytes(6).toString('hex')}`;
}

/**
 * A `.new-` directory whose maker exited (told by its owner record, or by the pid and host in its
 * name when the maker was killed before writing the record), or one with neither a minute on.
 */
async function abandoned(directory: string): Promise<boolean> {
  const owner = await readOwner(directory);
  if (owner) return ownerHasExited(owner);
  const named = /\.new-(\d+)-([0-9a-f]{8})-[0-9a-f]+$/.exec(directory);
  if (named?.[2] === thisHost) return processHasExited(Number(named[1]));
  const stats = await fs.promises.stat(directory).catch(() => undefined);
  return stats !== undefined && stats.mtimeMs < Date.now() - 60_000;
}

function ownerHasExited(owner: Owner | undefined): boolean {
  return owner !== undefined && owner.host === hostname() && processHasExited(owner.pid);
}

function asCallback<T>(promise: Promise<T>, callback: Callback<T>): void {
  promise.then(
    (value) => callback(null, value),
    (error: NodeJS.ErrnoException) => callback(error),
  );
}
