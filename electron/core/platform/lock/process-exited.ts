/**
 * True only when no process with this id runs on this machine (signal 0 checks without sending:
 * ESRCH means none; EPERM means one runs under another user). Used to tell a killed writer's
 * leftovers from a live writer's, so a live process's files are never touched.
 */
export function processHasExited(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
