import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Result } from '../../../shared/result.ts';
import type { VaultBackupView, VaultStatus } from '../../../shared/vault.ts';
import { api } from '../../api.ts';
import { ErrorBar } from '../ErrorBar.tsx';
import { useCall } from '../use-call.ts';
import { formatMoment } from '../when.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const holds = (count: number | null) =>
  count === null ? "does not open with this vault's key" : `${count} secret${count === 1 ? '' : 's'}`;

/**
 * Under a quarantine notice: put the last good backup back (or one from the list), or acknowledge
 * the notice and keep the vault as it is. The core keeps the file a restore replaces as another backup.
 */
export function BackupRestore({ onChanged }: { onChanged?: ((status: VaultStatus, said: string) => void) | undefined }) {
  const styles = useStyles();
  const [backups, setBackups] = useState<VaultBackupView[]>();
  const { run: call, busy, error, reset } = useCall();
  const [done, setDone] = useState('');

  async function run(change: () => Promise<Result<VaultStatus>>, said: (status: VaultStatus) => string) {
    const result = await call(change);
    if (!result.ok) return;
    const words = said(result.value);
    setDone(words);
    // The notice this sits in goes once the vault is whole again: the page shows the words instead.
    onChanged?.(result.value, words);
  }

  const restored = (status: VaultStatus) =>
    `Restored. ${status.state === 'open' ? `The vault holds ${holds(status.secretCount)}. ` : ''}The file it replaced was kept ` +
    `as another backup.`;

  async function showBackups() {
    const result = await call(() => api.vault.backups());
    if (result.ok) setBackups(result.value);
  }

  if (done) return <Caption1 role="status">{done}</Caption1>;
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => void run(() => api.vault.restore({}), restored)}>
          Restore the last backup
        </Button>
        <Button disabled={busy} onClick={() => void showBackups()}>
          Choose a backup…
        </Button>
        <Button
          appearance="subtle"
          disabled={busy}
          onClick={() =>
            void run(
              () => api.vault.acknowledgeQuarantine(),
              () => 'Noted: the vault stays as it is, and old backups are pruned as usual again.',
            )
          }
        >
          Keep the vault as it is
        </Button>
      </div>
      {backups && (
        <ul className={styles.list} aria-label="Backups of the vault file">
          {backups.length === 0 && <li>No backup of the vault file was kept.</li>}
          {backups.map((backup) => (
            <li key={backup.name} className={styles.item}>
              <span>
                {formatMoment(backup.createdAt, undefined, undefined, true)}: {holds(backup.secretCount)}
                {backup.beforeQuarantine ? ', before the damage' : ''}
              </span>
              <Button
                size="small"
                disabled={busy || backup.secretCount === null}
                onClick={() => void run(() => api.vault.restore({ name: backup.name }), restored)}
                aria-label={`Restore the backup of ${formatMoment(backup.createdAt, undefined, undefined, true)}`}
              >
                Restore
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorBar error={error} onDismiss={reset} />
    </div>
  );
}
