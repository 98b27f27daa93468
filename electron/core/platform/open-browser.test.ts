import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserCommand, browserOpeningLine, openInDefaultBrowserAndSee } from './open-browser.ts';
import { outputUntil } from '../test-support/output-until.ts';

const url = 'http://127.0.0.1:1234/auth?token=x';

describe('browserCommand', () => {
  it('opens the default browser on a desktop', () => {
    expect(browserCommand(url, { DISPLAY: ':0' }, 'linux')).toEqual({ file: 'xdg-open', args: [url] });
    expect(browserCommand(url, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')?.file).toBe('xdg-open');
    expect(browserCommand(url, {}, 'darwin')).toEqual({ file: 'open', args: [url] });
    expect(browserCommand(url, {}, 'win32')?.args).toContain(url);
  });

  it('opens nothing in CI, when asked not to, or on Linux without a display', () => {
    expect(browserCommand(url, { CI: 'true', DISPLAY: ':0' }, 'linux')).toBeUndefined();
    expect(browserCommand(url, { AZCRED_NO_BROWSER: '1' }, 'darwin')).toBeUndefined();
    expect(browserCommand(url, {}, 'linux')).toBeUndefined();
  });
});

/** A folder to use as PATH: empty, or holding an `xdg-open` stand-in. */
let bin: string;
beforeAll(async () => {
  bin = await mkdtemp(path.join(os.tmpdir(), 'azcred-open-browser-'));
});
afterAll(() => rm(bin, { recursive: true, force: true }));

async function fakeXdgOpen(script: string): Promise<string> {
  const folder = await mkdtemp(path.join(bin, 'path-'));
  await writeFile(path.join(folder, 'xdg-open'), `#!/bin/sh\n${script}\n`);
  await chmod(path.join(folder, 'xdg-open'), 0o755);
  return folder;
}

describe.runIf(process.platform === 'linux')('openInDefaultBrowserAndSee', () => {
  it('says the browser opened only when xdg-open handed the link on', async () => {
    const folder = await fakeXdgOpen(`printf '%s\\n' "$@" > "${bin}/args"`);
    expect(await openInDefaultBrowserAndSee(url, { DISPLAY: ':0', PATH: folder })).toEqual({ state: 'opened' });
    expect((await readFile(path.join(bin, 'args'), 'utf8')).trim()).toBe(url);
  });

  it('says no browser could be opened when xdg-open is missing or fails, and why', async () => {
    const empty = await mkdtemp(path.join(bin, 'empty-'));
    const missing = await openInDefaultBrowserAndSee(url, { DISPLAY: ':0', PATH: empty });
    expect(missing).toEqual({ state: 'failed', why: 'xdg-open is not installed' });
    expect(browserOpeningLine(missing)).toBe(
      'No browser could be opened (xdg-open is not installed): open the link above by hand, in a browser on this machine.',
    );
    // What xdg-open does when no browser is set up: exit code 3, "no method available for opening".
    const failing = await openInDefaultBrowserAndSee(url, { DISPLAY: ':0', PATH: await fakeXdgOpen('exit 3') });
    expect(failing).toEqual({ state: 'failed', why: 'xdg-open failed with exit code 3' });
  });

  it('says the browser is opening while xdg-open still runs it, and nothing was opened without a display', async () => {
    expect(
      await openInDefaultBrowserAndSee(
        url,
        { DISPLAY: ':0', PATH: await fakeXdgOpen(`exec '${process.execPath}' -e 'setTimeout(() => {}, 2000)'`) },
        200,
      ),
    ).toEqual({ state: 'opening' });
    const headless = await openInDefaultBrowserAndSee(url, { PATH: await fakeXdgOpen('exit 0') });
    expect(browserOpeningLine(headless)).toBe(
      'No browser was opened (this machine has no display): open the link above by hand, in a browser on this machine.',
    );
  });
});

const host = fileURLToPath(new URL('../../web/main.ts', import.meta.url));

/** Runs browser mode's host until it has said what came of opening the browser, then stops it. */
function hostOutput(env: NodeJS.ProcessEnv): Promise<string> {
  const saidBrowser = (output: string) => /browser/i.test(output.split('Press Ctrl+C to stop.')[1] ?? '');
  return outputUntil(host, env, saidBrowser, { ms: 30_000, for: 'word on the browser within 30 s' });
}

describe.runIf(process.platform === 'linux')('browser mode on a desktop without xdg-open', () => {
  it('prints the launch link to open by hand and does not claim a browser opened', async () => {
    const home = await mkdtemp(path.join(bin, 'home-'));
    const empty = await mkdtemp(path.join(bin, 'empty-'));
    const output = await hostOutput({ HOME: home, AZCRED_HOME: home, DISPLAY: ':0', PATH: empty });
    expect(output).toMatch(/Open: http:\/\/127\.0\.0\.1:\d+\/auth#token=[\w-]{43}\n/);
    expect(output).toContain(
      'No browser could be opened (xdg-open is not installed): open the link above by hand, in a browser on this machine.',
    );
    expect(output).not.toMatch(/Open(ed|ing) it in your default browser/);
  }, 40_000);
});
