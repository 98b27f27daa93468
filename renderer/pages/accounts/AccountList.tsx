import type { RefObject } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import { VirtualListbox } from '../../components/VirtualListbox.tsx';
import { rowHeight } from '../../components/VirtualRow.tsx';
import { AccountRow } from './AccountRow.tsx';

const optionId = (accountId: string) => `account-${accountId}`;

export interface AccountListProps {
  accounts: readonly AccountView[];
  selectedId: string | undefined;
  onOpen(id: string): void;
  cloudLabel(name: string): string;
  listRef: RefObject<HTMLDivElement | null>;
}

/** The accounts as a virtual listbox: thousands scroll as fast as ten. */
export function AccountList({ accounts, selectedId, onOpen, cloudLabel, listRef }: AccountListProps) {
  return (
    <VirtualListbox
      items={accounts}
      label="Accounts"
      rowHeight={rowHeight}
      optionId={optionId}
      selectedId={selectedId}
      onOpen={onOpen}
      listRef={listRef}
      overscan={10}
      renderRow={(account, placement) => (
        <AccountRow key={account.id} account={account} {...placement} cloudLabel={cloudLabel(account.cloud)} />
      )}
    />
  );
}
