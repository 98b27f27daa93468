import { Badge, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AccountView } from '../../../shared/accounts.ts';
import type { RowPlacement } from '../../components/VirtualListbox.tsx';
import { RowLine, VirtualRow } from '../../components/VirtualRow.tsx';
import { accountAddress } from './account-filter.ts';
import { KindBadge } from './KindBadge.tsx';

const useStyles = makeStyles({
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  meta: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
    flexShrink: 1,
    minWidth: 0,
  },
  tags: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
});

export interface AccountRowProps extends RowPlacement {
  account: AccountView;
  cloudLabel: string;
}

/** One account in the list: name and kind, then where it lives, its cloud and its tags. */
export function AccountRow({ account, cloudLabel, ...placement }: AccountRowProps) {
  const styles = useStyles();
  const shownTags = account.tags.slice(0, 3);
  return (
    <VirtualRow {...placement} itemId={account.id}>
      <RowLine>
        <Text weight="semibold" className={styles.name}>
          {account.name}
        </Text>
        <KindBadge kind={account.kind} size="small" />
        {account.secretsMissing.length > 0 && (
          <Badge appearance="tint" color="warning" size="small">
            Key missing
          </Badge>
        )}
      </RowLine>
      <RowLine>
        <Caption1 className={styles.meta}>
          {accountAddress(account)} · {cloudLabel}
        </Caption1>
        <span className={styles.tags}>
          {shownTags.map((t) => (
            <Badge key={t} appearance="outline" color="informative" size="small">
              {t}
            </Badge>
          ))}
          {account.tags.length > shownTags.length && <Caption1 className={styles.meta}>+{account.tags.length - shownTags.length}</Caption1>}
        </span>
      </RowLine>
    </VirtualRow>
  );
}
