import type { AccountView } from '../../../shared/accounts.ts';

export type KindFilter = 'all' | AccountView['kind'];

/** What the list is narrowed to: free text, and optionally one kind, one tag and one cloud. */
export interface AccountFilter {
  text: string;
  kind: KindFilter;
  tag: string | undefined;
  cloud: string | undefined;
}

export const noFilter: AccountFilter = { text: '', kind: 'all', tag: undefined, cloud: undefined };

export const kindLabels: Record<AccountView['kind'], string> = {
  arr: 'Remote Rendering',
  acs: 'Communication Services',
};

/** Where the account is reached: an ARR account's domain or an ACS resource's endpoint. */
export function accountAddress(account: AccountView): string {
  return account.kind === 'arr' ? account.accountDomain : account.endpoint;
}

// Lower-cased text a search runs over, built once per account object (the list is replaced, not mutated).
const haystacks = new WeakMap<AccountView, string>();

function haystack(account: AccountView): string {
  let text = haystacks.get(account);
  if (text === undefined) {
    const parts = [account.name, accountAddress(account), account.notes, ...account.tags];
    if (account.kind === 'arr') parts.push(account.accountId);
    text = parts.join('\n').toLowerCase();
    haystacks.set(account, text);
  }
  return text;
}

export function isFiltered(filter: AccountFilter): boolean {
  return filter.text.trim() !== '' || filter.kind !== 'all' || filter.tag !== undefined || filter.cloud !== undefined;
}

/** The accounts that match every part of the filter; each word of the text must occur somewhere. */
export function filterAccounts(accounts: readonly AccountView[], filter: AccountFilter): AccountView[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return accounts.filter(
    (a) =>
      (filter.kind === 'all' || a.kind === filter.kind) &&
      (filter.tag === undefined || a.tags.includes(filter.tag)) &&
      (filter.cloud === undefined || a.cloud === filter.cloud) &&
      words.every((w) => haystack(a).includes(w)),
  );
}

const facetCollator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Every tag and cloud in use, sorted, for the filter menus. */
export function facets(accounts: readonly AccountView[]): { tags: string[]; clouds: string[] } {
  const tags = new Set<string>();
  const clouds = new Set<string>();
  for (const a of accounts) {
    for (const t of a.tags) tags.add(t);
    clouds.add(a.cloud);
  }
  return { tags: [...tags].sort(facetCollator.compare), clouds: [...clouds].sort(facetCollator.compare) };
}

const count = new Intl.NumberFormat();

/** "3 of 1,204", or "1,204 accounts" when nothing is filtered out. */
export function countLabel(shown: number, total: number, filtered: boolean): string {
  if (!filtered) return `${count.format(total)} ${total === 1 ? 'account' : 'accounts'}`;
  return `${count.format(shown)} of ${count.format(total)}`;
}
