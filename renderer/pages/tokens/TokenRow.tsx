import { Badge, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { TokenView } from '../../../shared/tokens.ts';
import { LiveCountdown, LiveStatus } from './TokenStatusBadge.tsx';
import { kindLabels, scopeLabel, sourceLabel } from './token-format.ts';

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
  grow: { flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  meta: { color: tokens.colorNeutralForeground2 },
  fixed: { flexShrink: 0 },
});

export interface TokenRowProps {
  token: TokenView;
  id: string;
  index: number;
  total: number;
  start: number;
  selected: boolean;
  active: boolean;
  warningMs: number;
  onOpen(id: string): void;
}

/**
 * One token: kind, source and status on the first line; scopes and the countdown on the second.
 * Memoised: only the status and countdown (on the shared ticker) re-render each second.
 */
export const TokenRow = memo(function TokenRow({ token, id, index, total, start, selected, active, warningMs, onOpen }: TokenRowProps) {
  const styles = useStyles();
  return (
    <div
      role="option"
      id={id}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      data-active={active}
      data-testid="token-row"
      className={mergeClasses(styles.row, selected && styles.selected)}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onOpen(token.id)}
    >
      <div className={styles.line}>
        <Text weight="semibold" className={styles.fixed}>
          {kindLabels[token.kind]}
        </Text>
        <Caption1 className={mergeClasses(styles.grow, styles.meta)}>{sourceLabel(token)}</Caption1>
        {token.kept && (
          <Badge appearance="outline" color="informative" size="small" className={styles.fixed}>
            Kept
          </Badge>
        )}
        {token.autoRefresh && (
          <Badge appearance="outline" color="brand" size="small" className={styles.fixed}>
            Auto-refresh
          </Badge>
        )}
        <span className={styles.fixed}>
          <LiveStatus token={token} warningMs={warningMs} size="small" />
        </span>
      </div>
      <div className={styles.line}>
        <Caption1 className={mergeClasses(styles.grow, styles.meta)}>{scopeLabel(token) || 'No scope'}</Caption1>
        <span className={styles.fixed}>
          <LiveCountdown token={token} />
        </span>
      </div>
    </div>
  );
});
