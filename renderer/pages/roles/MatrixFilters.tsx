import { Button, Caption1, Dropdown, makeStyles, Option, OptionGroup, Switch, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { capabilities, type CapabilityId, type RoleAuditReport } from '../../../shared/roles.ts';
import { isMatrixFiltered, noMatrixFilter, sortLabels, type MatrixFilter, type MatrixSort } from './matrix-view.ts';
import { resourceKindLabels } from './role-words.ts';

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
const several = (n: number, one: string, many: string, all: string) => (n === 0 ? all : n === 1 ? one : `${n} ${many}`);

/** Narrows the matrix to some identities, resources or one capability, or to what is missing; and orders it. */
export function MatrixFilters({ report, filter, onChange, count }: MatrixFiltersProps) {
  const styles = useStyles();
  const identityName = report.identities.find((i) => i.id === filter.identityIds[0])?.name ?? '';
  const resourceName = report.resources.find((r) => r.accountId === filter.accountIds[0])?.name ?? '';
  const capabilityLabel = (id: CapabilityId) => {
    const c = capabilities.find((x) => x.id === id);
    return c ? `${c.label} (${c.kind.toUpperCase()})` : id;
  };
  return (
    <div className={styles.root} role="group" aria-label="Filter the matrix">
      <Dropdown
        className={styles.dropdown}
        aria-label="Identities shown"
        multiselect
        placeholder="All identities"
        value={several(filter.identityIds.length, identityName, 'identities', '')}
        selectedOptions={filter.identityIds}
        onOptionSelect={(_, d) => onChange({ ...filter, identityIds: d.selectedOptions })}
      >
        {report.identities.map((i) => (
          <Option key={i.id} value={i.id}>
            {i.name}
          </Option>
        ))}
      </Dropdown>
      <Dropdown
        className={styles.dropdown}
        aria-label="Resources shown"
        multiselect
        placeholder="All resources"
        value={several(filter.accountIds.length, resourceName, 'resources', '')}
        selectedOptions={filter.accountIds}
        onOptionSelect={(_, d) => onChange({ ...filter, accountIds: d.selectedOptions })}
      >
        {report.resources.map((r) => (
          <Option key={r.accountId} value={r.accountId}>
            {r.name}
          </Option>
        ))}
      </Dropdown>
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
