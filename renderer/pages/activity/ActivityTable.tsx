import { Badge, Caption1, makeStyles, mergeClasses, TableCell, TableRow, Text } from '@fluentui/react-components';
import {
  activityActionLabels,
  activityKindLabels,
  activityRecipientText,
  activityThroughText,
  type ActiveSession,
  type ActivityAction,
  type ActivityEntry,
} from '../../../shared/activity.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { formatMoment } from '../../components/when.ts';
import { relativeTime } from '../identities/relative-time.ts';

const useStyles = makeStyles({
  table: { minWidth: '860px' },
  time: { width: '150px' },
  action: { width: '120px' },
  through: { width: '200px' },
  to: { width: '260px' },
  // A program's command line can be long: two lines of it, the whole in its tooltip.
  program: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', wordBreak: 'break-all' },
});

const actionColors: Partial<Record<ActivityAction, 'brand' | 'informative' | 'warning' | 'success'>> = {
  reveal: 'warning',
  copy: 'warning',
  export: 'warning',
  print: 'brand',
  serve: 'informative',
  'run-start': 'success',
  'server-start': 'success',
};

function When({ iso, now }: { iso: string; now: number }) {
  const layout = useLayoutStyles();
  return (
    <div className={layout.cellLines}>
      <time dateTime={iso}>{relativeTime(iso, now)}</time>
      <Caption1 className={layout.muted}>{formatMoment(iso, now, undefined, true)}</Caption1>
    </div>
  );
}

function EntryCells({ entry }: { entry: ActivityEntry }) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { program, ...door } = entry.to;
  return (
    <>
      <TableCell>
        <div className={layout.cellLines}>
          <Text>{entry.what}</Text>
          <Caption1 className={layout.muted}>
            {activityKindLabels[entry.kind]}
            {entry.resource ? ` · ${entry.resource}` : ''}
          </Caption1>
        </div>
      </TableCell>
      <TableCell>{activityThroughText(entry)}</TableCell>
      <TableCell>
        <div className={layout.cellLines}>
          <span className={layout.monoMuted}>{activityRecipientText(door)}</span>
          {program && (
            <Caption1 className={mergeClasses(layout.muted, styles.program)} title={program}>
              for {program}
            </Caption1>
          )}
        </div>
      </TableCell>
    </>
  );
}

/** Every credential handed out, newest first: when, how, what, through which account or identity, to whom. */
export function ActivityTable({ entries, now }: { entries: readonly ActivityEntry[]; now: number }) {
  const styles = useStyles();
  return (
    <DataTable
      label="Access log"
      className={styles.table}
      columns={[
        { label: 'When', className: styles.time },
        { label: 'Action', className: styles.action },
        { label: 'What' },
        { label: 'Through', className: styles.through },
        { label: 'To', className: styles.to },
      ]}
    >
      {entries.map((entry) => (
        <TableRow key={entry.id} data-activity-id={entry.id}>
          <TableCell>
            <When iso={entry.time} now={now} />
          </TableCell>
          <TableCell>
            <Badge appearance="tint" color={actionColors[entry.action] ?? 'informative'}>
              {activityActionLabels[entry.action]}
            </Badge>
          </TableCell>
          <EntryCells entry={entry} />
        </TableRow>
      ))}
    </DataTable>
  );
}

/** The runs and token servers active now: what they serve, since when, through which identity or key, and their process. */
export function ActiveSessionsTable({ sessions, now }: { sessions: readonly ActiveSession[]; now: number }) {
  const styles = useStyles();
  return (
    <DataTable
      label="Active now"
      className={styles.table}
      columns={[
        { label: 'Since', className: styles.time },
        { label: 'Kind', className: styles.action },
        { label: 'What' },
        { label: 'Through', className: styles.through },
        { label: 'To', className: styles.to },
      ]}
    >
      {sessions.map((session) => (
        <TableRow key={session.id} data-session-id={session.id}>
          <TableCell>
            <When iso={session.startedAt} now={now} />
          </TableCell>
          <TableCell>
            <Badge appearance="filled" color="success">
              {session.kind === 'run' ? 'Run' : 'Token server'}
            </Badge>
          </TableCell>
          <EntryCells entry={session.start} />
        </TableRow>
      ))}
    </DataTable>
  );
}
