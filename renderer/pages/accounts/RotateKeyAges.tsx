import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ClockAlarmRegular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import type { KeyAge } from '../../../shared/key-rotation.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { WarningBar } from '../../components/WarningBar.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  due: { color: tokens.colorPaletteDarkOrangeForeground1, display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

const keyLabels: Record<KeyAge['secret'], string> = { primaryKey: 'Primary key', secondaryKey: 'Secondary key', accessKey: 'Access key' };
const date = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const days = (n: number) => (n === 0 ? 'less than a day' : n === 1 ? '1 day' : `${n.toLocaleString()} days`);

/** How old each stored key is (since its last rotation here, or since it was stored), and a reminder when one is past the age set in
 * Settings. */
export function RotateKeyAges({ ages, onRotate }: { ages: readonly KeyAge[]; onRotate(): void }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  if (ages.length === 0) return null;
  const due = ages.filter((a) => a.due);
  return (
    <div className={styles.root} data-testid="key-ages">
      <dl className={layout.terms}>
        {ages.map((a) => (
          <Fragment key={a.secret}>
            <dt className={layout.term}>
              <Body1>{keyLabels[a.secret]} age</Body1>
            </dt>
            <dd className={layout.value}>
              <Body1 className={a.due ? styles.due : undefined}>
                {a.due && <ClockAlarmRegular aria-hidden />}
                {days(a.ageDays)} ({a.rotatedAt ? `regenerated here ${date(a.rotatedAt)}` : `stored ${date(a.since)}`})
              </Body1>
            </dd>
          </Fragment>
        ))}
      </dl>
      {due.length > 0 && (
        <WarningBar title="Time to rotate" action={<Button onClick={onRotate}>Regenerate key…</Button>}>
          {due.map((a) => `The ${keyLabels[a.secret].toLowerCase()} is ${days(a.ageDays)} old`).join('; ')}: older than the reminder age set
          in Settings.
        </WarningBar>
      )}
    </div>
  );
}
