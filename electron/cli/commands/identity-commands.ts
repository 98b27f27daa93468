import { readInputFile } from '../cli-io.ts';
import { AppError } from '../../../shared/errors.ts';
import type { IdentityView, SignInStarted } from '../../../shared/identities.ts';
import { stringOption, type CommandContext, type CommandDef } from '../command.ts';
import { listOutput, printJson } from '../format.ts';

/** An identity by its id, user name or name (case-insensitive). */
export async function findIdentity(context: CommandContext, ref: string): Promise<IdentityView> {
  const key = ref.trim().toLowerCase();
  const found = (await context.call('identities.list')).find(
    (i) => i.id === ref || i.username?.toLowerCase() === key || i.name.toLowerCase() === key,
  );
  if (!found) throw new AppError('not_found', `No identity "${ref}". \`azcred identity list\` shows them.`);
  return found;
}

const describe = (i: IdentityView) => (i.kind === 'user' ? `${i.name} <${i.username ?? ''}>` : `${i.name} (app ${i.clientId})`);

export const identityCommands: CommandDef[] = [
  {
    name: 'login',
    summary: 'sign in to Entra ID: in the browser (default), with a device code, or as a service principal',
    options: {
      cloud: { type: 'string', value: 'NAME', description: "cloud profile (default: the app's default cloud)" },
      tenant: {
        type: 'string',
        value: 'TENANT',
        description: 'tenant ID or domain (default: the cloud profile\'s, usually "organizations")',
      },
      'device-code': { type: 'boolean', description: 'show a code to enter on any device instead of opening a browser' },
      'service-principal': { type: 'boolean', description: 'sign in as an app: --client-id and a secret from stdin, or --certificate' },
      'client-id': { type: 'string', value: 'GUID', description: 'with --service-principal: the application (client) ID' },
      certificate: { type: 'string', value: 'FILE', description: 'with --service-principal: PEM with the certificate and its private key' },
      name: { type: 'string', value: 'NAME', description: 'with --service-principal: a label for it' },
    },
    details: 'Example: printf %s "$SECRET" | azcred login --service-principal --client-id 1b2c... --tenant contoso.onmicrosoft.com',
    async run(context) {
      const cloud = stringOption(context, 'cloud');
      const tenant = stringOption(context, 'tenant');
      if (context.values['service-principal'] === true) {
        const certificateFile = stringOption(context, 'certificate');
        const certificatePem = certificateFile ? await readInputFile(certificateFile, 'the certificate file') : undefined;
        const clientSecret = certificatePem ? undefined : await context.io.readSecret('Client secret: ');
        if (!tenant) throw new AppError('invalid_input', 'A service principal needs --tenant (its tenant ID or domain).');
        const identity = await context.call('identities.addServicePrincipal', {
          tenant,
          clientId: stringOption(context, 'client-id') ?? '',
          ...(cloud ? { cloud } : {}),
          ...(stringOption(context, 'name') ? { name: stringOption(context, 'name') } : {}),
          ...(certificatePem ? { certificatePem } : { clientSecret: clientSecret ?? '' }),
        });
        return context.io.out(
          context.json ? printJson(identity) : `Signed in as ${describe(identity)}, tenant ${identity.tenantId}. Its id: ${identity.id}`,
        );
      }
      const method = context.values['device-code'] === true ? 'device-code' : 'interactive';
      const started = await context.call('identities.signIn', { method, ...(cloud ? { cloud } : {}), ...(tenant ? { tenant } : {}) });
      context.io.err(signInInstructions(started));
      const identity = await waitForSignIn(context, started);
      context.io.out(
        context.json ? printJson(identity) : `Signed in as ${describe(identity)}, tenant ${identity.tenantId}. Its id: ${identity.id}`,
      );
    },
  },
  {
    name: 'logout',
    summary: 'sign an identity out: removes it, its secret or cached sign-in, and every token minted through it from this computer',
    args: [{ name: 'ID', description: "the identity's id, user name or name" }],
    async run(context) {
      const identity = await findIdentity(context, context.positionals[0] ?? '');
      await context.call('identities.signOut', { id: identity.id });
      context.io.out(context.json ? printJson({ id: identity.id, signedOut: true }) : `Signed out ${describe(identity)}.`);
    },
  },
  {
    name: 'identity list',
    summary: 'list signed-in users and service principals',
    async run(context) {
      context.io.out(
        listOutput(await context.call('identities.list'), context.json, {
          empty: 'No identities yet. Sign in with `azcred login`.',
          columns: ['ID', 'NAME', 'KIND', 'TENANT', 'CLOUD', 'LAST USED'],
          row: (i) => [i.id, i.username ?? i.name, i.kind, i.tenantId, i.cloud, i.lastUsedAt ?? 'never'],
        }),
      );
    },
  },
];

/** What to do to finish a sign-in started, for stderr. */
export function signInInstructions(started: SignInStarted): string {
  if (started.method === 'device-code')
    return started.message ?? `Open ${started.verificationUri ?? ''} and enter the code ${started.userCode ?? ''}.`;
  return started.openedByApp
    ? 'Finish signing in in the browser window that opened. (Ctrl+C cancels.)'
    : `Open this link in a browser to sign in (Ctrl+C cancels):\n${started.authUrl ?? ''}`;
}

/** Waits for a sign-in started earlier; Ctrl+C cancels it. */
export async function waitForSignIn(context: CommandContext, started: SignInStarted): Promise<IdentityView> {
  const cancel = () => void context.call('calls.cancel', { operationId: started.operationId }).catch(() => undefined);
  process.once('SIGINT', cancel);
  try {
    for (;;) {
      const progress = await context.call('identities.waitSignIn', { operationId: started.operationId, waitSeconds: 20 });
      if (progress.state === 'done') return progress.identity;
    }
  } finally {
    process.removeListener('SIGINT', cancel);
  }
}
