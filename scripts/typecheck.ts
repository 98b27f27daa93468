/**
 * `npm run typecheck`: the main process, core and CLI (tsconfig.node.json), the renderer
 * (tsconfig.web.json) and the end-to-end specs (tsconfig.e2e.json), each checked even when one
 * before it failed, so an error in electron/ does not hide the renderer's until it is fixed.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json'];

const failed = projects.filter(
  (project) => spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' }).status !== 0,
);
if (failed.length > 0) {
  console.error(`Type errors in ${failed.join(', ')}.`);
  process.exit(1);
}
