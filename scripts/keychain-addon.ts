/**
 * keytar's native part (the OS keychain addon), built from source here instead of by keytar's own
 * install script: that script first tries to download a prebuilt binary (unreachable offline), and
 * fails the whole `npm install` when libsecret's headers are missing. keytar is an optional
 * dependency with its script denied in package.json `allowScripts`; this builds it when it can and
 * otherwise says in one line what the app does without it (offers a passphrase vault).
 *
 * `node scripts/keychain-addon.ts` (npm's postinstall) never fails the install;
 * `--require` (npm test, after installing the system packages) fails when the addon cannot be built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const keytarDir = path.join(root, 'node_modules', 'keytar');
const addon = path.join(keytarDir, 'build', 'Release', 'keytar.node');

export type AddonState = { state: 'built' } | { state: 'unbuilt' } | { state: 'absent' | 'no-headers'; why: string };

/** Whether keytar's addon is there, and if not, whether it can be built on this machine. */
export function keychainAddonState(): AddonState {
  if (!existsSync(keytarDir)) return { state: 'absent', why: 'keytar was not installed (npm install --omit=optional)' };
  if (existsSync(addon)) return { state: 'built' };
  if (process.platform === 'linux' && !hasLibsecretHeaders()) {
    return { state: 'no-headers', why: "libsecret's headers are missing (Debian/Ubuntu: sudo apt-get install libsecret-1-dev)" };
  }
  return { state: 'unbuilt' };
}

function hasLibsecretHeaders(): boolean {
  return spawnSync('pkg-config', ['--exists', 'libsecret-1']).status === 0;
}

/**
 * Node's headers for node-gyp, without a download: npm's configured `nodedir`, the running Node's
 * own (`<prefix>/include/node`, which the npm registry's node-<platform>-<arch> package ships), or
 * the system Node's. keytar is a Node-API addon, so any Node's headers give one binary for all.
 */
export function nodeHeadersDir(): string | undefined {
  if (process.env['npm_config_nodedir']) return process.env['npm_config_nodedir'];
  const candidates = [path.dirname(path.dirname(realpathSync(process.execPath)))];
  try {
    const nodePackage = path.dirname(
      createRequire(path.join(root, 'node_modules', 'node', 'package.json')).resolve(
        `node-${process.platform}-${process.arch}/package.json`,
      ),
    );
    candidates.push(nodePackage);
  } catch {
    // No platform package: a later `npm install` prunes it (the node package installs it unsaved).
  }
  // The system Node's headers (Debian's and NodeSource's nodejs ship them): any Node's serve a Node-API addon.
  candidates.push('/usr', '/usr/local');
  return candidates.find((dir) => existsSync(path.join(dir, 'include', 'node', 'common.gypi')));
}

/** node-gyp as npm ships it (npm passes its path to every script it runs), else a local one. */
function nodeGyp(): string | undefined {
  const fromNpm = process.env['npm_config_node_gyp'];
  if (fromNpm && existsSync(fromNpm)) return fromNpm;
  try {
    return createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return undefined;
  }
}

/** Builds the addon in node_modules/keytar; answers what went wrong, in a line, when it could not. */
export function buildKeychainAddon(): { ok: true } | { ok: false; why: string; output: string } {
  const gyp = nodeGyp();
  if (!gyp) return { ok: false, why: 'node-gyp was not found (run this through npm)', output: '' };
  const headers = nodeHeadersDir();
  const args = [gyp, 'rebuild', ...(headers ? [`--nodedir=${headers}`] : [])];
  const run = spawnSync(process.execPath, args, { cwd: keytarDir, encoding: 'utf8' });
  if (run.status === 0 && existsSync(addon)) return { ok: true };
  return { ok: false, why: `node-gyp failed (exit ${run.status ?? run.signal})`, output: `${run.stdout}\n${run.stderr}`.trim() };
}

const withoutIt =
  'Until then the app and azcred cannot use the OS keychain and offer a passphrase-protected vault instead (npm test installs ' +
  'what it needs by itself).';

function main(requireAddon: boolean): number {
  const found = keychainAddonState();
  if (found.state === 'built') return 0;
  if (found.state !== 'unbuilt') {
    console.log(
      found.state === 'absent'
        ? `The OS keychain is not available: ${found.why}. ${withoutIt}`
        : `The OS keychain addon (keytar) is not built: ${found.why}, then run npm run build:keychain. ${withoutIt}`,
    );
    return requireAddon ? 1 : 0;
  }
  const built = buildKeychainAddon();
  if (built.ok) {
    console.log('Built the OS keychain addon (keytar) from source.');
    return 0;
  }
  console.log(
    `The OS keychain addon (keytar) could not be built: ${built.why}.\n${built.output.split('\n').slice(-15).join('\n')}\n${withoutIt}`,
  );
  return requireAddon ? 1 : 0;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exit(main(process.argv.includes('--require')));
