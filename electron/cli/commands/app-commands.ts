import { randomUUID } from 'node:crypto';
import { manualAppRegistrationDoc, type AppPermission } from '../../../shared/app-registration.ts';
import { AppError } from '../../../shared/errors.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { stringOption, type CommandContext, type CommandDef } from '../command.ts';
import { printJson } from '../format.ts';
import { findIdentity, signInInstructions, waitForSignIn } from './identity-commands.ts';

/** `azcred app register`: "your own app in one step", as Settings → Clouds → Register my app does it. */
export const appCommands: CommandDef[] = [
  {
    name: 'app register',
    summary: "register your own sign-in app through Microsoft Graph, make it the cloud's sign-in app, and sign in with it",
    options: {
      cloud: { type: 'string', value: 'NAME', description: "cloud profile (default: the app's default cloud)" },
      identity: { type: 'string', value: 'ID', description: 'the signed-in user who registers it (default: the only one in that cloud)' },
    },
    details:
      'Creates a public-client app registration (redirect http://localhost, public client flows on, delegated permissions for\n' +
      "Azure Resource Manager, Communication Services and Mixed Reality, their ids read from your tenant's service principals)\n" +
      'and its service principal with your Microsoft Graph token, sets it as the\n' +
      "cloud's sign-in app, then signs you in with it: Entra asks for your consent. Where your tenant lets only some users\n" +
      `register applications, it says so; the manual steps are in ${manualAppRegistrationDoc}.`,
    async run(context) {
      const cloud = stringOption(context, 'cloud') ?? (await context.call('settings.get')).defaultCloud;
      const user = await registeringUser(context, cloud, stringOption(context, 'identity'));
      const operationId = randomUUID();
      const cancel = () => void context.call('calls.cancel', { operationId }).catch(() => undefined);
      process.once('SIGINT', cancel);
      context.io.err(
        `Registering an app in ${cloud} as ${user.name} <${user.username ?? ''}>: an app registration and its service principal…`,
      );
      let registered;
      try {
        registered = await context.call('clouds.registerApp', { name: cloud, identityId: user.id, operationId });
      } finally {
        process.removeListener('SIGINT', cancel);
      }
      context.io.err(
        `Registered "${registered.app.displayName}", client ID ${registered.app.appId}: it is now the sign-in app of ${cloud}.\n` +
          `${permissionWords(registered.permissions)}\n` +
          `Now sign in with it and accept its permissions. ${signInInstructions(registered.signIn)}`,
      );
      const identity = await waitForSignIn(context, registered.signIn);
      context.io.out(
        context.json
          ? printJson({ app: registered.app, permissions: registered.permissions, cloud: registered.cloud.name, identity })
          : `Signed in as ${identity.name} <${identity.username ?? ''}> with your app ${registered.app.appId}. Its id: ${identity.id}`,
      );
    },
  },
];

/** The user named by --identity, else the only user signed in to `cloud`; a clear error when there is none or several. */
async function registeringUser(context: CommandContext, cloud: string, ref: string | undefined): Promise<IdentityView> {
  if (ref) return findIdentity(context, ref);
  const users = (await context.call('identities.list')).filter((i) => i.kind === 'user' && i.cloud.toLowerCase() === cloud.toLowerCase());
  const [only] = users;
  if (!only)
    throw new AppError(
      'invalid_input',
      `No user is signed in to ${cloud}: sign in first (\`azcred login --cloud ${cloud}\`), as the app is registered with your Microsoft Graph token.`,
    );
  if (users.length > 1)
    throw new AppError(
      'invalid_input',
      `Several users are signed in to ${cloud}: choose one with --identity (${users.map((u) => u.username ?? u.id).join(', ')}).`,
    );
  return only;
}

/** The API permissions the app asks for, and any whose id did not come from the tenant's own service principal. */
function permissionWords(permissions: AppPermission[]): string {
  const named = (p: AppPermission) => `${p.resource} (${p.scope})`;
  const lines = [
    `API permissions: ${
      permissions
        .filter((p) => p.id)
        .map(named)
        .join(', ') || 'none'
    }.`,
  ];
  const known = permissions.filter((p) => p.source === 'known');
  if (known.length)
    lines.push(`Your tenant lists no service principal for ${known.map(named).join(', ')}: the app asks for the id Azure uses elsewhere.`);
  const missing = permissions.filter((p) => p.source === 'missing');
  if (missing.length)
    lines.push(
      `Not asked for: ${missing.map(named).join(', ')}, which your tenant does not publish; an administrator can add it under the ` +
        `app's API permissions (${manualAppRegistrationDoc}).`,
    );
  return lines.join('\n');
}
