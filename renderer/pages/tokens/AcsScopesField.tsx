import { Caption1, Checkbox, Label, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { acsScopeDescriptions, acsScopes, type AcsScope } from '../../../shared/tokens.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { display: 'flex', flexDirection: 'column' },
  description: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The five ACS scopes, each a checkbox with the sentence that says what it allows. */
export function AcsScopesField({
  value,
  onChange,
  error,
}: {
  value: readonly AcsScope[];
  onChange(value: AcsScope[]): void;
  error?: string | undefined;
}) {
  const styles = useStyles();
  const labelId = useId();
  const errorId = useId();
  return (
    <div className={styles.root} role="group" aria-labelledby={labelId} aria-describedby={error ? errorId : undefined}>
      <Label id={labelId} required>
        Scopes
      </Label>
      <div className={styles.list}>
        {acsScopes.map((scope) => (
          <Checkbox
            key={scope}
            checked={value.includes(scope)}
            onChange={(_, d) => onChange(d.checked === true ? [...value, scope] : value.filter((s) => s !== scope))}
            label={
              <>
                <strong>{scope}</strong> <span className={styles.description}>{acsScopeDescriptions[scope]}</span>
              </>
            }
          />
        ))}
      </div>
      {error && (
        <Caption1 id={errorId} className={styles.error}>
          {error}
        </Caption1>
      )}
    </div>
  );
}
