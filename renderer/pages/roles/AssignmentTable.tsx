import { Caption1, TableCell, TableRow, Text } from '@fluentui/react-components';
import type { RoleAssignmentView } from '../../../shared/roles.ts';
import { assignedTo } from './principal-labels.ts';
import { scopeLevelLabels } from './role-words.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { DataTable } from '../../components/DataTable.tsx';

/** The role assignments that apply to an identity on a resource: where each was made, and to whom (the identity or a group). */
export function AssignmentTable({ assignments }: { assignments: readonly RoleAssignmentView[] }) {
  const layout = useLayoutStyles();
  if (assignments.length === 0) return <Caption1 className={layout.muted}>No role assignment applies to this identity here.</Caption1>;
  return (
    <div className={layout.scrollX}>
      <DataTable label="Role assignments" columns={[{ label: 'Role' }, { label: 'Scope' }, { label: 'Assigned to' }]}>
        {assignments.map((a) => (
          <TableRow key={a.id}>
            <TableCell>
              <div className={layout.cellLines}>
                <Text size={200} weight="semibold">
                  {a.roleName}
                </Text>
                {a.condition && <span className={layout.monoMuted}>Condition: {a.condition}</span>}
              </div>
            </TableCell>
            <TableCell>
              <div className={layout.cellLines}>
                <Text size={200}>
                  {scopeLevelLabels[a.scopeLevel]}
                  {a.inherited ? ' (inherited)' : ''}
                </Text>
                <span className={layout.monoMuted}>{a.scope}</span>
              </div>
            </TableCell>
            <TableCell>
              <div className={layout.cellLines}>
                <Text size={200}>{assignedTo(a)}</Text>
                <span className={layout.monoMuted}>{a.principalId}</span>
              </div>
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </div>
  );
}
