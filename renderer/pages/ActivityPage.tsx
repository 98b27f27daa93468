import { Body1, Field, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { activityKindLabels, type ActivityKind } from '../../shared/activity.ts';
import { ChoiceDropdown } from '../components/ChoiceDropdown.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { PageStates } from '../components/PageStates.tsx';
import { plural } from '../components/plural.ts';
import { useLayoutStyles } from '../components/layout-styles.ts';
import { ActiveSessionsTable, ActivityTable } from './activity/ActivityTable.tsx';
import { activityChoices, filterActivity, type ActivityFilter } from './activity/activity-view.ts';
import { useActivity } from './activity/use-activity.ts';
import { useNow } from './identities/use-now.ts';
import { PageHeader } from './PageHeader.tsx';

const useStyles = makeStyles({
  notice: { marginBottom: tokens.spacingVerticalM },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  filter: { minWidth: '200px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  scroller: {
    overflowX: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  none: { color: tokens.colorNeutralForeground2 },
});

// ChoiceDropdown ignores an empty value, so "All" has one of its own.
const all = '*';

/** The access log, live: every key and token handed out by the app or azcred (never the value), and the runs and servers active now. */
export function ActivityPage() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { rows, loadError } = useActivity();
  const [filter, setFilter] = useState<ActivityFilter>({});
  const now = useNow(30_000);
  const choices = useMemo(() => activityChoices(rows ?? []), [rows]);
  const shown = useMemo(() => filterActivity(rows ?? [], filter), [rows, filter]);
  const active = shown.flatMap((row) => (row.active ? [row.session] : []));
  const entries = shown.flatMap((row) => (row.active ? [] : [row.entry]));
  const filtered = Boolean(filter.accountId || filter.identityId || filter.kind);

  const pick = (label: string, value: string | undefined, options: { value: string; text: string }[], set: (v?: string) => void) => (
    <Field label={label} className={styles.filter}>
      <ChoiceDropdown
        choices={[{ value: all, text: 'All' }, ...options]}
        value={value ?? all}
        placeholder="All"
        onChange={(v) => set(v === all ? undefined : v)}
      />
    </Field>
  );

  return (
    <>
      <PageHeader
        title="Activity"
        lead="Every key and token handed out, here or by azcred: when, what, through which account or identity, and to whom. Never the value."
      />
      <ErrorBar className={styles.notice} error={loadError} />
      <PageStates
        items={rows}
        loading="Loading the access log…"
        empty={
          <EmptyState
            icon={HistoryRegular}
            title="Nothing handed out yet"
            points={[
              'A key or connection string revealed, copied or exported with its account.',
              'A token revealed, copied or exported here, or printed by azcred token.',
              'Tokens served to a program under azcred run, or by azcred serve, and those runs while they last.',
            ]}
          >
            Each time a credential leaves the vault it is listed here, live, with who received it. The log stays on this machine and holds
            no secret.
          </EmptyState>
        }
      >
        <div className={styles.filters} role="group" aria-label="Filter the activity">
          {pick('Account', filter.accountId, choices.accounts, (accountId) => setFilter((f) => ({ ...f, accountId })))}
          {pick('Identity', filter.identityId, choices.identities, (identityId) => setFilter((f) => ({ ...f, identityId })))}
          {pick(
            'Kind',
            filter.kind,
            choices.kinds.map((kind) => ({ value: kind, text: activityKindLabels[kind] })),
            (kind) => setFilter((f) => ({ ...f, kind: kind as ActivityKind | undefined })),
          )}
          <Body1 className={layout.muted} role="status">
            {plural(entries.length, 'entry', 'entries')}
            {filtered ? (entries.length === 1 ? ' matches' : ' match') : ''}
          </Body1>
        </div>
        {active.length > 0 && (
          <section className={styles.section} aria-labelledby="activity-active">
            <Subtitle2 as="h2" id="activity-active">
              Active now
            </Subtitle2>
            <div className={styles.scroller}>
              <ActiveSessionsTable sessions={active} now={now} />
            </div>
          </section>
        )}
        <section className={styles.section} aria-labelledby="activity-log">
          <Subtitle2 as="h2" id="activity-log">
            Handed out
          </Subtitle2>
          {entries.length > 0 ? (
            <div className={styles.scroller}>
              <ActivityTable entries={entries} now={now} />
            </div>
          ) : (
            <Body1 className={styles.none}>Nothing handed out matches these filters.</Body1>
          )}
        </section>
      </PageStates>
    </>
  );
}
