import { spawn } from 'node:child_process';
import type { AccountView } from '../../../shared/accounts.ts';
import { AppError } from '../../../shared/errors.ts';
import { accountEnvironment, environmentPrefix, formatEnvironment, type EnvironmentFormat } from '../account-environment.ts';
import { stringOption, type CommandContext, type CommandDef } from '../command.ts';
import { findAccount } from './account-commands.ts';
import { findIdentity } from './identity-commands.ts';
import { vaultPassphraseVariable } from '../vault-passphrase.ts';

async function environmentFor(context: CommandContext, accounts: AccountView[], withKey: boolean): Promise<Record<string, string>> {
  const identity = stringOption(context, 'identity');
  const via = identity ? { identityId: (await findIdentity(context, identity)).id } : undefined;
  const variables: Record<string, string> = {};
  for (const account of accounts) {
    const sameKind = accounts.filter((a) => a.kind === account.kind).length;
    Object.assign(
      variables,
      await accountEnvironment(context, account, {
        withKey,
        prefix: sameKind > 1 ? environmentPrefix(account.name) : '',
        ...(via && account.kind === 'arr' ? { via } : {}),
      }),
    );
  }
  return variables;
}

export const runExportCommands: CommandDef[] = [
  {
    name: 'run',
    summary: "run a command with account credentials in its environment only (never the shell's or its history)",
    options: {
      account: { type: 'string', multiple: true, value: 'NAME', description: 'an account whose credentials to pass (repeat for more)' },
      identity: { type: 'string', value: 'ID', description: 'mint ARR tokens through this Entra identity instead of the account key' },
      'with-key': { type: 'boolean', description: 'also pass the account key / ACS connection string' },
    },
    passThrough: true,
    details:
      'Variables: ARR_ACCOUNT_ID, ARR_ACCOUNT_DOMAIN, ARR_ACCESS_TOKEN (+ ARR_ACCOUNT_KEY with --with-key); ACS_ENDPOINT (+ ' +
      'ACS_CONNECTION_STRING with --with-key). With several accounts of one kind, each is prefixed with its name ' +
      '(SHOWROOM_ARR_ACCOUNT_ID).\nExample: azcred run --account Showroom -- python render.py',
    async run(context) {
      if (context.rest.length === 0)
        throw new AppError(
          'invalid_input',
          'Give the command to run after --, for example: azcred run --account Showroom -- python render.py',
        );
      const names = (context.values['account'] as string[] | undefined) ?? [];
      const accounts = await Promise.all(names.map((name) => findAccount(context, name)));
      const variables = await environmentFor(context, accounts, context.values['with-key'] === true);
      const [command = '', ...args] = context.rest;
      const code = await new Promise<number>((resolve, reject) => {
        // The vault's passphrase opened the vault for azcred: the program it runs gets credentials, never the vault.
        const { [vaultPassphraseVariable]: _passphrase, ...inherited } = process.env;
        const child = spawn(command, args, { stdio: 'inherit', env: { ...inherited, ...variables } });
        const forward = (signal: NodeJS.Signals) => child.kill(signal);
        process.on('SIGINT', forward).on('SIGTERM', forward);
        child.on('error', (error: NodeJS.ErrnoException) =>
          reject(
            new AppError(
              error.code === 'ENOENT' ? 'not_found' : 'invalid_input',
              `Cannot run ${command}: ${error.code === 'ENOENT' ? 'no such command' : 'it could not be started'}.`,
            ),
          ),
        );
        child.on('close', (status, signal) => {
          process.off('SIGINT', forward).off('SIGTERM', forward);
          resolve(status ?? (signal === 'SIGINT' ? 130 : 1));
        });
      });
      return code;
    },
  },
  {
    name: 'export',
    summary: "print an account's variables as .env, JSON, shell `export` or PowerShell `$env:` lines",
    args: [{ name: 'NAME', description: 'the account' }],
    options: {
      format: { type: 'string', value: 'env|json|shell|powershell', description: 'the form to print (default env)' },
      identity: { type: 'string', value: 'ID', description: 'mint ARR tokens through this Entra identity instead of the account key' },
      reveal: { type: 'boolean', description: 'include the account key / ACS connection string' },
    },
    details: 'Example: eval "$(azcred export Showroom --format shell)"',
    async run(context) {
      const format = (stringOption(context, 'format') ?? 'env') as EnvironmentFormat;
      if (!['env', 'json', 'shell', 'powershell'].includes(format))
        throw new AppError('invalid_input', '--format takes env, json, shell or powershell.');
      const account = await findAccount(context, context.positionals[0] ?? '');
      context.io.out(formatEnvironment(await environmentFor(context, [account], context.values['reveal'] === true), format));
    },
  },
];
