import { Body1, Button, Caption1, Card, CardHeader, Subtitle2, Text } from '@fluentui/react-components';
import { ArrowSyncRegular, CopyRegular } from '@fluentui/react-icons';
import { nextToExpire, tokensToWatch } from '../../../shared/tokens-to-watch.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { formatWhen, timeLeftWords } from '../../components/when.ts';
import { sourceLabel } from '../tokens/token-format.ts';
import { useTodayStyles } from './today-styles.ts';

export interface ExpiringTokensCardProps {
  tokens: readonly TokenView[];
  now: number;
  warningMinutes: number;
  /** The token a Refresh or Copy is under way for: its buttons wait. */
  busyId: string | undefined;
  onRefresh(token: TokenView): void;
  onCopy(token: TokenView): void;
}

/** Expired and expiring tokens, the first to expire on top, each with Refresh now and Copy; else what expires next. */
export function ExpiringTokensCard({ tokens, now, warningMinutes, busyId, onRefresh, onCopy }: ExpiringTokensCardProps) {
  const styles = useTodayStyles();
  const watch = tokensToWatch(tokens);
  const next = nextToExpire(tokens);
  return (
    <Card role="region" aria-labelledby="today-expiring">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="today-expiring">
            Expires soon
          </Subtitle2>
        }
      />
      {watch.length === 0 ? (
        <Body1 as="p" className={styles.empty} data-testid="expiring-empty">
          {`Nothing expires in the next ${warningMinutes} min (the warning time in Settings). `}
          {next
            ? `Next: ${next.title}, ${timeLeftWords(Date.parse(next.expiresAt), now)}.`
            : 'Tokens you mint show here when they come that close to expiring, with Refresh now and Copy.'}
        </Body1>
      ) : (
        <ul className={styles.list} aria-label="Tokens expiring soonest first">
          {watch.map((token) => {
            const expired = Date.parse(token.expiresAt) <= now;
            const busy = busyId === token.id;
            return (
              <li key={token.id} className={styles.row} data-token-id={token.id}>
                <div className={styles.text}>
                  <Text weight="semibold">{token.title}</Text>
                  <Caption1 className={styles.muted}>{sourceLabel(token)}</Caption1>
                  <Caption1 className={expired ? styles.expired : styles.expiring}>
                    <time dateTime={token.expiresAt} title={formatWhen(token.expiresAt, now)}>
                      {expired ? 'Expired' : 'Expires'} {timeLeftWords(Date.parse(token.expiresAt), now)}
                    </time>
                  </Caption1>
                </div>
                <div className={styles.actions}>
                  {token.refreshable && (
                    <Button
                      appearance="primary"
                      icon={<ArrowSyncRegular />}
                      disabledFocusable={busy}
                      aria-label={`Refresh now: ${token.title}`}
                      onClick={() => onRefresh(token)}
                    >
                      Refresh now
                    </Button>
                  )}
                  <Button
                    icon={<CopyRegular />}
                    disabledFocusable={busy || expired}
                    aria-label={`Copy: ${token.title}`}
                    onClick={() => onCopy(token)}
                  >
                    Copy
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
