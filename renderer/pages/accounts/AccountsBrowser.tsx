import { makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import type { CopySettings } from '../../components/secret-clipboard.ts';
import { AccountDetail } from './AccountDetail.tsx';
import { AccountFilters } from './AccountFilters.tsx';
import { AccountRow } from './AccountRow.tsx';
import { countLabel, facets, isFiltered, type AccountFilter } from './account-filter.ts';
import { useSearchShortcut } from './use-search-shortcut.ts';
import { ListAndDetail } from '../../components/ListAndDetail.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: '420px' },
  split: {
    flex: 1,
    minHeight: 0,
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(300px, 1fr) minmax(340px, 460px)',
    '@media (max-width: 960px)': { gridTemplateColumns: '1fr', gridTemplateRows: '360px auto' },
  },
});

export interface AccountsBrowserProps {
  accounts: readonly AccountView[];
  shown: readonly AccountView[];
  filter: AccountFilter;
  onFilter(filter: AccountFilter): void;
  selected: AccountView | undefined;
  onSelect(id: string): void;
  cloudLabel(name: string): string;
  copy: CopySettings;
  onEdit(account: AccountView): void;
  onDelete(account: AccountView): void;
  onRotate(account: AccountView): void;
  /** False while a dialog is open, so its own Ctrl+F and '/' are left alone. */
  shortcuts: boolean;
}

/** Search and filters over the virtual list, and the selected account's details beside it. */
export function AccountsBrowser({
  accounts,
  shown,
  filter,
  onFilter,
  selected,
  onSelect,
  cloudLabel,
  copy,
  onEdit,
  onDelete,
  onRotate,
  shortcuts,
}: AccountsBrowserProps) {
  const styles = useStyles();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useSearchShortcut(searchRef, shortcuts);
  const { tags, clouds } = facets(accounts);

  return (
    <div className={styles.root}>
      <AccountFilters
        filter={filter}
        onChange={onFilter}
        tags={tags}
        clouds={clouds}
        cloudLabel={cloudLabel}
        count={countLabel(shown.length, accounts.length, isFiltered(filter))}
        searchRef={searchRef}
        onLeaveSearch={() => listRef.current?.focus()}
      />
      <ListAndDetail
        className={styles.split}
        label="Accounts"
        items={shown}
        chosen={selected}
        onChoose={onSelect}
        idPrefix="account"
        listRef={listRef}
        overscan={10}
        row={(account, placement) => (
          <AccountRow key={account.id} account={account} {...placement} cloudLabel={cloudLabel(account.cloud)} />
        )}
        noMatch="No account matches the search and filters."
        nothingChosen="Choose an account to see its details and keys."
        detail={(account) => (
          <AccountDetail
            key={account.id}
            account={account}
            cloudLabel={cloudLabel(account.cloud)}
            copy={copy}
            onEdit={() => onEdit(account)}
            onDelete={() => onDelete(account)}
            onRotate={() => onRotate(account)}
          />
        )}
      />
    </div>
  );
}
