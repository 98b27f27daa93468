import { Button, Caption1, Dropdown, makeStyles, Option, OptionGroup, Switch, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { capabilities, type CapabilityId, type RoleAuditReport } from '../../../shared/roles.ts';
import { isMatrixFiltered, noMatrixFilter, sortLabels, type MatrixFilter, type MatrixSort } from './matrix-view.ts';
import { resourceKindLabels } from './role-words.ts';
import { MultiSelectFilter } from '../../components/MultiSelectFilter.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  dropdown: { minWidth: '180px', maxWidth: '260px' },
  count: { marginLeft: 'auto', color: tokens.colorNeutralForeground2 },
});

export interface MatrixFiltersProps {
  report: RoleAuditReport;
  filter: MatrixFilter;
  onChange(filter: MatrixFilter): void;
  /** "2 identities × 3 resources". */
  count: string;
}

const anyCapability = 'any';

/** Narrows the matrix to some identities, resources or one capability, or to what is missing; and orders it. */
export function MatrixFilters({ report, filter, onChange, count }: MatrixFiltersProps) {
  const styles = useStyles();
  const capabilityLabel = (id: CapabilityId) => {
    const c = capabilities.find((x) => x.id === id);
    return c ? `${c.label} (${c.kind.toUpperCase()})` : id;
  };
  const lists = [
    { key: 'identityIds', label: 'Identities shown', many: 'identities', choices: report.identities },
    {
      key: 'accountIds',
      label: 'Resources shown',
      many: 'resources',
      choices: report.resources.map((r) => ({ id: r.accountId, name: r.name })),
    },
  ] as const;
  return (
    <div className={styles.root} role="group" aria-label="Filter the matrix">
      {lists.map((list) => (
        <MultiSelectFilter
          key={list.key}
          className={styles.dropdown}
          aria-label={list.label}
          choices={list.choices}
          selected={filter[list.key]}
          onChange={(ids) => onChange({ ...filter, [list.key]: ids })}
          placeholder={`All ${list.many}`}
          many={list.many}
        />
      ))}
      <Dropdown
        className={styles.dropdown}
        aria-label="Capability"
        value={filter.capability === anyCapability ? 'All capabilities' : capabilityLabel(filter.capability)}
        selectedOptions={[filter.capability]}
        onOptionSelect={(_, d) => onChange({ ...filter, capability: (d.optionValue as CapabilityId | undefined) ?? anyCapability })}
      >
        <Option value={anyCapability}>All capabilities</Option>
        {(['arr', 'acs'] as const).map((kind) => (
          <OptionGroup key={kind} label={resourceKindLabels[kind]}>
            {capabilities
              .filter((c) => c.kind === kind)
              .map((c) => (
                <Option key={c.id} value={c.id} text={capabilityLabel(c.id)}>
                  {c.label}
                </Option>
              ))}
          </OptionGroup>
        ))}
      </Dropdown>
      <Switch label="Missing only" checked={filter.missingOnly} onChange={(_, d) => onChange({ ...filter, missingOnly: d.checked })} />
      <Dropdown
        className={styles.dropdown}
        aria-label="Sort by"
        value={`Sort: ${sortLabels[filter.sort]}`}
        selectedOptions={[filter.sort]}
        onOptionSelect={(_, d) => onChange({ ...filter, sort: (d.optionValue as MatrixSort | undefined) ?? 'name' })}
      >
        {(Object.keys(sortLabels) as MatrixSort[]).map((s) => (
          <Option key={s} value={s} text={`Sort: ${sortLabels[s]}`}>
            {sortLabels[s]}
          </Option>
        ))}
      </Dropdown>
      {isMatrixFiltered(filter) && (
        <Button appearance="subtle" icon={<DismissRegular />} onClick={() => onChange({ ...noMatrixFilter, sort: filter.sort })}>
          Clear filters
        </Button>
      )}
      <Caption1 className={styles.count} role="status" data-testid="matrix-count">
        {count}
      </Caption1>
    </div>
  );
}
