import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithLink, type SignedIn } from '../electron/web/test-support/browser-session.ts';
import { sessionSecretHeader } from '../shared/browser-session.ts';
import { demoAccountNames } from './test-support/demo-expected.ts';

const demo = fileURLToPath(new URL('./demo.ts', import.meta.url));
const azcred = fileURLToPath(new URL('../bin/azcred.js', import.meta.url));
let home: string;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'azcred-demo-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

interface RunningDemo {
  child: ChildProcess;
  output(): string;
  /** Resolves with the output once it matches. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

function startDemo(args: string[], env: NodeJS.ProcessEnv = process.env): RunningDemo {
  const child = spawn(process.execPath, [demo, '--no-open', '--home', home, ...args], {
    env: { ...env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) return resolve(match[1] ?? match[0]);
          if (child.exitCode !== null) return reject(new Error(`the demo ended (${child.exitCode}) before ${pattern}:\n${output}`));
          waiters.push(check);
        };
        child.on('exit', check);
        check();
      }),
  };
}

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
    const run = startDemo(['--fresh']);
    try {
      const link = await run.waitFor(/Open: (\S+)/);
      expect(run.output()).toMatch(/Vault {7}\S+, its key in your OS keychain/);
      const session = await signInWithLink(link);
      const page = await fetch(`${session.Origin}/`, { headers: { cookie: session.Cookie } });
      expect(await page.text()).toContain('<div id="root">');
      const accounts = await api<{ name: string }[]>(session, 'accounts.list');
      expect(accounts.map((a) => a.name).sort()).toEqual(demoAccountNames);

      // The printed CLI command, run as printed (relative paths resolved against the checkout).
      const command = /CLI on the same data: AZCRED_HOME=(\S+) node bin\/azcred\.js token arr Showroom/.exec(run.output());
      expect(command?.[1]).toBe(path.join(home, 'data'));
      const cli = spawnSync(process.execPath, [azcred, 'token', 'arr', 'Showroom'], {
        env: { ...process.env, AZCRED_HOME: command?.[1] },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(cli.stderr).toBe('');
      expect(cli.stdout.trim()).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
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
    const run = startDemo(['--fresh'], noKeychain);
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
