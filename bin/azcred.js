#!/usr/bin/env node
// The `azcred` command: the bundle that `npm run build` makes, or in a checkout without one the
// TypeScript sources (Node 22.18+ strips their types; it will not inside node_modules).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/azcred.mjs', import.meta.url);
await import(existsSync(bundle) ? bundle.href : '../electron/cli/main.ts');
