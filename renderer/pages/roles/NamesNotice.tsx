import { makeStyles, tokens } from '@fluentui/react-components';
import { WarningBar } from '../../components/WarningBar.tsx';

const useStyles = makeStyles({ box: { marginBottom: tokens.spacingVerticalM } });

/** Why the audit shows principals by ID: said once above the matrix, never in each cell. */
export function NamesNotice({ notice }: { notice: string | null | undefined }) {
  const styles = useStyles();
  if (!notice) return null;
  return (
    <div className={styles.box}>
      <WarningBar title="Groups and principals are shown by ID" testId="names-notice">
        {notice}
      </WarningBar>
    </div>
  );
}
