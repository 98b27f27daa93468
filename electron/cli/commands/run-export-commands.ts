import type { AccountView } from '../../../shared/accounts.ts';
import { AppError } from '../../../shared/errors.ts';
import {
  accountEnvironment,
  environmentPrefix,
  formatEnvironment,
  printedSecrets,
  type EnvironmentFormat,
} from '../account-environment.ts';
import { stringOption, type CommandContext, type CommandDef } from '../command.ts';
import { findAccount } from './account-commands.ts';
import { findIdentity } from './identity-commands.ts';
import { runCommand } from '../run-command.ts';

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
        read: printedSecrets(context),
      }),
    );
  }
  return variables;
}

export const runExportCommands: CommandDef[] = [
  {
    name: 'run',
    summary: 'run a command as an Entra identity (a managed-identity endpoint) or with account credentials in its environment only',
    options: {
      identity: {
        type: 'string',
        multiple: true,
        value: 'ID',
        description:
          'without --account: serve this identity to the command as a managed identity (repeat to let it pick others by ' +
          'client_id/object_id); with --account: mint ARR tokens through it instead of the account key',
      },
      allow: {
        type: 'string',
        multiple: true,
        value: 'RESOURCE',
        description: 'with --identity: the only resources it may get tokens for (repeatable)',
      },
      account: { type: 'string', multiple: true, value: 'NAME', description: 'an account whose credentials to pass (repeat for more)' },
      'with-key': { type: 'boolean', description: 'also pass the account key / ACS connection string' },
      'env-file': { type: 'string', value: 'FILE', description: 'a .env file to add; its azcred://ACCOUNT/FIELD values are resolved' },
      'no-masking': { type: 'boolean', description: "show the secrets passed in the command's output instead of masking them" },
    },
    passThrough: true,
    details:
      "As an identity: IDENTITY_ENDPOINT, IDENTITY_HEADER, MSI_ENDPOINT and MSI_SECRET point the command's Azure SDK " +
      '(ManagedIdentityCredential, DefaultAzureCredential) at a loopback endpoint that lives as long as the command; no key or ' +
      'token is in its environment. Every token served is in `azcred log`.\n' +
      'References: a value azcred://ACCOUNT/FIELD in --env-file or the environment is replaced by the stored value (ARR: ' +
      'accountId, accountDomain, primaryKey, secondaryKey; ACS: endpoint, connectionString, accessKey). Secrets passed are ' +
      "masked in the command's output unless --no-masking.\n" +
      'With --account: ARR_ACCOUNT_ID, ARR_ACCOUNT_DOMAIN, ARR_ACCESS_TOKEN (+ ARR_ACCOUNT_KEY with --with-key); ACS_ENDPOINT (+ ' +
      'ACS_CONNECTION_STRING with --with-key). With several accounts of one kind, each is prefixed with its name ' +
      '(SHOWROOM_ARR_ACCOUNT_ID).\n' +
      'Examples: azcred run --identity build-agent --allow https://management.azure.com -- node deploy.js\n' +
      '          azcred run --env-file .env -- python render.py\n' +
      '          azcred run --account Showroom -- python render.py',
    run: runCommand,
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
      // Each secret read is recorded as printed by the core (never its value) before it is shown.
      context.io.out(formatEnvironment(await environmentFor(context, [account], context.values['reveal'] === true), format));
    },
  },
];
