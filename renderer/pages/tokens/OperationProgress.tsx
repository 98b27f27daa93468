import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { Operation } from './use-operation.ts';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** "Minting… [Cancel]" while a long call runs; nothing otherwise. */
export function OperationProgress({ operation }: { operation: Operation }) {
  const styles = useStyles();
  if (!operation.running) return null;
  return (
    <div className={styles.root} role="status">
      <Spinner size="tiny" label={operation.running} />
      <Button size="small" onClick={operation.cancel}>
        Cancel
      </Button>
    </div>
  );
}
