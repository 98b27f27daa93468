import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainAddonState, nodeHeadersDir } from './keychain-addon.ts';
import { aptInstaller } from './system-packages.ts';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  allowScripts: Record<string, boolean>;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const installed = (name: string): string =>
  (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('how the native parts are obtained', () => {
  it("never runs keytar's or Electron's own download scripts, and keeps keytar optional so an install without libsecret succeeds", () => {
    expect(pkg.allowScripts).toMatchObject({ keytar: false, electron: false, node: true });
    expect(pkg.optionalDependencies).toHaveProperty('keytar');
    expect(pkg.dependencies ?? {}).not.toHaveProperty('keytar');
    expect(pkg.scripts['prepare']).toBe('node scripts/prepare.cjs');
  });

  it("finds Node's headers on this machine, so node-gyp downloads none", () => {
    const headers = nodeHeadersDir();
    expect(headers).toBeDefined();
    expect(existsSync(path.join(headers ?? '', 'include', 'node', 'node_api.h'))).toBe(true);
  });

  it('has built the addon from source here (npm test builds it before the tests run)', () => {
    expect(keychainAddonState()).toEqual({ state: 'built' });
  });

  it("runs on the registry's Node of the supported major, and Electron's newest 45 patch", () => {
    expect(pkg.devDependencies['node']).toMatch(/^\^24\./);
    expect(process.versions.node.split('.')[0]).toBe('24');
    const [major, minor] = installed('electron').split('.').map(Number);
    expect(major).toBe(45);
    expect(minor).toBeGreaterThanOrEqual(6);
  });
});

describe('installing the Debian packages the tests need', () => {
  it('uses apt-get directly as root, sudo without a prompt otherwise, and names the fix when neither is allowed', () => {
    expect(aptInstaller(true, () => false)).toEqual({ command: [] });
    expect(aptInstaller(false, () => true)).toEqual({ command: ['sudo', '-n', '--preserve-env=DEBIAN_FRONTEND'] });
    expect(aptInstaller(false, () => false)).toEqual({ refusal: expect.stringMatching(/not running as root and sudo needs a password/) });
  });

  // A second, unprivileged user (nobody) with a package missing: nothing is installed, no network is
  // touched, and the message is the one line to run.
  const nobodyCanRunThis =
    process.getuid?.() === 0 &&
    existsSync('/usr/sbin/runuser') &&
    spawnSync('/usr/sbin/runuser', [
      '-u',
      'nobody',
      '--',
      'sh',
      '-c',
      'test -x "$0" && test -r "$1"',
      process.execPath,
      path.join(root, 'scripts', 'system-packages.ts'),
    ]).status === 0;
  // Needs a checkout that user nobody can read (not one under root's 0700 home).
  it.runIf(nobodyCanRunThis)('tells a user without root or sudo the apt-get line to run', () => {
    const script =
      `import { ensureTestPackages } from ${JSON.stringify(path.join(root, 'scripts', 'system-packages.ts'))}; ` +
      `console.log(ensureTestPackages(() => {}, ['chromium', 'azcred-test-no-such-package']));`;
    const run = spawnSync('/usr/sbin/runuser', ['-u', 'nobody', '--', process.execPath, '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: '/',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'The tests need these Debian packages: azcred-test-no-such-package. npm test is not running as root and sudo needs a ' +
        'password, so install them yourself and run npm test again:\n' +
        '  sudo apt-get install --no-install-recommends azcred-test-no-such-package\n',
    );
  });
});
