import { makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import { AccountRow, rowHeight } from './AccountRow.tsx';

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
    ':focus-visible [data-active="true"]': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
});

export const optionId = (accountId: string) => `account-${accountId}`;

export interface AccountListProps {
  accounts: readonly AccountView[];
  selectedId: string | undefined;
  onOpen(id: string): void;
  cloudLabel(name: string): string;
  listRef: RefObject<HTMLDivElement | null>;
}

/**
 * The accounts as a listbox that renders only the rows in view, so thousands scroll as fast as ten.
 * Focus stays on the list; arrow keys move the active row (aria-activedescendant), Enter opens it.
 */
export function AccountList({ accounts, selectedId, onOpen, cloudLabel, listRef }: AccountListProps) {
  const styles = useStyles();
  const [activeId, setActiveId] = useState<string>();
  const virtualizer = useVirtualizer({ count: accounts.length, getScrollElement: () => listRef.current, estimateSize: () => rowHeight, overscan: 10 });

  const activeIndex = Math.max(
    0,
    accounts.findIndex((a) => a.id === (activeId ?? selectedId)),
  );
  const active = accounts[activeIndex];
  const items = virtualizer.getVirtualItems();
  const activeRendered = items.some((i) => i.index === activeIndex);

  function moveTo(index: number) {
    const next = Math.min(accounts.length - 1, Math.max(0, index));
    const account = accounts[next];
    if (!account) return;
    setActiveId(account.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent) {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: accounts.length - 1, PageDown: activeIndex + page, PageUp: activeIndex - page };
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
      aria-label="Accounts"
      tabIndex={0}
      aria-activedescendant={active && activeRendered ? optionId(active.id) : undefined}
      className={styles.scroller}
      onKeyDown={onKeyDown}
      onFocus={() => active && virtualizer.scrollToIndex(activeIndex, { align: 'auto' })}
    >
      <div role="presentation" style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {items.map((item) => {
          const account = accounts[item.index];
          if (!account) return null;
          return (
            <AccountRow
              key={account.id}
              account={account}
              id={optionId(account.id)}
              index={item.index}
              total={accounts.length}
              start={item.start}
              selected={account.id === selectedId}
              active={item.index === activeIndex}
              cloudLabel={cloudLabel(account.cloud)}
              onOpen={(id) => {
                setActiveId(id);
                onOpen(id);
              }}
            />
          );
        })}
      </div>
    </div>
  );
}
