import { Body1, mergeClasses } from '@fluentui/react-components';
import type { ReactNode, RefObject } from 'react';
import { useLayoutStyles } from './layout-styles.ts';
import { VirtualListbox, type RowPlacement } from './VirtualListbox.tsx';
import { rowHeight } from './VirtualRow.tsx';

export interface ListAndDetailProps<T extends { id: string }> {
  /** The grid that puts the two side by side (its column widths are the page's). */
  className: string;
  /** The list's name for screen readers: "Tokens". */
  label: string;
  /** What the search leaves of the list. */
  items: readonly T[];
  /** The chosen item, shown in the detail pane; undefined while nothing is chosen. */
  chosen: T | undefined;
  onChoose(id: string): void;
  /** Starts its rows' element ids: "token" gives token-<id>. */
  idPrefix: string;
  listRef: RefObject<HTMLDivElement | null>;
  /** How many rows beyond those in view are kept drawn. */
  overscan: number;
  /** A row of the list: a VirtualRow placed as `placement` says. */
  row(item: T, placement: RowPlacement): ReactNode;
  /** The chosen item's detail pane. */
  detail(item: T): ReactNode;
  /** What the list's place says when the search leaves nothing: "No token matches the search." */
  noMatch: string;
  /** What the detail pane says while nothing is chosen. */
  nothingChosen: string;
  /** Group headers among the items (see VirtualListbox). */
  isHeader?(item: T): boolean;
}

/**
 * A virtual list beside the chosen item's detail pane (Accounts, Tokens), each with its words for when
 * it has nothing to show: thousands of rows scroll as fast as ten.
 */
export function ListAndDetail<T extends { id: string }>({
  className,
  label,
  items,
  chosen,
  onChoose,
  idPrefix,
  listRef,
  overscan,
  row,
  detail,
  noMatch,
  nothingChosen,
  isHeader,
}: ListAndDetailProps<T>) {
  const layout = useLayoutStyles();
  return (
    <div className={className}>
      {items.length > 0 ? (
        <VirtualListbox
          items={items}
          label={label}
          rowHeight={rowHeight}
          optionId={(id) => `${idPrefix}-${id}`}
          selectedId={chosen?.id}
          onOpen={onChoose}
          listRef={listRef}
          overscan={overscan}
          renderRow={row}
          {...(isHeader ? { isHeader } : {})}
        />
      ) : (
        <div className={mergeClasses(layout.detailPane, layout.nothingChosen)}>
          <Body1>{noMatch}</Body1>
        </div>
      )}
      <div className={layout.detailPane}>{chosen ? detail(chosen) : <Body1 className={layout.nothingChosen}>{nothingChosen}</Body1>}</div>
    </div>
  );
}
