import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithLink } from '../electron/web/test-support/browser-session.ts';
import { outputUntil } from '../electron/core/test-support/output-until.ts';

const start = fileURLToPath(new URL('./start.ts', import.meta.url));
let home: string;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'azcred-start-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

/** This process's environment as on a server: no display, CI set (so no browser is launched). */
function headlessEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AZCRED_HOME: home, CI: 'true' };
  delete env['DISPLAY'];
  delete env['WAYLAND_DISPLAY'];
  return env;
}

/** Runs `npm start`'s script until it prints the launch link, then stops it. */
function startUntilLink(env: NodeJS.ProcessEnv): Promise<string> {
  return outputUntil(start, env, (output) => /Open: http:\S+/.test(output), { ms: 60_000, for: 'launch link within 60 s' });
}

describe('npm start on a machine without a display', () => {
  it('says why in one paragraph, then serves browser mode at a link that works', async () => {
    const env = headlessEnv();
    const output = await startUntilLink(env);
    expect(output).toMatch(/The desktop window cannot open on this machine: there is no display .*Starting browser mode instead/s);
    const link = /Open: (http:\/\/127\.0\.0\.1:\d+\/auth#token=[\w-]{43})/.exec(output)?.[1];
    expect(link).toBeDefined();
  }, 90_000);

  it('serves what the printed link points at until it is stopped', async () => {
    const env = headlessEnv();
    const child = spawn(process.execPath, [start, '--browser'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const link = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const match = /Open: (\S+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
    });
    try {
      const session = await signInWithLink(link);
      const page = await fetch(new URL('/', link), { headers: { cookie: session.Cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
    }
  }, 90_000);
});
