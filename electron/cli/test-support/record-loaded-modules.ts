// Preloaded with `node --import` before azcred: writes every module URL the process resolved (ES
// imports and require() alike, bundle chunks and node_modules packages) to the file named by
// AZCRED_TEST_LOADED_MODULES when the process exits, so a test can see what a command loaded.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const resolved = new Set<string>();
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
