/**
 * What `npm run demo` prints: what the seed put in the data folder, the test users the emulator
 * accepts, and what to try (including the CLI on the same data). Built from the seed's result and
 * the emulator's scenario and the vault's state, so it says what is there, not what was meant to be.
 */
import path from 'node:path';
import type { RunningEmulator } from '../e2e/azure-emulator/server.ts';
import type { VaultStatus } from '../shared/vault.ts';
import type { DemoSeed } from './demo-seed.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A path as the user can paste it from the checkout: relative when inside the working folder, quoted when it has spaces. */
export function shellPath(folder: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, folder);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : folder;
  return /[^\w./-]/.test(shown) ? `'${shown.replaceAll("'", "'\\''")}'` : shown;
}

/** The lines that say what the demo holds. */
export function seedSummary(seed: DemoSeed): string[] {
  const names = (kind: 'arr' | 'acs') =>
    seed.accounts.filter((a) => a.kind === kind).map((a) => (a.kind === 'acs' && !a.hasAccessKey ? `${a.name} (Entra ID only)` : a.name));
  const count = (kind: string) => seed.tokens.filter((t) => t.kind === kind).length;
  const acsScopes = [...new Set(seed.tokens.filter((t) => t.kind === 'acs-user').flatMap((t) => t.scopes))].join(', ');
  const audited = seed.audit.cells.filter((c) => c.state === 'audited').length;
  const lines = [
    `  Accounts    ARR: ${names('arr').join(', ')}; ACS: ${names('acs').join(', ')}`,
    `  Identities  ${seed.identities.map((i) => `${i.name} (${i.kind === 'user' ? 'user' : 'service principal'})`).join(', ')}: signed in`,
    `  Tokens      ${plural(count('arr-sts'), 'ARR access token')}, ${plural(count('acs-user'), 'ACS user token')} ` +
      `(${acsScopes}), ${plural(count('entra'), 'Entra token')}: kept, see Tokens`,
    `  Roles       ${plural(seed.audit.identities.length, 'identity', 'identities')} × ` +
      `${plural(seed.audit.resources.length, 'resource')}, ${audited} audited: open Roles for the matrix (the desktop window asks ` +
      `you to press Run the audit)`,
  ];
  if (seed.forgotten > 0)
    lines.push(
      `  Note        ${plural(seed.forgotten, 'identity', 'identities')} from the last demo signed out: the emulator forgets ` +
        `sign-ins when it stops`,
    );
  return lines;
}

/** Where the vault key is, in one line, so the user knows what the demo chose, what the CLI can read, or what the app will ask. */
export function vaultLine(status: VaultStatus, dataFolder: string): string {
  const where = shellPath(dataFolder);
  if (status.state === 'locked')
    return (
      `  Vault       ${where}, locked: enter its passphrase in the app; the sample data is refreshed once it is open and the page ` +
      `shows it`
    );
  if (status.state === 'unavailable') {
    return (
      `  Vault       ${where} cannot be opened yet: ${status.message}\n` +
      "              Choose in the app's banner: a passphrase vault (the CLI can open it too) or memory only (the CLI cannot read it).\n" +
      '              The sample data is added once the vault is open, and the page shows it (or start again: npm run demo -- --fresh).'
    );
  }
  if (status.mode === 'keychain') return `  Vault       ${where}, its key in your OS keychain (the CLI reads it too)`;
  if (status.mode === 'passphrase') return `  Vault       ${where}, protected by the passphrase you chose`;
  return '  Vault       memory only: secrets end with this session and the CLI cannot read them';
}

/** The CLI commands to try on the demo's data, as the vault allows: none for memory only, with the passphrase's variable for a
 * passphrase vault. */
export function cliLines(status: VaultStatus, dataFolder: string): string[] {
  if (status.state === 'unavailable')
    return ['  CLI         printed once a vault is chosen in the app (a passphrase vault: the CLI cannot read memory only)'];
  if (status.state === 'open' && status.mode === 'memory') {
    return [
      '  CLI         cannot read this vault: memory only lives in this process alone (for the CLI too, start the demo again ' +
        'with the keychain or a passphrase vault)',
    ];
  }
  const home = `AZCRED_HOME=${shellPath(dataFolder)} node bin/azcred.js`;
  const lines = [
    `  CLI on the same data: ${home} token arr Showroom`,
    `                        ${home} token acs 'Support chat' --scopes chat,voip --new-user Tester`,
    `                        ${home} roles`,
  ];
  if (status.mode !== 'passphrase') return lines;
  return [
    ...lines,
    '  The vault has a passphrase: the CLI asks for it on a terminal, or reads it from AZCRED_VAULT_PASSPHRASE',
    '  (read -rs AZCRED_VAULT_PASSPHRASE && export AZCRED_VAULT_PASSPHRASE keeps it off the screen and out of your shell history)',
  ];
}

/** What the emulator's flags and roles make of each test user, in a few words. */
function userNote(emulator: RunningEmulator, user: RunningEmulator['scenario']['users'][number]): string {
  if (user.mfaRequired) return 'MFA required: see how the app explains AADSTS50076';
  if (user.conditionalAccessBlocked) return 'blocked by Conditional Access (AADSTS53003)';
  if (user.consentRequired) return 'asks for consent on first sign-in';
  if (user.refreshTokensExpired) return 'refresh tokens expire: the app asks to sign in again';
  if (user.signInFrequencySeconds !== undefined)
    return `must sign in again every ${user.signInFrequencySeconds} s (Conditional Access sign-in frequency)`;
  const { scenario } = emulator;
  const groups = scenario.groups.filter((g) => g.members.includes(user.id)).map((g) => g.id);
  const roles = scenario.roleAssignments
    .filter((a) => a.principalId === user.id || groups.includes(a.principalId))
    .map((a) => scenario.roleDefinitions.find((d) => d.id === a.role)?.roleName ?? a.role);
  const tenant = scenario.tenants.find((t) => t.id === user.tenant)?.displayName ?? user.tenant;
  return `${[...new Set(roles)].join(', ') || 'no roles'} (${tenant})`;
}

/** The test users and their passwords, and what else to try. */
export function tryLines(emulator: RunningEmulator, context: { caFile: string; signedIn: string[] }): string[] {
  const users = emulator.scenario.users.filter((u) => !context.signedIn.includes(u.userName));
  const passwords = new Set(users.map((u) => u.password));
  const width = Math.max(...users.map((u) => u.userName.length));
  return [
    'Try',
    `  Identities → Sign in, cloud "Azure emulator (local)"${passwords.size === 1 ? `, password ${[...passwords][0] ?? ''}` : ''}:`,
    ...users.map(
      (u) => `    ${u.userName.padEnd(width)}  ${userNote(emulator, u)}${passwords.size === 1 ? '' : `, password ${u.password}`}`,
    ),
    `  Sign-in pages come from the emulator's own test CA: the browser warns once; continue to 127.0.0.1, or trust ` +
      `${shellPath(context.caFile)}.`,
  ];
}
