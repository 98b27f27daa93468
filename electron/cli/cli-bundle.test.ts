import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const distCli = fileURLToPath(new URL('../../dist/cli/', import.meta.url));

/** Every file the entry loads before any dynamic import: its static import graph. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(path.join(distCli, file), 'utf8');
  for (const match of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)"/gm)) staticGraph(match[1] ?? '', seen);
  return seen;
}

// npm test builds before it tests; a checkout that was never built has no bundle to check.
describe.runIf(existsSync(path.join(distCli, 'azcred.mjs')))('the azcred bundle', () => {
  it('reaches a cached token without loading MSAL or an Azure SDK', () => {
    const loadedAtStart = [...staticGraph('azcred.mjs')].map((f) => readFileSync(path.join(distCli, f), 'utf8')).join('\n');
    expect(loadedAtStart).not.toMatch(/PublicClientApplication|CommunicationIdentityClient|@azure\/core-rest-pipeline/);
    // zod alone took longer to load than the rest of the cached-token path (npm run bench).
    expect(loadedAtStart).not.toMatch(/ZodError|\$ZodType/);
    // ...while the full CLI, loaded on demand, has them.
    const all = readdirSync(distCli).map((f) => readFileSync(path.join(distCli, f), 'utf8')).join('\n');
    expect(all).toMatch(/PublicClientApplication/);
    expect(all).toMatch(/CommunicationIdentityClient/);
  });
});
