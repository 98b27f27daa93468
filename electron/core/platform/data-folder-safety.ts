import { statSync } from 'node:fs';

/**
 * Why a data folder must not be used, or undefined when it is safe: it holds the vault, the
 * accounts and the kept tokens, so a folder another user owns, or may write to (and so swap a file
 * in), is refused with the fix rather than trusted as found. POSIX only: Windows folders carry ACLs
 * that these mode bits do not describe.
 */
export function dataFolderProblem(folder: string, uid: number | undefined = process.getuid?.()): string | undefined {
  if (uid === undefined) return undefined;
  let stat;
  try {
    stat = statSync(folder);
  } catch {
    // Not there yet: the core creates it 0700 on first use.
    return undefined;
  }
  if (!stat.isDirectory()) return `The data folder ${folder} is not a folder. Set AZCRED_HOME to a folder of your own.`;
  if (stat.uid !== uid) {
    return (
      `The data folder ${folder} belongs to another user (uid ${stat.uid}), who could read or replace what it holds. Use a folder ` +
      `of your own (set AZCRED_HOME), or make it yours: sudo chown -R "$(id -u)" ${folder}`
    );
  }
  const mode = stat.mode & 0o777;
  if ((mode & 0o022) !== 0) {
    return (
      `The data folder ${folder} can be changed by other users (mode ${mode.toString(8).padStart(3, '0')}), who could replace ` +
      `what it holds. Make it yours alone: chmod 700 ${folder}`
    );
  }
  return undefined;
}
