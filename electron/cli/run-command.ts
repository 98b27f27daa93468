import { randomUUID } from 'node:crypto';
import type { ActivityKind } from '../../shared/activity.ts';
import type { AccountView } from '../../shared/accounts.ts';
import { AppError } from '../../shared/errors.ts';
import { accountEnvironment, environmentPrefix, programSecrets } from './account-environment.ts';
import type { CommandContext } from './command.ts';
import { findAccount } from './commands/account-commands.ts';
import { findIdentity } from './commands/identity-commands.ts';
import { programLine, recordRun, startRunEndpoint } from './run-as-identity.ts';
import { runChild } from './run-child.ts';
import { readEnvFile, resolveReferences, secretParts } from './secret-references.ts';
import { vaultPassphraseVariable } from './vault-passphrase.ts';

/**
 * Variables that would make the program's Azure SDK sign in as someone else than the identity it
 * runs as: EnvironmentCredential's and WorkloadIdentityCredential's, AZURE_CLIENT_ID (which
 * DefaultAzureCredential sends as the managed identity's client_id) and Service Fabric's thumbprint
 * (which MSAL Node checks before App Service's variables).
 */
const otherSignIns = [
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  'AZURE_USERNAME',
  'AZURE_PASSWORD',
  'AZURE_FEDERATED_TOKEN_FILE',
  'IDENTITY_SERVER_THUMBPRINT',
];

/** The account variables that hold a secret, and what the access log calls it. */
const secretVariables: [suffix: string, kind: ActivityKind, label: string][] = [
  ['ARR_ACCESS_TOKEN', 'arr-sts', 'Mixed Reality STS token'],
  ['ARR_ACCOUNT_KEY', 'account-key', 'account key'],
  ['ACS_CONNECTION_STRING', 'connection-string', 'connection string'],
];

/** `azcred run`: an identity's endpoint, account variables and resolved references for one program, which gets its exit code back. */
export async function runCommand(context: CommandContext): Promise<number> {
  const [command = '', ...args] = context.rest;
  if (!command)
    throw new AppError(
      'invalid_input',
      'Give the command to run after --, for example: azcred run --identity build-agent -- node deploy.js',
    );
  const identities = (context.values['identity'] as string[] | undefined) ?? [];
  const allow = (context.values['allow'] as string[] | undefined) ?? [];
  const names = (context.values['account'] as string[] | undefined) ?? [];
  const serving = identities.length > 0 && names.length === 0;
  if (names.length > 0 && identities.length > 1)
    throw new AppError('invalid_input', 'With --account, --identity names the one identity that mints ARR tokens: give it once.');
  if (allow.length > 0 && !serving)
    throw new AppError('invalid_input', '--allow limits an identity served to the command: use it with --identity and without --account.');
  const invalid = allow.find((r) => !/^[a-z][a-z0-9+.-]*:\/\/?\S+$/i.test(r));
  if (invalid) throw new AppError('invalid_input', `--allow ${invalid} is not a resource URI, such as https://management.azure.com.`);

  const session = { id: randomUUID(), program: programLine(command, args) };
  const fromFile = context.values['env-file'] ? await readEnvFile(context.values['env-file'] as string) : {};
  const { [vaultPassphraseVariable]: _passphrase, ...inherited } = process.env;
  const references = await resolveReferences(context, { ...inherited, ...fromFile });
  const accounts = await Promise.all(names.map((name) => findAccount(context, name)));
  const fromAccounts = await accountVariables(context, accounts, identities[0]);
  const passed = { ...fromFile, ...fromAccounts.variables, ...references.values };
  const masked = context.values['no-masking'] === true ? [] : [...references.secrets, ...fromAccounts.secrets];

  const core = context.core();
  for (const reference of references.references.filter((r) => r.secret))
    await recordRun(
      core,
      {
        action: 'serve',
        kind: reference.secret === 'connectionString' ? 'connection-string' : 'account-key',
        what: `${reference.field} of ${reference.account.name} as ${reference.variable}`.slice(0, 300),
        account: { id: reference.account.id, name: reference.account.name },
        sessionId: session.id,
      },
      session.program,
    );
  for (const entry of fromAccounts.logged) await recordRun(core, { ...entry, sessionId: session.id }, session.program);

  if (!serving) return runChild(command, args, { set: passed }, masked);
  const { endpoint, identity } = await startRunEndpoint(context, identities, allow, session);
  let code: number | undefined;
  try {
    code = await runChild(command, args, { set: { ...passed, ...endpoint.environment }, unset: otherSignIns }, masked);
    return code;
  } finally {
    await endpoint.close();
    await recordRun(
      core,
      {
        action: 'run-end',
        kind: 'identity-endpoint',
        what: `Managed identity endpoint as ${identity.name} closed${code === undefined ? '' : ` (the command exited with ${code})`}`.slice(
          0,
          300,
        ),
        identity: { id: identity.id, name: identity.name },
        sessionId: session.id,
      },
      session.program,
    );
  }
}

type LoggedEntry = Parameters<typeof recordRun>[1];

/** `--account` variables (the old `azcred run`), with the secrets among them to mask and log. */
async function accountVariables(
  context: CommandContext,
  accounts: AccountView[],
  identityRef: string | undefined,
): Promise<{ variables: Record<string, string>; secrets: string[]; logged: LoggedEntry[] }> {
  const via = identityRef && accounts.length > 0 ? { identityId: (await findIdentity(context, identityRef)).id } : undefined;
  const result = { variables: {} as Record<string, string>, secrets: [] as string[], logged: [] as LoggedEntry[] };
  for (const account of accounts) {
    const sameKind = accounts.filter((a) => a.kind === account.kind).length;
    const variables = await accountEnvironment(context, account, {
      withKey: context.values['with-key'] === true,
      prefix: sameKind > 1 ? environmentPrefix(account.name) : '',
      ...(via && account.kind === 'arr' ? { via } : {}),
      read: programSecrets(context),
    });
    Object.assign(result.variables, variables);
    for (const found of secretsIn(account, variables)) {
      result.secrets.push(...secretParts(found.value));
      result.logged.push(found.entry);
    }
  }
  return result;
}

/** The secrets among an account's variables, each with the access log entry that says it was served to the program. */
function secretsIn(account: AccountView, variables: Record<string, string>): { value: string; entry: LoggedEntry }[] {
  return Object.entries(variables).flatMap(([name, value]) => {
    const secret = secretVariables.find(([suffix]) => name.endsWith(suffix));
    if (!secret) return [];
    const entry: LoggedEntry = {
      action: 'serve',
      kind: secret[1],
      what: `${secret[2]} of ${account.name} as ${name}`.slice(0, 300),
      account: { id: account.id, name: account.name },
    };
    return [{ value, entry }];
  });
}
