import { Badge, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { TokenView } from '../../../shared/tokens.ts';
import type { RowPlacement } from '../../components/VirtualListbox.tsx';
import { RowLine, VirtualRow } from '../../components/VirtualRow.tsx';
import { LiveCountdown, LiveStatus } from './TokenStatusBadge.tsx';
import { kindLabels, scopeLabel, sourceLabel } from './token-format.ts';

const useStyles = makeStyles({
  grow: { flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  meta: { color: tokens.colorNeutralForeground2 },
  fixed: { flexShrink: 0 },
});

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
