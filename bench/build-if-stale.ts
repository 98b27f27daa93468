import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  if (!statSync(entry).isDirectory()) return statSync(entry).mtimeMs;
  let newest = 0;
  for (const file of readdirSync(entry, { withFileTypes: true, recursive: true })) {
    if (file.isFile()) newest = Math.max(newest, statSync(path.join(file.parentPath, file.name)).mtimeMs);
  }
  return newest;
}

/** Runs `npm run <script>` when `output` is missing or older than any of `sources` (paths under `root`). */
export function buildIfStale(root: string, script: string, output: string, sources: readonly string[]): void {
  const out = path.join(root, output);
  if (existsSync(out) && sources.every((s) => newestMtime(path.join(root, s)) <= statSync(out).mtimeMs)) return;
  console.log(`bench: building (npm run ${script})…`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`\`npm run ${script}\` failed (exit ${result.status}); see the messages above.`);
}
