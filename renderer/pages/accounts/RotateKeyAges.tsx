import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ClockAlarmRegular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import type { KeyAge } from '../../../shared/key-rotation.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { formatMoment } from '../../components/when.ts';
import { WarningBar } from '../../components/WarningBar.tsx';

const useStyles = makeStyles({
  due: { color: tokens.colorPaletteDarkOrangeForeground1, display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

const keyLabels: Record<KeyAge['secret'], string> = { primaryKey: 'Primary key', secondaryKey: 'Secondary key', accessKey: 'Access key' };
const days = (n: number) => (n === 0 ? 'less than a day' : n === 1 ? '1 day' : `${n.toLocaleString()} days`);

/**
 * How old each stored key is (since its last rotation here, or since it was stored): terms of the
 * detail's one description list, so their labels line up with the others.
 */
export function KeyAgeTerms({ ages }: { ages: readonly KeyAge[] }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  return ages.map((a) => (
    <Fragment key={a.secret}>
      <dt className={layout.term}>
        <Body1>{keyLabels[a.secret]} age</Body1>
      </dt>
      <dd className={layout.value}>
        <Body1 className={a.due ? styles.due : undefined}>
          {a.due && <ClockAlarmRegular aria-hidden />}
          {days(a.ageDays)} ({a.rotatedAt ? `regenerated here ${formatMoment(a.rotatedAt)}` : `stored ${formatMoment(a.since)}`})
        </Body1>
      </dd>
    </Fragment>
  ));
}

/** A reminder when a key is past the age set in Settings, with the way to regenerate it. */
export function RotateReminder({ ages, onRotate }: { ages: readonly KeyAge[]; onRotate(): void }) {
  const due = ages.filter((a) => a.due);
  if (due.length === 0) return null;
  return (
    <WarningBar title="Time to rotate" action={<Button onClick={onRotate}>Regenerate key…</Button>}>
      {due.map((a) => `The ${keyLabels[a.secret].toLowerCase()} is ${days(a.ageDays)} old`).join('; ')}: older than the reminder age set in
      Settings.
    </WarningBar>
  );
}
