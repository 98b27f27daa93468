// npm's `prepare`: in a checkout (npm install, npm ci, npm pack) it builds keytar's native part
// when it can and the `azcred` bundle, so the first `azcred` run is the fast one. The packed
// package ships this file but not the sources: installed from a tarball it has nothing to build.
// CommonJS so that an old Node reaches the one-line refusal in require-node.cjs instead of a stack.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
if (!existsSync(path.join(root, 'scripts', 'build-cli.ts'))) process.exit(0);
require('./require-node.cjs');
for (const script of ['keychain-addon.ts', 'build-cli.ts']) {
  const run = spawnSync(process.execPath, [path.join(__dirname, script)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
