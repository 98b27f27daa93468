// Loaded with `node --require` before azcred: writes every module URL the process resolved (ES
// imports and require() alike, bundle chunks and node_modules packages) to the file named by
// AZCRED_TEST_LOADED_MODULES when the process exits, so a test can see what a command loaded.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file */
const { registerHooks } = require('node:module');
const { writeFileSync } = require('node:fs');

const resolved = new Set();
registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    resolved.add(result.url);
    return result;
  },
});
process.on('exit', () => {
  const file = process.env['AZCRED_TEST_LOADED_MODULES'];
  if (file) writeFileSync(file, [...resolved].join('\n'));
});
