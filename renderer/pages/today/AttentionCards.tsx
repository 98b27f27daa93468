import { Body1, Button, Caption1, Card, CardHeader, Link, Subtitle2, Text } from '@fluentui/react-components';
import { accountsRequest } from '../../palette/accounts-request.ts';
import type { IdentityToRenew, KeyDue } from './today-model.ts';
import { useTodayStyles } from './today-styles.ts';

/** Stored keys past the rotation reminder age (Settings), each with the way to Accounts where Regenerate is. */
export function KeysDueCard({ keys, reminderDays }: { keys: readonly KeyDue[]; reminderDays: number }) {
  const styles = useTodayStyles();
  return (
    <Card role="region" aria-labelledby="today-keys">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="today-keys">
            Keys to rotate
          </Subtitle2>
        }
      />
      {keys.length === 0 ? (
        <Body1 as="p" className={styles.empty}>
          {`No stored key is older than ${reminderDays} days (the reminder age in Settings). Keys past it show here.`}
        </Body1>
      ) : (
        <ul className={styles.list} aria-label="Keys past their rotation age">
          {keys.map(({ account, what, key }) => (
            <li key={`${account.id} ${what}`} className={styles.row}>
              <div className={styles.text}>
                <Text weight="semibold">{account.name}</Text>
                <Caption1 className={styles.expiring}>{what}</Caption1>
              </div>
              {key ? (
                <Button size="small" onClick={() => accountsRequest.send({ accountId: account.id, action: 'rotate', key })}>
                  Regenerate…
                </Button>
              ) : (
                <Link href="#/accounts">Open in Accounts</Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Identities that must sign in again, or whose credential has expired or soon will: renewed before tokens stop coming. */
export function IdentitiesToRenewCard({ identities }: { identities: readonly IdentityToRenew[] }) {
  const styles = useTodayStyles();
  return (
    <Card role="region" aria-labelledby="today-identities">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="today-identities">
            Sign-ins to renew
          </Subtitle2>
        }
      />
      {identities.length === 0 ? (
        <Body1 as="p" className={styles.empty}>
          Every identity can still sign in. Identities Entra ID asks to sign in again, and service principals whose certificate expires
          within 30 days, show here.
        </Body1>
      ) : (
        <ul className={styles.list} aria-label="Identities to renew">
          {identities.map(({ identity, name, why, expired }) => (
            <li key={identity.id} className={styles.row}>
              <div className={styles.text}>
                <Text weight="semibold">{name}</Text>
                <Caption1 className={expired ? styles.expired : styles.expiring} title={identity.needsSignIn?.message}>
                  {why}
                </Caption1>
              </div>
              <Link href="#/identities">Open in Identities</Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
