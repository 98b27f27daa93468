#!/usr/bin/env node
// The `azcred` command. Node 22.18+ runs the TypeScript sources directly.
import '../electron/cli/main.ts';
