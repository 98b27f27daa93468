import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const distWeb = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Every file the entry loads before any dynamic import: its static import graph. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(path.join(distWeb, file), 'utf8');
  for (const match of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)"/gm)) staticGraph(match[1] ?? '', seen);
  return seen;
}

// npm run build (and npm start -- --browser) make the bundle; a checkout that was never built has none.
describe.runIf(existsSync(path.join(distWeb, 'main.mjs')))('the browser-mode host bundle', () => {
  it('starts without MSAL or the ACS SDK, which load on the first call that needs them', () => {
    const loadedAtStart = [...staticGraph('main.mjs')].map((f) => readFileSync(path.join(distWeb, f), 'utf8')).join('\n');
    // esbuild writes a class as `Name = class ...`: the definitions, not the app's uses of them.
    const defines = (name: string) => new RegExp(`\\b${name} = class\\b`);
    for (const name of ['PublicClientApplication', 'ConfidentialClientApplication', 'CommunicationIdentityClient'])
      expect(loadedAtStart).not.toMatch(defines(name));
    const all = readdirSync(distWeb)
      .map((f) => readFileSync(path.join(distWeb, f), 'utf8'))
      .join('\n');
    expect(all).toMatch(defines('PublicClientApplication'));
    expect(all).toMatch(defines('CommunicationIdentityClient'));
  });
});
