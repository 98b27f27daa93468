import { AppError } from '../../../shared/errors.ts';
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
    },
    details:
      'Each capability (convert, sessions, render, diagnostics, list keys, regenerate keys, ...) is shown granted or missing; ' +
      '--json carries the why: which assignment, at which scope, through which group, or which built-in role would grant it.',
    async run(context) {
      const identityIds = await Promise.all(
        ((context.values['identity'] as string[] | undefined) ?? []).map(async (ref) => (await findIdentity(context, ref)).id),
      );
      const accountIds = await Promise.all(
        ((context.values['resource'] as string[] | undefined) ?? []).map(async (name) => (await findAccount(context, name)).id),
      );
      const filter = { ...(identityIds.length ? { identityIds } : {}), ...(accountIds.length ? { accountIds } : {}) };
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
        return context.io.out('Nothing to audit: sign in (`azcred login`) and add accounts of the same cloud first.');
      const identityName = new Map(audit.identities.map((i) => [i.id, i.name]));
      const resourceName = new Map(audit.resources.map((r) => [r.accountId, r.name]));
      // Why a cell is unreadable is a paragraph, often the same for several: each goes once under the table.
      const notes: string[] = [];
      const noteFor = (message: string) => (notes.includes(message) ? notes.indexOf(message) : notes.push(message) - 1) + 1;
      const rows = audit.cells.map((cell) => [
        identityName.get(cell.identityId) ?? cell.identityId,
        resourceName.get(cell.accountId) ?? cell.accountId,
        cell.state === 'unreadable'
          ? `(unreadable [${noteFor(cell.problem?.message ?? 'the role assignments could not be read')}])`
          : cell.roleNames.join(', ') || '(none)',
        cell.capabilities
          .filter((c) => c.granted)
          .map((c) => c.label)
          .join(', '),
        cell.capabilities
          .filter((c) => !c.granted)
          .map((c) => c.label)
          .join(', '),
      ]);
      const width = context.io.columns;
      const noteLines = notes.flatMap((note, i) =>
        wrapText(note, width - 4).map((line, j) => `${j === 0 ? `[${i + 1}]`.padEnd(4) : '    '}${line}`),
      );
      context.io.out(
        [table(['IDENTITY', 'RESOURCE', 'ROLES', 'CAN', 'CANNOT'], rows, { width }), ...(noteLines.length ? ['', ...noteLines] : [])].join(
          '\n',
        ),
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
