import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { RowPlacement } from './VirtualListbox.tsx';

/** A row's height in pixels: two lines of text. Pass it to VirtualListbox as `rowHeight`. */
export const rowHeight = 64;

const useStyles = makeStyles({
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: `${rowHeight}px`,
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    gap: tokens.spacingVerticalXXS,
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    boxShadow: `inset 3px 0 0 ${tokens.colorCompoundBrandStroke}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundSelected },
  },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
});

export interface VirtualRowProps extends RowPlacement {
  /** The item's own id, passed to `onOpen` when the row is clicked. */
  itemId: string;
  testId?: string;
  /** Two RowLines. */
  children: ReactNode;
}

/** One option of a VirtualListbox, placed where the list put it: absolutely positioned, marked when selected. */
export function VirtualRow({ id, index, total, start, selected, active, onOpen, itemId, testId, children }: VirtualRowProps) {
  const styles = useStyles();
  return (
    <div
      role="option"
      id={id}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      data-active={active}
      data-testid={testId}
      className={mergeClasses(styles.row, selected && styles.selected)}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onOpen(itemId)}
    >
      {children}
    </div>
  );
}

/** One line of a VirtualRow: text and badges side by side. */
export function RowLine({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.line}>{children}</div>;
}
