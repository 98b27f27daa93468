import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { RoleAssignmentView } from '../../../shared/roles.ts';
import { scopeLevelLabels } from './role-words.ts';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    minWidth: 0,
  },
  mono: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    wordBreak: 'break-all',
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The role assignments that apply to an identity on a resource: where each was made, and to whom (the identity or a group). */
export function AssignmentTable({ assignments }: { assignments: readonly RoleAssignmentView[] }) {
  const styles = useStyles();
  if (assignments.length === 0) return <Caption1 className={styles.muted}>No role assignment applies to this identity here.</Caption1>;
  return (
    <div className={styles.scroller}>
      <Table size="small" aria-label="Role assignments">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Scope</TableHeaderCell>
            <TableHeaderCell>Assigned to</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {assignments.map((a) => (
            <TableRow key={a.id}>
              <TableCell>
                <div className={styles.stack}>
                  <Text size={200} weight="semibold">
                    {a.roleName}
                  </Text>
                  {a.condition && <span className={styles.mono}>Condition: {a.condition}</span>}
                </div>
              </TableCell>
              <TableCell>
                <div className={styles.stack}>
                  <Text size={200}>
                    {scopeLevelLabels[a.scopeLevel]}
                    {a.inherited ? ' (inherited)' : ''}
                  </Text>
                  <span className={styles.mono}>{a.scope}</span>
                </div>
              </TableCell>
              <TableCell>
                <div className={styles.stack}>
                  <Text size={200}>
                    {a.viaGroup
                      ? `A group it is in: ${a.viaGroup.name ?? 'name not looked up'}`
                      : a.principalType === 'ServicePrincipal'
                        ? 'The service principal'
                        : 'The identity itself'}
                  </Text>
                  <span className={styles.mono}>{a.principalId}</span>
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
