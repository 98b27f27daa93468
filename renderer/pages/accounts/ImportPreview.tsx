import { Badge, Caption1, Checkbox, makeStyles, TableCell, TableRow, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { ImportItem } from '../../../shared/accounts.ts';
import { kindLabels } from './account-filter.ts';
import { DataTable } from '../../components/DataTable.tsx';

const useStyles = makeStyles({
  scroll: { maxHeight: '320px', overflowY: 'auto' },
  issues: { display: 'flex', flexDirection: 'column', color: tokens.colorPaletteRedForeground1, paddingBottom: tokens.spacingVerticalS },
  select: { width: '56px' },
  kind: { width: '190px' },
  status: { width: '130px' },
  keys: { width: '160px' },
});

const statusLabels: Record<ImportItem['status'], { text: string; color: 'success' | 'brand' | 'danger' | 'warning' | 'subtle' }> = {
  ready: { text: 'Ready', color: 'brand' },
  added: { text: 'Added', color: 'success' },
  invalid: { text: 'Has problems', color: 'danger' },
  duplicate: { text: 'Already here', color: 'warning' },
  skipped: { text: 'Skipped', color: 'subtle' },
};

const secretNames = {
  primaryKey: 'primary key',
  secondaryKey: 'secondary key',
  accessKey: 'access key',
  connectionString: 'connection string',
};

export interface ImportPreviewProps {
  items: readonly ImportItem[];
  /** Indexes chosen for import; no checkboxes once the import is done. */
  chosen: ReadonlySet<number> | undefined;
  onChoose?(index: number, chosen: boolean): void;
}

/** What an import found: each account with its status, the keys it carries (names only) and its problems. */
export function ImportPreview({ items, chosen, onChoose }: ImportPreviewProps) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <DataTable
        label="Accounts in the file"
        columns={[
          chosen && { label: 'Import', className: styles.select },
          { label: 'Name' },
          { label: 'Kind', className: styles.kind },
          { label: 'Status', className: styles.status },
          { label: 'Keys', className: styles.keys },
        ]}
      >
        {items.map((item) => (
          <Fragment key={item.index}>
            <TableRow>
              {chosen && (
                <TableCell className={styles.select}>
                  <Checkbox
                    aria-label={`Import ${item.name || `item ${item.index + 1}`}`}
                    checked={chosen.has(item.index)}
                    disabled={item.status !== 'ready'}
                    onChange={(_, d) => onChoose?.(item.index, d.checked === true)}
                  />
                </TableCell>
              )}
              <TableCell>{item.name || `Item ${item.index + 1}`}</TableCell>
              <TableCell>{item.kind === 'unknown' ? 'Unknown' : kindLabels[item.kind]}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={statusLabels[item.status].color}>
                  {statusLabels[item.status].text}
                </Badge>
              </TableCell>
              <TableCell>{item.secrets.length ? item.secrets.map((s) => secretNames[s]).join(', ') : 'None'}</TableCell>
            </TableRow>
            {item.issues.length > 0 && (
              // The problems get a row of their own, as wide as the table, under the item they belong to.
              <TableRow aria-label={`Problems with ${item.name || `item ${item.index + 1}`}`}>
                <TableCell colSpan={chosen ? 5 : 4}>
                  <span className={styles.issues}>
                    {item.issues.map((issue, i) => (
                      <Caption1 key={i}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</Caption1>
                    ))}
                  </span>
                </TableCell>
              </TableRow>
            )}
          </Fragment>
        ))}
      </DataTable>
    </div>
  );
}
