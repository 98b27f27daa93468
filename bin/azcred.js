#!/usr/bin/env node
// The `azcred` command: the bundle that `npm run build` makes, or in a checkout without one the
// TypeScript sources (Node 22.18+ strips their types; it will not inside node_modules).
// CommonJS (bin/package.json says so), like the bundle's entry: Node starts a CommonJS file about
// 10 ms sooner than an ES module, and a cached token is printed in about 70 ms (npm run bench).
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');
const { nodeTooOld } = require('./node-version.cjs');

const refusal = nodeTooOld('azcred');
if (refusal) {
  // A checkout linked onto PATH (npm link) has its own Node 24 from npm install: run on that one.
  const ownNode = path.join(__dirname, '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(ownNode)) {
    process.stderr.write(`${refusal}\n`);
    process.exit(1);
  }
  // Loaded only here: node:child_process brings Node's stream modules, which a cached token does not need.
  const child = require('node:child_process').spawnSync(ownNode, [__filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'azcred.cjs');
if (existsSync(bundle)) require(bundle);
else void import('../electron/cli/main.ts');
