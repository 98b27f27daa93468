import { makeStyles, tokens } from '@fluentui/react-components';
import type { QuarantineView, VaultStatus } from '../../../shared/vault.ts';
import { BackupRestore } from './BackupRestore.tsx';
import { WarningBar } from '../WarningBar.tsx';

const useStyles = makeStyles({
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** A vault file that could not be read was set aside (never deleted): say so and where it is, and offer its backups. */
export function QuarantineNotice({
  quarantine,
  onChanged,
}: {
  quarantine: QuarantineView;
  onChanged?: (status: VaultStatus, said: string) => void;
}) {
  const styles = useStyles();
  return (
    <WarningBar title={quarantine.problem === 'damaged' ? 'The vault file was damaged' : 'The vault file did not open with this key'}>
      {quarantine.message} It was moved aside, not deleted: <span className={styles.path}>{quarantine.path}</span>
      <BackupRestore onChanged={onChanged} />
    </WarningBar>
  );
}
