import { Badge, Caption1, Checkbox, makeStyles, mergeClasses, TableCell, TableRow, Text } from '@fluentui/react-components';
import type { DiscoveredResource, DiscoveredSubscription } from '../../../shared/discovery.ts';
import { kindLabels } from './account-filter.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { DataTable } from '../../components/DataTable.tsx';

const useStyles = makeStyles({
  scroller: { maxHeight: '360px' },
  table: { minWidth: '640px' },
  check: { width: '44px' },
  name: { wordBreak: 'break-word' },
});

export interface DiscoverResourceTableProps {
  resources: readonly DiscoveredResource[];
  subscriptions: readonly DiscoveredSubscription[];
  selected: ReadonlySet<string>;
  onChange(selected: Set<string>): void;
}

/** What the identity can see, to tick for import; a resource that is already an account here says as what, and cannot be ticked. */
export function DiscoverResourceTable({ resources, subscriptions, selected, onChange }: DiscoverResourceTableProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const subscriptionName = (id: string) => subscriptions.find((s) => s.subscriptionId === id)?.displayName ?? id;
  const choosable = resources.filter((r) => !r.alreadyImportedAs);
  const ticked = choosable.filter((r) => selected.has(r.resourceId)).length;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };

  return (
    <div className={mergeClasses(layout.tableBox, styles.scroller)}>
      <DataTable
        label="Resources found"
        className={styles.table}
        columns={[
          {
            label: (
              <Checkbox
                aria-label="Choose every resource not yet added"
                disabled={choosable.length === 0}
                checked={ticked === 0 ? false : ticked === choosable.length ? true : 'mixed'}
                onChange={(_, d) => onChange(new Set(d.checked === true ? choosable.map((r) => r.resourceId) : []))}
              />
            ),
            className: styles.check,
          },
          { label: 'Resource' },
          { label: 'Location' },
          { label: 'Subscription and resource group' },
        ]}
      >
        {resources.map((r) => (
          <TableRow key={r.resourceId} data-resource={r.name}>
            <TableCell className={styles.check}>
              <Checkbox
                aria-label={r.alreadyImportedAs ? `${r.name} is already added as ${r.alreadyImportedAs.name}` : `Import ${r.name}`}
                disabled={r.alreadyImportedAs !== null}
                checked={r.alreadyImportedAs !== null || selected.has(r.resourceId)}
                onChange={(_, d) => toggle(r.resourceId, d.checked === true)}
              />
            </TableCell>
            <TableCell>
              <div className={layout.cellLines}>
                <Text weight="semibold" size={200} className={styles.name}>
                  {r.name}
                </Text>
                <Badge appearance="tint" size="small" color={r.kind === 'arr' ? 'brand' : 'informative'}>
                  {kindLabels[r.kind]}
                </Badge>
                {r.alreadyImportedAs && <Caption1 className={layout.muted}>Already added as “{r.alreadyImportedAs.name}”</Caption1>}
              </div>
            </TableCell>
            <TableCell>
              <Text size={200}>{r.location}</Text>
            </TableCell>
            <TableCell>
              <div className={layout.cellLines}>
                <Text size={200}>{subscriptionName(r.subscriptionId)}</Text>
                <Caption1 className={layout.muted}>{r.resourceGroup}</Caption1>
              </div>
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </div>
  );
}
