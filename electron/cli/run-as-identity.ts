import type { ActivityEntryInput } from '../../shared/activity.ts';
import { AppError } from '../../shared/errors.ts';
import type { Core } from '../core/core.ts';
import { startIdentityEndpoint, type EndpointIdentity, type IdentityEndpoint } from '../core/entra/identity-endpoint.ts';
import type { CommandContext } from './command.ts';
import { findIdentity } from './commands/identity-commands.ts';

/** The most of a program's command line the access log keeps. */
const programLimit = 500;

/** The program's command line as the access log names it. */
export function programLine(command: string, args: readonly string[]): string {
  const line = [command, ...args].join(' ');
  return line.length > programLimit ? `${line.slice(0, programLimit - 1)}…` : line;
}

/**
 * Records one entry of a run in the access log. A command line the log refuses as secret-looking
 * (a key pasted into an argument) is recorded by the command's name alone, so the run is still logged.
 */
export async function recordRun(core: Core, entry: ActivityEntryInput, program: string): Promise<void> {
  try {
    await core.activity.record(entry, { program });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'internal') throw error;
    await core.activity.record(entry, { program: program.split(' ')[0] ?? 'the program' });
  }
}

/**
 * `azcred run --identity ID [--identity OTHER…] [--allow RESOURCE…]`: the identities the run may use
 * (the first is the default), proven able to get a token before the program starts, and a
 * managed-identity endpoint serving them that logs each token it hands out.
 */
export async function startRunEndpoint(
  context: CommandContext,
  refs: readonly string[],
  allow: readonly string[],
  session: { id: string; program: string },
): Promise<{ endpoint: IdentityEndpoint; identity: EndpointIdentity }> {
  const core = context.core();
  const views = await Promise.all(refs.map((ref) => findIdentity(context, ref)));
  const unique = views.filter((v, i) => views.findIndex((w) => w.id === v.id) === i);
  const identities: EndpointIdentity[] = await Promise.all(
    unique.map(async (view) => {
      const record = await core.entra.record(view.id);
      return { id: view.id, name: view.name, kind: view.kind, clientId: view.clientId, objectId: record.objectId };
    }),
  );
  const [first] = unique;
  if (!first) throw new AppError('invalid_input', 'Name the identity to run as with --identity.');
  // A sign-in that lapsed is reported before the program starts, not as its first failure; this also warms the token cache.
  await context.openVault();
  await core.entra.acquireToken(first.id, [core.clouds.get(first.cloud).armScope]);
  const endpoint = await startIdentityEndpoint({
    identities,
    allow,
    acquire: (id, scopes) => core.entra.acquireToken(id, scopes),
    served: (identity, resource) =>
      recordRun(
        core,
        {
          action: 'serve',
          kind: 'entra',
          what: `Entra token for ${resource}`,
          identity: { id: identity.id, name: identity.name },
          resource,
          sessionId: session.id,
        },
        session.program,
      ),
  });
  const identity = identities[0] as EndpointIdentity;
  await recordRun(
    core,
    {
      action: 'run-start',
      kind: 'identity-endpoint',
      what: `Managed identity endpoint as ${identity.name}${allow.length > 0 ? ` for ${allow.join(', ')}` : ''}`.slice(0, 300),
      identity: { id: identity.id, name: identity.name },
      sessionId: session.id,
    },
    session.program,
  ).catch(async (error: unknown) => {
    await endpoint.close();
    throw error;
  });
  return { endpoint, identity };
}
