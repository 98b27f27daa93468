import { Badge, Button, Caption1, makeStyles, Subtitle1, Switch, tokens } from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowDownloadRegular,
  DeleteRegular,
  DocumentSearchRegular,
  ProhibitedRegular,
} from '@fluentui/react-icons';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { describeAudience } from '../../../shared/token-audience.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import type { CopyHow } from '../../components/secret-clipboard.ts';
import { SecretValue } from '../../components/SecretValue.tsx';
import { useCall } from '../../components/use-call.ts';
import { copyToken } from './token-clipboard.ts';
import { dateTime, kindLabels, sourceLabel, statusAt } from './token-format.ts';
import { LiveCountdown, LiveStatus } from './TokenStatusBadge.tsx';
import { useTickingNow } from './ticker.ts';
import { MiddleTruncated } from '../../components/MiddleTruncated.tsx';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { useDetailField } from '../../components/use-detail-field.tsx';

const useStyles = makeStyles({
  title: { wordBreak: 'break-word', margin: 0 },
  switches: { display: 'flex', flexDirection: 'column' },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

export interface TokenDetailProps {
  token: TokenView;
  warningMs: number;
  copy: CopyHow;
  onChanged(...tokens: TokenView[]): void;
  onError(error: AppErrorShape): void;
  onClaims(): void;
  onExport(): void;
  onRevoke(): void;
  onRemove(): void;
}

/** Everything about one token, its value masked until revealed, and what can be done with it. */
export function TokenDetail({ token, warningMs, copy, onChanged, onError, onClaims, onExport, onRevoke, onRemove }: TokenDetailProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { run, busy } = useCall();
  const field = useDetailField();
  const revocable = token.kind === 'acs-user' && token.source.subject?.kind === 'acs-identity' && !token.revoked;
  const status = statusAt(token, useTickingNow(), warningMs);
  const refreshNow = token.refreshable && (status === 'expiring' || status === 'expired');

  // Mints it again from the same source now; a refusal says why and what to do, and the old value stays.
  async function refresh() {
    if (busy) return;
    const result = await run(() => api.tokens.refresh({ id: token.id }));
    if (result.ok) onChanged(result.value);
    else onError(result.error);
  }

  // The switches are not disabled while a change runs (a disabled switch drops the keyboard's focus on the page's body): a second press
  // waits.
  async function toggle(call: () => ReturnType<typeof api.tokens.keep>) {
    if (busy) return;
    const result = await run(call);
    if (result.ok) onChanged(result.value);
    else onError(result.error);
  }

  const { subject, via } = token.source;
  return (
    <section className={layout.column} aria-labelledby="token-detail-title">
      <div className={layout.row}>
        <Subtitle1 as="h2" id="token-detail-title" className={styles.title}>
          {kindLabels[token.kind]}
        </Subtitle1>
        <LiveStatus token={token} warningMs={warningMs} />
      </div>
      <Caption1>{sourceLabel(token)}</Caption1>

      {/* The value and its Copy first, right under the title: in view in a short window without scrolling the pane. */}
      <SecretValue
        key={`${token.id}-${token.expiresAt}`}
        label="Token"
        testId="token-value"
        reveal={() => api.tokens.reveal({ id: token.id })}
        copy={() => copyToken(token.id, copy)}
        onError={onError}
        unavailable={token.hasValue ? undefined : 'The app no longer holds this token: get a new one.'}
      />
      {refreshNow && (
        <div className={layout.row}>
          <Button appearance="primary" icon={<ArrowClockwiseRegular />} disabledFocusable={busy} onClick={() => void refresh()}>
            Refresh now
          </Button>
          <Caption1>Gets it again from the same source, with a new expiry.</Caption1>
        </div>
      )}

      <dl className={layout.terms}>
        {token.source.account && field(token.source.account.kind === 'arr' ? 'ARR account' : 'ACS resource', token.source.account.name)}
        {field(
          'Authenticated with',
          via.credential === 'entra'
            ? `Entra identity ${via.identityName}`
            : { primaryKey: 'Primary key', secondaryKey: 'Secondary key', accessKey: 'Access key' }[via.credential],
        )}
        {subject?.kind === 'acs-identity' && field('ACS identity', subject.label)}
        {subject?.kind === 'acs-identity' &&
          field('User ID', <MiddleTruncated value={subject.communicationUserId} label="user ID" keep={16} />)}
        {subject?.kind === 'teams-user' && field('Teams user', subject.name)}
        {subject?.kind === 'pasted-teams-token' &&
          field('Teams user', `Pasted token for user ${subject.userId}, issued to app ${subject.appId}`)}
        {token.scopes.length > 0 && field('Scopes', token.scopes.join(', '), true)}
        {field('Audience', token.audience ? `${token.audience} (${describeAudience(token.audience).name})` : 'None', true)}
        {field('Issued', dateTime(token.issuedAt))}
        {field('Expires', dateTime(token.expiresAt))}
        {field('Time left', <LiveCountdown token={token} />)}
        {token.revokedAt && field('Revoked', dateTime(token.revokedAt))}
        {token.nextRefreshAt && field('Next refresh', dateTime(token.nextRefreshAt))}
        {token.lastRefresh &&
          field(
            'Last refresh',
            token.lastRefresh.ok ? (
              dateTime(token.lastRefresh.at)
            ) : (
              <span className={styles.failed}>{`Failed ${dateTime(token.lastRefresh.at)}: ${token.lastRefresh.message ?? ''}`}</span>
            ),
          )}
      </dl>

      <div className={styles.switches}>
        <Switch
          checked={token.autoRefresh}
          disabled={!token.refreshable || token.revoked}
          label={token.refreshable ? 'Auto-refresh before it expires' : 'Auto-refresh (not possible: the app cannot get this token again)'}
          onChange={(_, d) => void toggle(() => api.tokens.setAutoRefresh({ id: token.id, on: d.checked }))}
        />
        <Switch
          checked={token.kept}
          disabled={!token.hasValue}
          label="Store in vault (kept across restarts)"
          onChange={(_, d) => void toggle(() => api.tokens.keep({ id: token.id, keep: d.checked }))}
        />
      </div>

      <div className={layout.row}>
        <Button icon={<DocumentSearchRegular />} onClick={onClaims} disabled={!token.hasValue}>
          Claims
        </Button>
        <Button icon={<ArrowDownloadRegular />} onClick={onExport} disabled={!token.hasValue}>
          Export token
        </Button>
        {revocable && (
          <Button icon={<ProhibitedRegular />} onClick={onRevoke}>
            Revoke
          </Button>
        )}
        <Button icon={<DeleteRegular />} onClick={onRemove}>
          Remove
        </Button>
        {token.kept && (
          <Badge appearance="outline" color="informative">
            Stored in vault
          </Badge>
        )}
      </div>
    </section>
  );
}
