import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface DataTableColumn {
  label: ReactNode;
  /** A class for its header cell. */
  className?: string | undefined;
  /** Its fixed width ('210px'), for a table laid out at fixed widths; a column without one takes what the others leave. */
  width?: string | undefined;
}

export interface DataTableProps {
  /** What the table lists, for screen readers: "Cloud profiles". */
  label: string;
  /** The header row; a false entry is a column not shown this time. */
  columns: readonly (DataTableColumn | false | undefined)[];
  size?: 'small' | 'medium';
  className?: string | undefined;
  /** The rows: TableRow elements. */
  children: ReactNode;
}

/** A Fluent table with its header row, as the app's lists in dialogs and cards draw it. */
export function DataTable({ label, columns, size = 'small', className, children }: DataTableProps) {
  return (
    <Table aria-label={label} size={size} className={className}>
      <TableHeader>
        <TableRow>
          {columns.map(
            (column, index) =>
              column && (
                <TableHeaderCell key={index} className={column.className} style={column.width ? { width: column.width } : undefined}>
                  {column.label}
                </TableHeaderCell>
              ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}
