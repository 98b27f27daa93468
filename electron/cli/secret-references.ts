import type { AccountSecret, AccountView } from '../../shared/accounts.ts';
import { readDotenv } from '../../shared/account-files-dotenv.ts';
import { AppError } from '../../shared/errors.ts';
import { readInputFile } from './cli-io.ts';
import type { CommandContext } from './command.ts';
import { findAccount } from './commands/account-commands.ts';

/**
 * Secret references: an environment value `azcred://<account>/<field>` stands for one of a stored
 * account's values, so a `.env` kept in a repository holds references, never keys. `azcred run`
 * resolves them for the program it starts. The account is its name (URL-encoded when it has a `/` or
 * `%`) or id.
 */
export const referencePrefix = 'azcred://';

/** The fields each kind of account offers, and which of them are secrets (stored in the vault, masked in output). */
const fields = {
  arr: { accountId: undefined, accountDomain: undefined, primaryKey: 'primaryKey', secondaryKey: 'secondaryKey' },
  acs: { endpoint: undefined, connectionString: 'connectionString', accessKey: 'accessKey' },
} as const satisfies Record<AccountView['kind'], Record<string, AccountSecret | undefined>>;

/** One variable whose reference was resolved: where its value came from (never the value). */
export interface ResolvedReference {
  variable: string;
  account: AccountView;
  field: string;
  /** The vault secret it came from; undefined for an id, domain or endpoint. */
  secret: AccountSecret | undefined;
}

export interface ResolvedEnvironment {
  /** The variables whose values were references, now holding the values. */
  values: Record<string, string>;
  references: ResolvedReference[];
  /** The secret values among them, for masking. */
  secrets: string[];
}

/** The variables of a `.env` file; a line that cannot be read is an error naming its line, never its content. */
export async function readEnvFile(file: string): Promise<Record<string, string>> {
  const { variables, problems } = readDotenv(await readInputFile(file, 'the --env-file'));
  const [problem] = problems;
  if (problem) throw new AppError('invalid_input', `${file}: ${problem.message}. Nothing was started.`);
  return Object.fromEntries(variables.map((v) => [v.name, v.value]));
}

/** Resolves every `azcred://` value in `variables`; an unknown account or field is an error before anything starts. */
export async function resolveReferences(
  context: CommandContext,
  variables: Record<string, string | undefined>,
): Promise<ResolvedEnvironment> {
  const resolved: ResolvedEnvironment = { values: {}, references: [], secrets: [] };
  for (const [variable, value] of Object.entries(variables)) {
    if (!value?.startsWith(referencePrefix)) continue;
    const { accountRef, field } = parseReference(variable, value);
    const account = await findAccount(context, accountRef).catch((error: unknown) =>
      Promise.reject(
        error instanceof AppError && error.code === 'not_found'
          ? new AppError(
              'not_found',
              `${variable} refers to an account "${accountRef}" that is not stored here: \`azcred account list\` shows them. Nothing was started.`,
            )
          : error,
      ),
    );
    const offered: Record<string, AccountSecret | undefined> = fields[account.kind];
    if (!Object.hasOwn(offered, field))
      throw new AppError(
        'invalid_input',
        `${variable}: ${account.name} has no field "${field}"; an ${account.kind.toUpperCase()} account offers ` +
          `${Object.keys(offered).join(', ')}. Nothing was started.`,
      );
    const secret = offered[field];
    if (secret && !stored(account, secret))
      throw new AppError(
        'not_found',
        `${variable}: ${account.name} has no ${field} stored (\`azcred account list\` shows its keys). Nothing was started.`,
      );
    resolved.values[variable] = secret ? await readSecret(context, account, secret) : publicField(account, field);
    resolved.references.push({ variable, account, field, secret });
    if (secret) resolved.secrets.push(...secretParts(resolved.values[variable] ?? ''));
  }
  return resolved;
}

function parseReference(variable: string, value: string): { accountRef: string; field: string } {
  const rest = value.slice(referencePrefix.length);
  const slash = rest.lastIndexOf('/');
  const example = `${referencePrefix}Showroom/primaryKey`;
  if (slash <= 0 || slash === rest.length - 1)
    throw new AppError(
      'invalid_input',
      `${variable}: a reference is ${referencePrefix}<account>/<field>, for example ${example}. Nothing was started.`,
    );
  let accountRef: string;
  try {
    accountRef = decodeURIComponent(rest.slice(0, slash));
  } catch {
    throw new AppError('invalid_input', `${variable}: the account part of the reference is not valid URL encoding. Nothing was started.`);
  }
  return { accountRef, field: rest.slice(slash + 1) };
}

/** From the core's services, not `accounts.reveal`: the value goes to a program, and `azcred run` records it as served. */
async function readSecret(context: CommandContext, account: AccountView, secret: AccountSecret): Promise<string> {
  await context.openVault();
  return context.core().accounts.readSecret(account.id, secret);
}

function stored(account: AccountView, secret: AccountSecret): boolean {
  if (account.kind === 'acs') return account.hasAccessKey;
  return secret === 'primaryKey' ? account.hasPrimaryKey : account.hasSecondaryKey;
}

function publicField(account: AccountView, field: string): string {
  if (account.kind === 'arr') return field === 'accountId' ? account.accountId : account.accountDomain;
  return account.endpoint;
}

/** A connection string is masked whole, and its key on its own too (a program may print just that part). */
export function secretParts(value: string): string[] {
  const key = /(?:^|;)\s*accesskey=([^;]+)/i.exec(value)?.[1];
  return key ? [value, key] : [value];
}
