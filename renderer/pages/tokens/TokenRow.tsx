import { Badge, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { TokenView } from '../../../shared/tokens.ts';
import type { RowPlacement } from '../../components/VirtualListbox.tsx';
import { RowLine, VirtualRow } from '../../components/VirtualRow.tsx';
import { LiveCountdown, LiveStatus } from './TokenStatusBadge.tsx';
import { kindLabels, scopeLabel, sourceLabel } from './token-format.ts';
import { groupLabels, type GroupHeader } from './token-order.ts';

const useStyles = makeStyles({
  grow: { flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  meta: { color: tokens.colorNeutralForeground2 },
  fixed: { flexShrink: 0 },
  header: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: '32px',
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground1,
  },
});

/** A group's header ("Expiring soon · 2"): a row of its own in the list, which the keyboard passes over. */
export function GroupHeaderRow({ header, start }: { header: GroupHeader; start: number }) {
  const styles = useStyles();
  return (
    <div role="presentation" className={styles.header} style={{ transform: `translateY(${start}px)` }} data-testid="token-group">
      <Text weight="semibold" size={200}>
        {groupLabels[header.group]}
      </Text>{' '}
      <Caption1 className={styles.meta}>{`· ${header.count}`}</Caption1>
    </div>
  );
}

export interface TokenRowProps extends RowPlacement {
  token: TokenView;
  warningMs: number;
}

/**
 * One token: kind, source and status on the first line; scopes and the countdown on the second.
 * Memoised: only the status and countdown (on the shared ticker) re-render each second.
 */
export const TokenRow = memo(function TokenRow({ token, warningMs, ...placement }: TokenRowProps) {
  const styles = useStyles();
  return (
    <VirtualRow {...placement} itemId={token.id} testId="token-row">
      <RowLine>
        <Text weight="semibold" className={styles.fixed}>
          {kindLabels[token.kind]}
        </Text>
        <Caption1 className={mergeClasses(styles.grow, styles.meta)}>{sourceLabel(token)}</Caption1>
        {token.kept && (
          <Badge appearance="outline" color="informative" size="small" className={styles.fixed}>
            Stored in vault
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
      </RowLine>
      <RowLine>
        <Caption1 className={mergeClasses(styles.grow, styles.meta)}>{scopeLabel(token) || 'No scope'}</Caption1>
        <span className={styles.fixed}>
          <LiveCountdown token={token} />
        </span>
      </RowLine>
    </VirtualRow>
  );
});
