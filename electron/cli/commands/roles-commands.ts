import { AppError } from '../../../shared/errors.ts';
import type { RoleAuditCell } from '../../../shared/roles.ts';
import { stringOption, type CommandDef } from '../command.ts';
import { printJson, table, wrapText } from '../format.ts';
import { findAccount } from './account-commands.ts';
import { findIdentity } from './identity-commands.ts';

export const rolesCommands: CommandDef[] = [
  {
    name: 'roles',
    summary: 'which roles each identity has on each account, and what it can actually do',
    options: {
      identity: { type: 'string', multiple: true, value: 'ID', description: 'audit only this identity (repeat for more)' },
      resource: { type: 'string', multiple: true, value: 'NAME', description: 'audit only this account (repeat for more)' },
      csv: { type: 'boolean', description: 'print the report as CSV' },
      markdown: { type: 'boolean', description: 'print the report as a Markdown table' },
      discovered: {
        type: 'boolean',
        description: 'also audit every resource the identities can see in Azure, added or not (the default when no account is added)',
      },
      'added-only': { type: 'boolean', description: 'audit only the accounts added here' },
    },
    details:
      'Each capability (convert, sessions, render, diagnostics, list keys, regenerate keys, ...) is shown granted, denied (by a deny ' +
      'assignment), eligible (a role to activate through PIM) or missing; --json carries the why: which assignment, at which scope ' +
      '(management groups included), through which group, which deny assignment, or which built-in role would grant it.',
    async run(context) {
      const identityIds = await Promise.all(
        ((context.values['identity'] as string[] | undefined) ?? []).map(async (ref) => (await findIdentity(context, ref)).id),
      );
      const accountIds = await Promise.all(
        ((context.values['resource'] as string[] | undefined) ?? []).map(async (name) => (await findAccount(context, name)).id),
      );
      if (context.values['discovered'] === true && context.values['added-only'] === true)
        throw new AppError('invalid_input', 'Choose --discovered or --added-only, not both.');
      const discovered = context.values['discovered'] === true ? true : context.values['added-only'] === true ? false : undefined;
      const filter = {
        ...(identityIds.length ? { identityIds } : {}),
        ...(accountIds.length ? { accountIds } : {}),
        ...(discovered !== undefined && { discovered }),
      };
      if (context.values['csv'] === true && context.values['markdown'] === true)
        throw new AppError('invalid_input', 'Choose --csv or --markdown, not both.');
      const format =
        context.values['csv'] === true ? 'csv' : context.values['markdown'] === true ? 'markdown' : context.json ? 'json' : undefined;
      if (format) {
        const report = await context.call('roles.exportReport', { format, fresh: true, ...filter });
        return context.io.out('text' in report ? report.text : report.path);
      }
      const audit = await context.call('roles.audit', filter);
      if (audit.cells.length === 0)
        return context.io.out(
          'Nothing to audit: sign in (`azcred login`) with an identity that can see resources in Azure, or add accounts of its cloud.',
        );
      // A service principal's name in the directory beside the name it was given here (often its client ID).
      const identityName = new Map(
        audit.identities.map((i) => [i.id, i.directoryName && i.directoryName !== i.name ? `${i.name} (${i.directoryName})` : i.name]),
      );
      const resourceName = new Map(audit.resources.map((r) => [r.accountId, r.discovered ? `${r.name} (not added)` : r.name]));
      // Why a cell is unreadable is a paragraph, often the same for several: each goes once under the table.
      const notes: string[] = [];
      const noteFor = (message: string) => (notes.includes(message) ? notes.indexOf(message) : notes.push(message) - 1) + 1;
      const rows = audit.cells.map((cell) => [
        identityName.get(cell.identityId) ?? cell.identityId,
        resourceName.get(cell.accountId) ?? cell.accountId,
        cell.state === 'unreadable'
          ? `(unreadable [${noteFor(cell.problem?.message ?? 'the role assignments could not be read')}])`
          : [rolesThroughGroups(cell) || '(none)', ...(cell.eligibleRoles ?? []).map((e) => `eligible: ${e.roleName}`)].join('; '),
        cell.capabilities
          .filter((c) => c.granted)
          .map((c) => c.label)
          .join(', '),
        cell.capabilities
          .filter((c) => !c.granted)
          .map((c) => `${c.label}${missingNote(c)}`)
          .join(', '),
      ]);
      const width = context.io.columns;
      const noteLines = notes.flatMap((note, i) =>
        wrapText(note, width - 4).map((line, j) => `${j === 0 ? `[${i + 1}]`.padEnd(4) : '    '}${line}`),
      );
      // Graph's refusal to name principals is said once, under everything else.
      const namesLines = audit.namesNotice ? ['', ...wrapText(audit.namesNotice, width)] : [];
      context.io.out(
        [
          table(['IDENTITY', 'RESOURCE', 'ROLES', 'CAN', 'CANNOT'], rows, { width }),
          ...(noteLines.length ? ['', ...noteLines] : []),
          ...namesLines,
        ].join('\n'),
      );
    },
  },
  {
    name: 'account rotate-key',
    summary: "regenerate an account's primary or secondary key through ARM and store the new one",
    args: [{ name: 'NAME', description: 'the account' }],
    options: {
      key: { type: 'string', value: 'primary|secondary', description: 'which key to regenerate' },
      identity: {
        type: 'string',
        value: 'ID',
        description: "the identity that may regenerate keys (default: each identity of the account's cloud in turn)",
      },
    },
    details: 'Move your clients to the other key first: the regenerated key stops working at once.',
    async run(context) {
      const key = stringOption(context, 'key');
      if (key !== 'primary' && key !== 'secondary')
        throw new AppError('invalid_input', 'Give --key primary or --key secondary (move clients to the other key first).');
      const account = await findAccount(context, context.positionals[0] ?? '');
      const ref = stringOption(context, 'identity');
      const result = await context.call('accounts.rotateKey', {
        id: account.id,
        key,
        ...(ref ? { identityId: (await findIdentity(context, ref)).id } : {}),
      });
      context.io.out(
        context.json
          ? printJson(result)
          : `Regenerated the ${key} key of ${account.name} as ${result.by.name}; the stored key ` +
              `${result.storedKeyUpdated ? 'is updated' : 'was not updated'}.`,
      );
    },
  },
];

/** The cell's roles, each held through a group followed by the group (its name from Graph, else its ID). */
function rolesThroughGroups(cell: RoleAuditCell): string {
  return cell.roleNames
    .map((role) => {
      const groups = [
        ...new Set(cell.assignments.filter((a) => a.roleName === role && a.viaGroup).map((a) => a.viaGroup?.name ?? a.viaGroup?.id)),
      ];
      return groups.length ? `${role} (through ${groups.join(', ')})` : role;
    })
    .join(', ');
}

/** Why a capability is missing when it is not simply for want of a role: a deny assignment, a role to activate, a role ACS ignores. */
function missingNote(capability: RoleAuditCell['capabilities'][number]): string {
  if (capability.deniedBy?.length) return ` (denied by ${capability.deniedBy.map((d) => d.name).join(', ')})`;
  if (capability.eligibleThrough?.length) return ' (eligible through PIM)';
  if (capability.ignoredRoles?.length) return ' (custom role ignored by ACS)';
  return '';
}
