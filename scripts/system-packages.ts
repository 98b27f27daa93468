/**
 * The machine's own packages the tests need, installed by `npm test` itself the way
 * `playwright install --with-deps` does: Chromium (Playwright drives Debian's, never a download of
 * its own), a real Secret Service on a private D-Bus (gnome-keyring, dbus), libsecret's headers
 * with pkg-config to build keytar's native part, and curl (tests run the curl commands the app writes). On Debian and Ubuntu they come
 * from apt-get, as
 * root or through sudo; elsewhere, or when neither is allowed, the message names what to install.
 */
import { spawnSync } from 'node:child_process';

const succeeds = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const onPath = (command: string) => () => succeeds('sh', ['-c', `command -v ${command}`]);

/** Debian package → how to tell, on a system without dpkg, that what it gives is there. */
export const testPackages: Readonly<Record<string, () => boolean>> = {
  chromium: () => Boolean(process.env['CHROMIUM_PATH']) || onPath('chromium')(),
  'gnome-keyring': onPath('gnome-keyring-daemon'),
  dbus: onPath('dbus-run-session'),
  'libsecret-1-dev': () => succeeds('pkg-config', ['--exists', 'libsecret-1']),
  'pkg-config': onPath('pkg-config'),
  python3: onPath('python3'),
  make: onPath('make'),
  'g++': onPath('g++'),
  // The token-export tests run the curl commands the app writes for the user.
  curl: onPath('curl'),
};

function isInstalled(name: string): boolean {
  const run = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return run.status === 0 && run.stdout.includes('install ok installed');
}

/** The packages from `names` that dpkg does not have installed. */
export function missingPackages(names: readonly string[] = Object.keys(testPackages)): string[] {
  return names.filter((name) => !isInstalled(name));
}

export type Installer = { command: string[] } | { refusal: string };

/** How this process may run apt-get: directly as root, through sudo without a password prompt, or not at all. */
export function aptInstaller(isRoot = process.getuid?.() === 0, hasSudo = () => succeeds('sudo', ['-n', 'true'])): Installer {
  if (isRoot) return { command: [] };
  if (hasSudo()) return { command: ['sudo', '-n', '--preserve-env=DEBIAN_FRONTEND'] };
  return { refusal: 'npm test is not running as root and sudo needs a password' };
}

/**
 * Installs what is missing. Answers an error text (the fix in words) when it cannot, undefined
 * when everything is there. `AZCRED_SKIP_SYSTEM_PACKAGES=1` leaves the machine alone.
 */
export function ensureTestPackages(
  log: (line: string) => void = console.log,
  names: readonly string[] = Object.keys(testPackages),
): string | undefined {
  if (process.platform !== 'linux' || process.env['AZCRED_SKIP_SYSTEM_PACKAGES'] === '1') return undefined;
  if (!succeeds('dpkg-query', ['--version']) || !succeeds('apt-get', ['--version'])) {
    const absent = Object.entries(testPackages).filter(([, present]) => !present());
    if (absent.length === 0) return undefined;
    return (
      `The tests need ${absent.map(([name]) => name).join(', ')} (Chromium, gnome-keyring with D-Bus, libsecret's headers and a ` +
      `C++ toolchain). This is not a Debian-based system, so npm test cannot install them: install them with your package manager, ` +
      `then run npm test again.`
    );
  }
  const missing = missingPackages(names);
  if (missing.length === 0) return undefined;
  const manual = `sudo apt-get install --no-install-recommends ${missing.join(' ')}`;
  const installer = aptInstaller();
  if ('refusal' in installer)
    return (
      `The tests need these Debian packages: ${missing.join(' ')}. ${installer.refusal}, so install them yourself and run npm ` +
      `test again:\n  ${manual}`
    );
  log(`Installing the Debian packages the tests need: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [sudo, ...sudoArgs] = installer.command;
  const apt = (args: string[]) =>
    sudo
      ? spawnSync(sudo, [...sudoArgs, 'apt-get', ...args], { stdio: 'inherit', env })
      : spawnSync('apt-get', args, { stdio: 'inherit', env });
  const update = apt(['update', '-qq']);
  const install = update.status === 0 ? apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]) : update;
  if (install.status !== 0)
    return (
      `apt-get could not install ${missing.join(' ')} (exit ${install.status ?? install.signal}). Fix what it printed above, or ` +
      `run: ${manual}`
    );
  const still = missingPackages(missing);
  return still.length > 0 ? `apt-get finished but ${still.join(' ')} is still not installed. Run: ${manual}` : undefined;
}
