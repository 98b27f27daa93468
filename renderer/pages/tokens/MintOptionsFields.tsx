import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { MintOptions } from './mint-form.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** Keep across restarts (in the vault) and auto-refresh (re-mint before expiry). */
export function MintOptionsFields({
  value,
  onChange,
  refreshable = true,
}: {
  value: MintOptions;
  onChange(value: MintOptions): void;
  refreshable?: boolean;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Checkbox
        checked={value.keep}
        onChange={(_, d) => onChange({ ...value, keep: d.checked === true })}
        label="Keep across restarts (the token is stored in the vault)"
      />
      {refreshable && (
        <Checkbox
          checked={value.autoRefresh}
          onChange={(_, d) => onChange({ ...value, autoRefresh: d.checked === true })}
          label="Auto-refresh: mint it again from the same source before it expires"
        />
      )}
    </div>
  );
}
