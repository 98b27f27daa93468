import { AppError } from '../../../shared/errors.ts';
import type { VaultBackupView, VaultStatus } from '../../../shared/vault.ts';
import type { CommandContext, CommandDef } from '../command.ts';
import { listOutput, printJson } from '../format.ts';

const secrets = (count: number | null) =>
  count === null ? "does not open with this vault's key" : `${count} secret${count === 1 ? '' : 's'}`;

/** What the vault holds now, after a restore or a new start. */
function vaultNow(status: VaultStatus): string {
  return status.state === 'open' ? `The vault holds ${secrets(status.secretCount)}.` : '';
}

/** The new passphrase: the first line of stdin when piped, else asked twice on the terminal. */
async function newPassphrase(context: CommandContext): Promise<string> {
  if (!context.io.stdinIsTTY) return (await context.io.readStdin()).split(/\r?\n/)[0] ?? '';
  const first = await context.io.askHidden('New vault passphrase: ');
  if ((await context.io.askHidden('The same passphrase again: ')) !== first)
    throw new AppError('invalid_input', 'The two passphrases differ; nothing was changed.');
  return first;
}

export const vaultCommands: CommandDef[] = [
  {
    name: 'vault backups',
    summary: "list the vault file's backup generations, newest first (no secrets)",
    details:
      'Each write of the vault keeps its file in backups/ in the data folder (the newest eight). While a damaged vault file ' +
      'that was moved aside is not acknowledged, no backup made before it is removed.',
    async run(context) {
      const note = (backup: VaultBackupView) => (backup.beforeQuarantine ? 'before the damaged file was moved aside' : '');
      context.io.out(
        listOutput(await context.call('vault.backups'), context.json, {
          empty: 'No backups of the vault file yet: one is kept at each write.',
          columns: ['NAME', 'WRITTEN', 'HOLDS', ''],
          row: (backup) => [backup.name, backup.createdAt, secrets(backup.secretCount), note(backup)],
        }),
      );
    },
  },
  {
    name: 'vault restore',
    summary: 'put a backup back as the vault file (the last good one when no NAME is given)',
    args: [{ name: 'NAME', optional: true, description: 'a backup from `azcred vault backups`' }],
    details:
      "Without NAME: the newest backup that opens with this vault's key, made before the damaged file was moved aside if one " +
      'was. The file it replaces is kept as another backup, so a restore can be undone.',
    async run(context) {
      const name = context.positionals[0];
      const status = await context.call('vault.restore', name === undefined ? {} : { name });
      if (context.json) return context.io.out(printJson(status));
      context.io.out(`Restored ${name ?? 'the last backup'}. ${vaultNow(status)} The file it replaced was kept as another backup.`);
    },
  },
  {
    name: 'vault acknowledge',
    summary: 'stop reporting a damaged vault file that was moved aside (old backups may then be pruned)',
    async run(context) {
      const status = await context.call('vault.acknowledgeQuarantine');
      if (context.json) return context.io.out(printJson(status));
      context.io.out('Acknowledged. The moved file stays where it was; backups are pruned as usual again.');
    },
  },
  {
    name: 'vault new',
    summary: 'replace a passphrase vault that cannot be opened with a new, empty one (needs --yes)',
    options: { yes: { type: 'boolean', description: 'confirm: the old file is moved aside and the vault starts empty' } },
    details:
      'For a passphrase vault whose header is damaged with nothing left to check the passphrase, or whose passphrase is lost. ' +
      'The new passphrase is read from stdin (first line) or asked twice on a terminal, and must be at least 10 characters. The ' +
      'old file is moved aside, never deleted.',
    async run(context) {
      if (context.values['yes'] !== true) {
        throw new AppError(
          'invalid_input',
          'azcred vault new replaces the vault with a new, empty one (the old file is moved aside, not deleted). Run it again ' +
            'with --yes to confirm.',
        );
      }
      const status = await context.call('vault.startNew', { passphrase: await newPassphrase(context), confirm: true });
      if (context.json) return context.io.out(printJson(status));
      context.io.out(
        `Started a new passphrase vault. ${vaultNow(status)} Enter the keys again (Edit in the app); the old file and the older ` +
          `backups open with the old passphrase only.`,
      );
    },
  },
];
