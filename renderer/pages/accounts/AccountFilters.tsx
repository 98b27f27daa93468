import { Caption1, Dropdown, makeStyles, Option, SearchBox, tokens } from '@fluentui/react-components';
import type { RefObject } from 'react';
import { kindLabels, type AccountFilter, type KindFilter } from './account-filter.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  search: { flex: '1 1 260px', maxWidth: '420px' },
  dropdown: { minWidth: '170px' },
  count: { marginLeft: 'auto', color: tokens.colorNeutralForeground2 },
});

const anyTag = '\u0000any-tag';
const anyCloud = '\u0000any-cloud';

export interface AccountFiltersProps {
  filter: AccountFilter;
  onChange(filter: AccountFilter): void;
  tags: readonly string[];
  clouds: readonly string[];
  cloudLabel(name: string): string;
  count: string;
  searchRef: RefObject<HTMLInputElement | null>;
  /** ArrowDown in the search box moves to the list. */
  onLeaveSearch(): void;
}

/** Search text and the kind, tag and cloud filters, with how many accounts they leave. */
export function AccountFilters({ filter, onChange, tags, clouds, cloudLabel, count, searchRef, onLeaveSearch }: AccountFiltersProps) {
  const styles = useStyles();
  const kinds: { value: KindFilter; label: string }[] = [
    { value: 'all', label: 'All kinds' },
    { value: 'arr', label: kindLabels.arr },
    { value: 'acs', label: kindLabels.acs },
  ];
  return (
    <div className={styles.root} role="search" aria-label="Find accounts">
      <SearchBox
        input={{ ref: searchRef }}
        className={styles.search}
        aria-label="Search accounts"
        aria-keyshortcuts="Control+F /"
        placeholder="Search accounts (Ctrl+F or /)"
        value={filter.text}
        onChange={(_, d) => onChange({ ...filter, text: d.value })}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            onLeaveSearch();
          }
        }}
      />
      <Dropdown
        className={styles.dropdown}
        aria-label="Kind"
        value={kinds.find((k) => k.value === filter.kind)?.label ?? ''}
        selectedOptions={[filter.kind]}
        onOptionSelect={(_, d) => onChange({ ...filter, kind: (d.optionValue as KindFilter | undefined) ?? 'all' })}
      >
        {kinds.map((k) => (
          <Option key={k.value} value={k.value}>
            {k.label}
          </Option>
        ))}
      </Dropdown>
      <Dropdown
        className={styles.dropdown}
        aria-label="Tag"
        value={filter.tag ?? 'All tags'}
        selectedOptions={[filter.tag ?? anyTag]}
        onOptionSelect={(_, d) => onChange({ ...filter, tag: d.optionValue === anyTag ? undefined : d.optionValue })}
      >
        <Option value={anyTag}>All tags</Option>
        {tags.map((t) => (
          <Option key={t} value={t}>
            {t}
          </Option>
        ))}
      </Dropdown>
      <Dropdown
        className={styles.dropdown}
        aria-label="Cloud"
        value={filter.cloud ? cloudLabel(filter.cloud) : 'All clouds'}
        selectedOptions={[filter.cloud ?? anyCloud]}
        onOptionSelect={(_, d) => onChange({ ...filter, cloud: d.optionValue === anyCloud ? undefined : d.optionValue })}
      >
        <Option value={anyCloud}>All clouds</Option>
        {clouds.map((c) => (
          <Option key={c} value={c}>
            {cloudLabel(c)}
          </Option>
        ))}
      </Dropdown>
      <Caption1 className={styles.count} role="status" data-testid="account-count">
        {count}
      </Caption1>
    </div>
  );
}
