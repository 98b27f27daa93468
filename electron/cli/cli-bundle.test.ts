import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const distCli = fileURLToPath(new URL('../../dist/cli/', import.meta.url));

// npm test builds before it tests; a checkout that was never built has no bundle to check.
describe.runIf(existsSync(path.join(distCli, 'azcred.cjs')))('the azcred bundle', () => {
  it('reaches a cached token from one CommonJS file, without loading MSAL, an Azure SDK or zod', () => {
    const entry = readFileSync(path.join(distCli, 'azcred.cjs'), 'utf8');
    // One file: nothing of the bundle is required at start; the full CLI is imported on demand.
    expect([...entry.matchAll(/require\("\.\/[^"]+"\)/g)]).toEqual([]);
    expect(entry).toContain('import("./full-cli.mjs")');
    expect(entry).not.toMatch(/PublicClientApplication|CommunicationIdentityClient|@azure\/core-rest-pipeline/);
    // zod alone took longer to load than the rest of the cached-token path (npm run bench).
    expect(entry).not.toMatch(/ZodError|\$ZodType/);
    // ...while the full CLI, loaded on demand, has them.
    const all = readdirSync(distCli)
      .map((f) => readFileSync(path.join(distCli, f), 'utf8'))
      .join('\n');
    expect(all).toMatch(/PublicClientApplication/);
    expect(all).toMatch(/CommunicationIdentityClient/);
  });
});
