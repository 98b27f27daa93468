import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { MintOptions } from './mint-form.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** Store in vault (kept across restarts) and auto-refresh (get it again before expiry). */
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
        label="Store in vault (kept across restarts)"
      />
      {refreshable && (
        <Checkbox
          checked={value.autoRefresh}
          onChange={(_, d) => onChange({ ...value, autoRefresh: d.checked === true })}
          label="Auto-refresh: get it again from the same source before it expires"
        />
      )}
    </div>
  );
}
