import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithLink, type SignedIn } from '../electron/web/test-support/browser-session.ts';
import { sessionSecretHeader } from '../shared/browser-session.ts';
import { demoAccountNames } from './test-support/demo-expected.ts';
import { runPrintedCli, startDemo } from './test-support/demo-run.ts';

let home: string;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'azcred-demo-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

/** One contract call through browser mode's HTTP API, as the page makes it. */
async function api<T>(session: SignedIn, method: string, input?: unknown): Promise<T> {
  const response = await fetch(`${session.Origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: session.Origin,
      cookie: session.Cookie,
      [sessionSecretHeader]: session[sessionSecretHeader],
    },
    body: JSON.stringify(input ?? {}),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? ''}`);
  return result.value;
}

describe('npm run demo', () => {
  it('serves the seeded app at the printed link, the printed CLI works on it, and Ctrl+C stops the app and the emulator', async () => {
    const run = startDemo(home, ['--fresh']);
    try {
      const link = await run.waitFor(/Open: (\S+)/);
      expect(run.output()).toMatch(/Vault {7}\S+, its key in your OS keychain/);
      const session = await signInWithLink(link);
      const page = await fetch(`${session.Origin}/`, { headers: { cookie: session.Cookie } });
      expect(await page.text()).toContain('<div id="root">');
      const accounts = await api<{ name: string }[]>(session, 'accounts.list');
      expect(accounts.map((a) => a.name).sort()).toEqual(demoAccountNames);

      // The printed CLI command, run as printed (relative paths resolved against the checkout).
      const cli = runPrintedCli(run.output());
      expect(cli.dataFolder).toBe(path.join(home, 'data'));
      expect(cli.token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    } finally {
      run.child.kill('SIGINT');
    }
    expect(await run.exited).toBe(0);
    const cloud = (JSON.parse(readFileSync(path.join(home, 'data', 'clouds.json'), 'utf8')) as { custom?: { authorityHost: string }[] })
      .custom?.[0];
    expect(cloud?.authorityHost).toMatch(/^https:\/\/127\.0\.0\.1:\d+/);
    await expect(fetch(`${cloud?.authorityHost ?? ''}/common/v2.0/.well-known/openid-configuration`)).rejects.toThrow();
  }, 60_000);

  it('without a keychain, chooses no vault for the user: the sample data follows the choice made in the app', async () => {
    const noKeychain: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
    const run = startDemo(home, ['--fresh'], noKeychain);
    try {
      const link = await run.waitFor(/Open: (\S+)/);
      expect(run.output()).toContain('cannot be opened yet: No Secret Service is running');
      const session = await signInWithLink(link);
      expect(await api<{ state: string }>(session, 'vault.status')).toMatchObject({ state: 'unavailable' });
      await api(session, 'vault.open', { mode: 'memory' });
      await run.waitFor(/Sample data added/);
      expect(await api<unknown[]>(session, 'accounts.list')).toHaveLength(5);
    } finally {
      run.child.kill('SIGINT');
    }
    expect(await run.exited).toBe(0);
  }, 60_000);
});
