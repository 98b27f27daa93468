import { readInputFile } from '../cli-io.ts';
import path from 'node:path';
import type { AccountSecret, AccountView } from '../../../shared/accounts.ts';
import { AppError } from '../../../shared/errors.ts';
import { namesAccount } from '../account-name.ts';
import { stringOption, type CommandContext, type CommandDef } from '../command.ts';
import { listOutput, printJson, table } from '../format.ts';

/** An account by its name (case-insensitive) or the app's id for it. */
export async function findAccount(context: CommandContext, nameOrId: string): Promise<AccountView> {
  const accounts = await context.call('accounts.list');
  const found = accounts.find((a) => namesAccount(a, nameOrId));
  if (!found) throw new AppError('not_found', `No account named "${nameOrId}". \`azcred account list\` shows them.`);
  return found;
}

const where = (a: AccountView) => (a.kind === 'arr' ? a.accountDomain : a.endpoint);
const keys = (a: AccountView) =>
  a.kind === 'arr'
    ? [a.hasPrimaryKey && 'primary', a.hasSecondaryKey && 'secondary'].filter(Boolean).join('+') || 'Entra only'
    : a.hasAccessKey
      ? 'access key'
      : 'Entra only';

const common = {
  cloud: { type: 'string', value: 'NAME', description: "cloud profile (default: the app's default cloud)" },
  tag: { type: 'string', multiple: true, value: 'TAG', description: 'a tag (repeat for more)' },
  notes: { type: 'string', value: 'TEXT', description: 'notes' },
} as const;

export const accountCommands: CommandDef[] = [
  {
    name: 'account list',
    summary: 'list ARR accounts and ACS resources (no secrets)',
    async run(context) {
      context.io.out(
        listOutput(await context.call('accounts.list'), context.json, {
          empty: 'No accounts yet. Add one with `azcred account add arr|acs NAME`.',
          columns: ['NAME', 'KIND', 'WHERE', 'CLOUD', 'KEYS'],
          row: (a) => [a.name, a.kind.toUpperCase(), where(a), a.cloud, keys(a)],
        }),
      );
    },
  },
  {
    name: 'account add arr',
    summary: 'add a Remote Rendering account; its key is read from stdin or a prompt',
    args: [{ name: 'NAME', description: 'a name for the account' }],
    options: {
      'account-id': { type: 'string', value: 'GUID', description: "the account ID from the Portal's Overview" },
      'account-domain': { type: 'string', value: 'DOMAIN', description: 'a region (westeurope) or a full domain' },
      'no-key': { type: 'boolean', description: 'add it for Entra ID use only, without a key' },
      ...common,
    },
    details: 'Example: azcred account add arr Showroom --account-id 0f6c... --account-domain westeurope < key.txt',
    async run(context) {
      const withKey = context.values['no-key'] !== true;
      const primaryKey = withKey ? await context.io.readSecret('Primary account key: ') : undefined;
      const account = await context.call('accounts.add', {
        kind: 'arr',
        name: context.positionals[0] ?? '',
        accountId: stringOption(context, 'account-id') ?? '',
        accountDomain: stringOption(context, 'account-domain') ?? '',
        ...(primaryKey !== undefined ? { primaryKey } : {}),
        ...(await commonFields(context)),
      });
      context.io.out(context.json ? printJson(account) : `Added ${account.name} (${account.kind === 'arr' ? account.accountDomain : ''}).`);
    },
  },
  {
    name: 'account add acs',
    summary: 'add a Communication Services resource; its connection string is read from stdin or a prompt',
    args: [{ name: 'NAME', description: 'a name for the resource' }],
    options: {
      endpoint: { type: 'string', value: 'URL', description: 'add by endpoint alone, for Entra ID use (no connection string read)' },
      ...common,
    },
    async run(context) {
      const endpoint = stringOption(context, 'endpoint');
      const connectionString = endpoint ? undefined : await context.io.readSecret('Connection string: ');
      const account = await context.call('accounts.add', {
        kind: 'acs',
        name: context.positionals[0] ?? '',
        ...(endpoint ? { endpoint } : { connectionString: connectionString ?? '' }),
        ...(await commonFields(context)),
      });
      context.io.out(context.json ? printJson(account) : `Added ${account.name} (${account.kind === 'acs' ? account.endpoint : ''}).`);
    },
  },
  {
    name: 'account show',
    summary: 'show one account; keys only with --reveal',
    args: [{ name: 'NAME', description: "the account's name" }],
    options: { reveal: { type: 'boolean', description: "print the account's keys too" } },
    async run(context) {
      const account = await findAccount(context, context.positionals[0] ?? '');
      const secrets: Partial<Record<AccountSecret, string>> = {};
      if (context.values['reveal'] === true) {
        const names: AccountSecret[] =
          account.kind === 'arr'
            ? [...(account.hasPrimaryKey ? ['primaryKey' as const] : []), ...(account.hasSecondaryKey ? ['secondaryKey' as const] : [])]
            : account.hasAccessKey
              ? ['connectionString']
              : [];
        for (const secret of names)
          secrets[secret] = (await context.call('accounts.reveal', { id: account.id, secret, purpose: 'print' })).value;
      }
      if (context.json) return context.io.out(printJson({ ...account, ...secrets }));
      const lines = [
        `${account.name} (${account.kind === 'arr' ? 'Remote Rendering' : 'Communication Services'})`,
        `  cloud: ${account.cloud}`,
      ];
      if (account.kind === 'arr') lines.push(`  account ID: ${account.accountId}`, `  account domain: ${account.accountDomain}`);
      else lines.push(`  endpoint: ${account.endpoint}`);
      lines.push(
        `  keys: ${keys(account)}${account.secretsMissing.length ? ` (missing from the vault: ${account.secretsMissing.join(', ')})` : ''}`,
      );
      for (const [name, value] of Object.entries(secrets)) lines.push(`  ${name}: ${value}`);
      if (account.tags.length) lines.push(`  tags: ${account.tags.join(', ')}`);
      context.io.out(lines.join('\n'));
    },
  },
  {
    name: 'account remove',
    summary: 'delete an account and its keys',
    args: [{ name: 'NAME', description: "the account's name" }],
    async run(context) {
      const account = await findAccount(context, context.positionals[0] ?? '');
      await context.call('accounts.delete', { id: account.id });
      context.io.out(context.json ? printJson({ id: account.id, deleted: true }) : `Deleted ${account.name} and its keys.`);
    },
  },
  {
    name: 'account import',
    summary: 'import accounts from a connection string, .env, JSON export or arrconfig.json (FILE, or - for stdin)',
    args: [{ name: 'FILE', description: 'the file, or - to read stdin' }],
    options: {
      'dry-run': { type: 'boolean', description: 'show what would be imported, change nothing' },
      passphrase: { type: 'boolean', description: 'the file is an encrypted export: read its passphrase from a prompt' },
    },
    async run(context) {
      const file = context.positionals[0] ?? '-';
      const text = await readInputFile(file, 'the file', { io: context.io, option: 'FILE' });
      const passphrase = context.values['passphrase'] === true ? await context.io.readSecret('Export passphrase: ') : undefined;
      const report = await context.call('accounts.import', {
        text,
        ...(file !== '-' ? { fileName: path.basename(file) } : {}),
        ...(passphrase ? { passphrase } : {}),
        dryRun: context.values['dry-run'] === true,
      });
      if (context.json) return context.io.out(printJson(report));
      context.io.out(
        table(
          ['NAME', 'KIND', 'STATUS', 'PROBLEMS'],
          report.items.map((i) => [
            i.name,
            i.kind,
            i.status,
            i.issues.map((x) => (x.path ? `${x.path}: ${x.message}` : x.message)).join('; '),
          ]),
        ),
      );
      context.io.out(context.values['dry-run'] === true ? 'Dry run: nothing was saved.' : `Imported ${report.added}.`);
    },
  },
];

async function commonFields(context: CommandContext): Promise<{ cloud?: string; tags?: string[]; notes?: string }> {
  const cloud = stringOption(context, 'cloud') ?? (await context.call('settings.get')).defaultCloud;
  const tags = context.values['tag'];
  const notes = stringOption(context, 'notes');
  return { cloud, ...(Array.isArray(tags) ? { tags } : {}), ...(notes !== undefined ? { notes } : {}) };
}
