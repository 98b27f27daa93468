#!/usr/bin/env node
// The `azcred` command: the bundle that `npm run build` makes, or in a checkout without one the
// TypeScript sources (Node 22.18+ strips their types; it will not inside node_modules).
// CommonJS (bin/package.json says so), like the bundle's entry: Node starts a CommonJS file about
// 10 ms sooner than an ES module, and a cached token is printed in about 70 ms (npm run bench).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file */
const { existsSync } = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'azcred.cjs');
if (existsSync(bundle)) require(bundle);
else void import('../electron/cli/main.ts');
