import { Badge, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { AccountView } from '../../../shared/accounts.ts';
import { accountAddress, kindLabels } from './account-filter.ts';

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
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  meta: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2, flexShrink: 1, minWidth: 0 },
  tags: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
});

export interface AccountRowProps {
  account: AccountView;
  id: string;
  index: number;
  total: number;
  start: number;
  selected: boolean;
  active: boolean;
  cloudLabel: string;
  onOpen(id: string): void;
}

/** One account in the list: name and kind, then where it lives, its cloud and its tags. */
export function AccountRow({ account, id, index, total, start, selected, active, cloudLabel, onOpen }: AccountRowProps) {
  const styles = useStyles();
  const shownTags = account.tags.slice(0, 3);
  return (
    <div
      role="option"
      id={id}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      data-active={active}
      className={mergeClasses(styles.row, selected && styles.selected)}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onOpen(account.id)}
    >
      <div className={styles.line}>
        <Text weight="semibold" className={styles.name}>
          {account.name}
        </Text>
        <Badge appearance="tint" color={account.kind === 'arr' ? 'brand' : 'informative'} size="small">
          {kindLabels[account.kind]}
        </Badge>
        {account.secretsMissing.length > 0 && (
          <Badge appearance="tint" color="warning" size="small">
            Key missing
          </Badge>
        )}
      </div>
      <div className={styles.line}>
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
      </div>
    </div>
  );
}
