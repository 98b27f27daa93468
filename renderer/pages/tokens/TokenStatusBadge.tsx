import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ClockAlarmRegular, DismissCircleRegular, ProhibitedRegular } from '@fluentui/react-icons';
import type { JSX } from 'react';
import type { TokenStatus, TokenView } from '../../../shared/tokens.ts';
import { useTickingNow } from './ticker.ts';
import { timeLeft, statusAt, statusLabels } from './token-format.ts';

const useStyles = makeStyles({
  countdown: {
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
  },
});

// Colour and icon and words together: the status never rests on colour alone.
const looks: Record<TokenStatus, { color: 'success' | 'warning' | 'danger' | 'subtle'; icon: JSX.Element }> = {
  valid: { color: 'success', icon: <CheckmarkCircleRegular /> },
  expiring: { color: 'warning', icon: <ClockAlarmRegular /> },
  expired: { color: 'danger', icon: <DismissCircleRegular /> },
  revoked: { color: 'subtle', icon: <ProhibitedRegular /> },
};

function StatusBadge({ status, size = 'medium' }: { status: TokenStatus; size?: 'small' | 'medium' }) {
  const look = looks[status];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} size={size} data-status={status}>
      {statusLabels[status]}
    </Badge>
  );
}

/** The token's status badge, live on the page's one ticker. */
export function LiveStatus({
  token,
  warningMs,
  size,
}: {
  token: Pick<TokenView, 'revoked' | 'expiresAt'>;
  warningMs: number;
  size?: 'small' | 'medium';
}) {
  const now = useTickingNow();
  return <StatusBadge status={statusAt(token, now, warningMs)} {...(size ? { size } : {})} />;
}

/** Time left in words ("in 43 min"), kept live by the shared ticker. */
export function LiveCountdown({ token }: { token: Pick<TokenView, 'revoked' | 'expiresAt'> }) {
  const styles = useStyles();
  const now = useTickingNow();
  if (token.revoked) return <Caption1 className={styles.countdown}>Revoked</Caption1>;
  return (
    <Caption1 className={styles.countdown} data-testid="token-countdown">
      {timeLeft(token.expiresAt, now)}
    </Caption1>
  );
}
