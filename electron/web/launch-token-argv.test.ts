import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redeem, tokenOf } from './test-support/browser-session.ts';

const host = fileURLToPath(new URL('./main.ts', import.meta.url));
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-launch-argv-'));
  await chmod(folder, 0o755); // what keeps `nobody` out must be the runtime folder and the file's own mode, not this test's folder
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** Every process's command line, as a local user sees them in /proc (here as root: all of them). */
function allCommandLines(): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        return ''; // the process ended meanwhile
      }
    });
}

/** Runs the real host until it has printed `count` launch links. */
function waitForLinks(child: ChildProcessWithoutNullStreams, output: () => string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${count} launch links within 30 s:\n${output()}`)), 30_000);
    const check = () => {
      const links = [...output().matchAll(/Open: (\S+)/g)].map((m) => m[1] ?? '');
      if (links.length >= count) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(links);
      }
    };
    child.stdout.on('data', check);
    check();
  });
}

describe.runIf(process.platform === 'linux')('the launch token, as another local user sees the machine', () => {
  it(
    'is in no process’s argv: the browser is opened on a 0600 launcher file, removed once the link is used, and Enter prints a ' +
      'fresh link',
    async () => {
      const bin = await mkdtemp(path.join(folder, 'bin-'));
      const notes = await mkdtemp(path.join(folder, 'notes-'));
      const runtime = await mkdtemp(path.join(folder, 'runtime-'));
      const home = await mkdtemp(path.join(folder, 'home-'));
      // The opener records what it was given and how the file it names is, then keeps running as a browser would.
      await writeFile(
        path.join(bin, 'xdg-open'),
        `#!/bin/sh\nprintf '%s\\n' "$@" > "${notes}/args"\n/usr/bin/stat -c %a "$1" > "${notes}/mode"\n/bin/cat "$1" > ` +
          `"${notes}/page"\n: > "${notes}/done"\nexec /bin/sleep 3\n`,
      );
      await chmod(path.join(bin, 'xdg-open'), 0o755);

      const child = spawn(process.execPath, [host], {
        env: { HOME: home, AZCRED_HOME: home, DISPLAY: ':0', PATH: bin, XDG_RUNTIME_DIR: runtime },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      try {
        const [link = ''] = await waitForLinks(child, () => output, 1);
        const token = tokenOf(link);
        expect(token).toMatch(/^[\w-]{43}$/);
        while (!existsSync(path.join(notes, 'done'))) await sleep(50);

        // While the opener runs: no command line holds the token, as root sees them nor as `nobody` does.
        expect(allCommandLines().filter((line) => line.includes(token))).toEqual([]);
        const asNobody = spawnSync(
          'runuser',
          ['-u', 'nobody', '--', '/bin/sh', '-c', 'cat /proc/[0-9]*/cmdline 2>/dev/null | tr "\\0" " "'],
          { encoding: 'utf8' },
        );
        expect(asNobody.status).toBe(0);
        expect(asNobody.stdout.length).toBeGreaterThan(0);
        expect(asNobody.stdout).not.toContain(token);

        // The opener was given a path in the user's runtime folder, readable by this user only.
        const args = (await readFile(path.join(notes, 'args'), 'utf8')).trim();
        expect(path.dirname(args)).toBe(runtime);
        expect(args).toMatch(/\.html$/);
        expect(args).not.toContain(token);
        expect((await readFile(path.join(notes, 'mode'), 'utf8')).trim()).toBe('600');
        expect(await readFile(path.join(notes, 'page'), 'utf8')).toContain(`url=${link}`);
        expect(spawnSync('runuser', ['-u', 'nobody', '--', '/bin/cat', args]).status).not.toBe(0);

        // Used once, the link is dead and its launcher file gone.
        const origin = new URL(link).origin;
        expect((await redeem(origin, token)).status).toBe(200);
        expect((await redeem(origin, token)).status).toBe(401);
        for (let i = 0; i < 20 && existsSync(args); i++) await sleep(50);
        expect(existsSync(args)).toBe(false);
        expect((await stat(runtime)).isDirectory()).toBe(true);

        // Enter in the terminal: a fresh link, which works once too.
        child.stdin.write('\n');
        const [, fresh = ''] = await waitForLinks(child, () => output, 2);
        expect(tokenOf(fresh)).not.toBe(token);
        expect((await redeem(origin, tokenOf(fresh))).status).toBe(200);
        expect((await redeem(origin, tokenOf(fresh))).status).toBe(401);
      } finally {
        child.kill('SIGTERM');
      }
    },
    60_000,
  );
});
