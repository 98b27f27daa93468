import { makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useState, type KeyboardEvent, type RefObject } from 'react';
import type { TokenView } from '../../../shared/tokens.ts';
import { rowHeight, TokenRow } from './TokenRow.tsx';

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
    ':focus-visible [data-active="true"]': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
});

export const tokenOptionId = (id: string) => `token-${id}`;

export interface TokenListProps {
  tokens: readonly TokenView[];
  selectedId: string | undefined;
  onOpen(id: string): void;
  warningMs: number;
  listRef: RefObject<HTMLDivElement | null>;
}

/**
 * The tokens as a listbox that renders only the rows in view (like the accounts list), so a
 * thousand live countdowns cost what twenty do. Arrow keys move, Enter opens.
 */
export function TokenList({ tokens: items, selectedId, onOpen, warningMs, listRef }: TokenListProps) {
  const styles = useStyles();
  const [activeId, setActiveId] = useState<string>();
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => listRef.current, estimateSize: () => rowHeight, overscan: 6 });
  const activeIndex = Math.max(
    0,
    items.findIndex((t) => t.id === (activeId ?? selectedId)),
  );
  const active = items[activeIndex];
  const rendered = virtualizer.getVirtualItems();
  // Stable, so the memoised rows do not re-render when the page does.
  const open = useCallback(
    (id: string) => {
      setActiveId(id);
      onOpen(id);
    },
    [onOpen],
  );

  function moveTo(index: number) {
    const next = Math.min(items.length - 1, Math.max(0, index));
    const token = items[next];
    if (!token) return;
    setActiveId(token.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent) {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: items.length - 1, PageDown: activeIndex + page, PageUp: activeIndex - page };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && active) {
      event.preventDefault();
      onOpen(active.id);
    }
  }

  return (
    <div
      ref={listRef}
      role="listbox"
      aria-label="Tokens"
      tabIndex={0}
      aria-activedescendant={active && rendered.some((i) => i.index === activeIndex) ? tokenOptionId(active.id) : undefined}
      className={styles.scroller}
      onKeyDown={onKeyDown}
      onFocus={() => active && virtualizer.scrollToIndex(activeIndex, { align: 'auto' })}
    >
      <div role="presentation" style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {rendered.map((item) => {
          const token = items[item.index];
          if (!token) return null;
          return (
            <TokenRow
              key={token.id}
              token={token}
              id={tokenOptionId(token.id)}
              index={item.index}
              total={items.length}
              start={item.start}
              selected={token.id === selectedId}
              active={item.index === activeIndex}
              warningMs={warningMs}
              onOpen={open}
            />
          );
        })}
      </div>
    </div>
  );
}
