import { makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

const useStyles = makeStyles({
  scroller: {
    height: '100%',
    overflowY: 'auto',
    position: 'relative',
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: 'none',
    ':focus-visible': shorthands.borderColor(tokens.colorStrokeFocus2),
    // The keyboard cursor: a focus ring on the active row while the list has keyboard focus.
    ':focus-visible [data-active="true"]': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
});

/** What a row gets to draw itself as an option of the list. */
export interface RowPlacement {
  /** The option's element id (for aria-activedescendant). */
  id: string;
  index: number;
  total: number;
  /** Its offset from the top, in pixels. */
  start: number;
  selected: boolean;
  active: boolean;
  /** Stable between renders, so memoised rows do not re-render with the page. */
  onOpen(id: string): void;
}

export interface VirtualListboxProps<T extends { id: string }> {
  items: readonly T[];
  label: string;
  rowHeight: number;
  optionId(id: string): string;
  selectedId: string | undefined;
  onOpen(id: string): void;
  listRef: RefObject<HTMLDivElement | null>;
  renderRow(item: T, placement: RowPlacement): ReactNode;
  overscan?: number;
  /** A group's header among the rows (drawn by `renderRow`, `headerHeight` tall): the keyboard passes over it. */
  isHeader?(item: T): boolean;
  headerHeight?: number;
}

/**
 * A listbox that renders only the rows in view, so thousands of rows scroll as fast as ten. Focus
 * stays on the list; arrow keys, Home/End and PageUp/PageDown move the active row
 * (aria-activedescendant), Enter or Space opens it.
 */
export function VirtualListbox<T extends { id: string }>({
  items,
  label,
  rowHeight,
  optionId,
  selectedId,
  onOpen,
  listRef,
  renderRow,
  overscan = 8,
  isHeader: isHeaderItem,
  headerHeight = 32,
}: VirtualListboxProps<T>) {
  const styles = useStyles();
  const isHeader = (item: T | undefined) => item !== undefined && isHeaderItem !== undefined && isHeaderItem(item);
  const [activeId, setActiveId] = useState<string>();
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => listRef.current,
    estimateSize: (index) => (isHeader(items[index]) ? headerHeight : rowHeight),
    // Keyed by id: the sizes follow the rows when they move (a header is shorter than a row).
    getItemKey: (index) => items[index]?.id ?? index,
    overscan,
  });
  const found = items.findIndex((item) => item.id === (activeId ?? selectedId));
  const activeIndex =
    found >= 0
      ? found
      : Math.max(
          0,
          items.findIndex((item) => !isHeader(item)),
        );
  const active = items[activeIndex];
  const rendered = virtualizer.getVirtualItems();
  const open = useCallback(
    (id: string) => {
      setActiveId(id);
      onOpen(id);
    },
    [onOpen],
  );

  function moveTo(index: number) {
    const clamped = Math.min(items.length - 1, Math.max(0, index));
    // Past a header, in the direction of travel (back the other way at either end).
    const step = clamped < activeIndex ? -1 : 1;
    let next = clamped;
    while (isHeader(items[next])) next += step;
    if (!items[next]) for (next = clamped - step; isHeader(items[next]); next -= step);
    const item = items[next];
    if (!item || isHeader(item)) return;
    setActiveId(item.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent) {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: items.length - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && active) {
      event.preventDefault();
      open(active.id);
    }
  }

  return (
    <div
      ref={listRef}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={active && rendered.some((i) => i.index === activeIndex) ? optionId(active.id) : undefined}
      className={styles.scroller}
      onKeyDown={onKeyDown}
      onFocus={() => active && virtualizer.scrollToIndex(activeIndex, { align: 'auto' })}
    >
      <div role="presentation" style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {rendered.map((virtual) => {
          const item = items[virtual.index];
          if (!item) return null;
          return renderRow(item, {
            id: optionId(item.id),
            index: virtual.index,
            total: items.length,
            start: virtual.start,
            selected: item.id === selectedId,
            active: virtual.index === activeIndex,
            onOpen: open,
          });
        })}
      </div>
    </div>
  );
}
