import type { AccountSecret, AccountView } from '../../shared/accounts.ts';
import { powerShellQuote, shellQuote } from '../../shared/acs-request-signing.ts';
import { dotenvValue } from '../core/tokens/token-export-formats.ts';
import type { CommandContext } from './command.ts';
import { arrTokenOf, reusableToken } from './reusable-token.ts';

/** How a command reads the values it hands out, which decides how the access log records them. */
export interface SecretReader {
  token(id: string): Promise<string>;
  secret(accountId: string, secret: AccountSecret): Promise<string>;
}

/** Values printed to stdout (`azcred export`): through the contract, which records each as printed. */
export function printedSecrets(context: CommandContext): SecretReader {
  return {
    token: async (id) => (await context.call('tokens.reveal', { id, purpose: 'print' })).value,
    secret: async (id, secret) => (await context.call('accounts.reveal', { id, secret, purpose: 'print' })).value,
  };
}

/** Values handed to a program (`azcred run`): from the core's services, the vault opened first; the command records them as served. */
export function programSecrets(context: CommandContext): SecretReader {
  return {
    token: async (id) => (await context.openVault(), (await context.core().tokens.reveal(id)).value),
    secret: async (id, secret) => (await context.openVault(), context.core().accounts.readSecret(id, secret)),
  };
}

/**
 * The environment variables that carry an account's credentials to a tool: ids and a fresh
 * service token, plus the key or connection string only when asked. With several accounts of a
 * kind, each is prefixed with its name (SHOWROOM_ARR_ACCOUNT_ID), the shape `.env` import reads.
 */
export async function accountEnvironment(
  context: CommandContext,
  account: AccountView,
  options: { withKey: boolean; prefix: string; via?: { identityId: string }; read: SecretReader },
): Promise<Record<string, string>> {
  const p = options.prefix;
  if (account.kind === 'arr') {
    const via = options.via ?? (account.hasPrimaryKey ? ('primaryKey' as const) : undefined);
    const variables: Record<string, string> = {
      [`${p}ARR_ACCOUNT_ID`]: account.accountId,
      [`${p}ARR_ACCOUNT_DOMAIN`]: account.accountDomain,
    };
    if (via) {
      const cached = await reusableToken(context, arrTokenOf(account.id, via));
      const token = cached ?? (await context.call('tokens.mintArr', { accountId: account.id, via, keep: true }));
      variables[`${p}ARR_ACCESS_TOKEN`] = await options.read.token(token.id);
    }
    if (options.withKey && account.hasPrimaryKey) variables[`${p}ARR_ACCOUNT_KEY`] = await options.read.secret(account.id, 'primaryKey');
    return variables;
  }
  const variables: Record<string, string> = { [`${p}ACS_ENDPOINT`]: account.endpoint };
  if (options.withKey && account.hasAccessKey)
    variables[`${p}ACS_CONNECTION_STRING`] = await options.read.secret(account.id, 'connectionString');
  return variables;
}

/** `Showroom west` → `SHOWROOM_WEST_`. */
export function environmentPrefix(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return stem ? `${/^[0-9]/.test(stem) ? `_${stem}` : stem}_` : '';
}

export type EnvironmentFormat = 'env' | 'json' | 'shell' | 'powershell';

/** Renders variables for a `.env` file, POSIX shell, PowerShell (this session only) or JSON, quoted as token exports are, so values
 * come back byte for byte. */
export function formatEnvironment(variables: Record<string, string>, format: EnvironmentFormat): string {
  const entries = Object.entries(variables);
  switch (format) {
    case 'json':
      return JSON.stringify(variables, null, 2);
    case 'shell':
      return entries.map(([name, value]) => `export ${name}=${shellQuote(value)}`).join('\n');
    case 'powershell':
      return entries.map(([name, value]) => `$env:${name} = ${powerShellQuote(value)}`).join('\n');
    case 'env':
      return entries.map(([name, value]) => `${name}=${dotenvValue(value)}`).join('\n');
  }
}
