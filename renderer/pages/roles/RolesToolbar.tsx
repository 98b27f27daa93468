import { Button, Caption1, Dropdown, makeStyles, Option, OptionGroup, Spinner, Switch, tokens } from '@fluentui/react-components';
import { DismissRegular, PlayRegular } from '@fluentui/react-icons';
import type { AccountView } from '../../../shared/accounts.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { capabilities, type CapabilityId, type RoleAuditReport } from '../../../shared/roles.ts';
import { MultiSelectFilter, type MultiSelectChoice } from '../../components/MultiSelectFilter.tsx';
import { plural } from '../../components/plural.ts';
import { formatWhen } from '../../components/when.ts';
import { kindLabels } from '../accounts/account-filter.ts';
import { isMatrixFiltered, noMatrixFilter, sortLabels, type MatrixFilter, type MatrixSort } from './matrix-view.ts';
import { displayName } from './principal-labels.ts';
import { capabilityLabels, resourceKindLabels } from './role-words.ts';
import type { AuditScope } from './use-role-audit.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  dropdown: { minWidth: '160px', maxWidth: '240px' },
  end: { marginLeft: 'auto', display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface RolesToolbarProps {
  identities: readonly IdentityView[];
  accounts: readonly AccountView[];
  report: RoleAuditReport | undefined;
  filter: MatrixFilter;
  onChange(filter: MatrixFilter): void;
  /** "2 identities × 3 resources", once there is a matrix. */
  count: string;
  /** Also audit what the identities can see in Azure. */
  discovered: boolean;
  onDiscoveredChange(discovered: boolean): void;
  running: AuditScope | undefined;
  onRun(scope: AuditScope): void;
}

const anyCapability = 'any';
const sameLabel = (id: CapabilityId) => capabilities.filter((c) => capabilityLabels[c.id] === capabilityLabels[id]).length > 1;
/** "Render"; "List keys (Communication Services)" where both kinds have one of that name. */
const chosenWords = (id: CapabilityId) => {
  const kind = capabilities.find((c) => c.id === id)?.kind ?? 'arr';
  return sameLabel(id) ? `${capabilityLabels[id]} (${kindLabels[kind]})` : capabilityLabels[id];
};

/** Union of two lists of choices by id, the first's names winning. */
const union = (a: MultiSelectChoice[], b: MultiSelectChoice[]) => [...a, ...b.filter((x) => !a.some((y) => y.id === x.id))];

/**
 * The one bar of the Roles page: the identities and resources chosen narrow the matrix and, run again, the audit; a capability
 * turns each cell into its verdict; then the sort, and the button that asks Azure.
 */
export function RolesToolbar(props: RolesToolbarProps) {
  const { identities, accounts, report, filter, onChange, count, discovered, running, onRun } = props;
  const styles = useStyles();
  const identityChoices = union(
    identities.map((i) => ({ id: i.id, name: i.name })),
    (report?.identities ?? []).map((i) => ({ id: i.id, name: displayName(i) })),
  );
  const resourceChoices = union(
    accounts.map((a) => ({ id: a.id, name: a.name })),
    (report?.resources ?? []).map((r) => ({ id: r.accountId, name: r.name })),
  );
  // What Run audits: the identities and accounts chosen that are here (all when none is), and what they see when asked.
  const scope: AuditScope = {
    identityIds: filter.identityIds.filter((id) => identities.some((i) => i.id === id)),
    accountIds: filter.accountIds.filter((id) => accounts.some((a) => a.id === id)),
    discovered,
  };
  const lists = [
    { key: 'identityIds', label: 'Identities', many: 'identities', choices: identityChoices },
    { key: 'accountIds', label: 'Resources', many: 'resources', choices: resourceChoices },
  ] as const;
  return (
    <div className={styles.root} role="group" aria-label="What to audit and show">
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
        value={filter.capability === anyCapability ? 'All capabilities' : chosenWords(filter.capability)}
        selectedOptions={[filter.capability]}
        onOptionSelect={(_, d) => onChange({ ...filter, capability: (d.optionValue as CapabilityId | undefined) ?? anyCapability })}
      >
        <Option value={anyCapability}>All capabilities</Option>
        {(['acs', 'arr'] as const).map((kind) => (
          <OptionGroup key={kind} label={resourceKindLabels[kind]}>
            {capabilities
              .filter((c) => c.kind === kind)
              .map((c) => (
                <Option key={c.id} value={c.id} text={chosenWords(c.id)}>
                  {capabilityLabels[c.id]}
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
      <Switch
        label="Also what the identities can see in Azure (not added)"
        checked={discovered}
        onChange={(_, data) => props.onDiscoveredChange(data.checked)}
      />
      <div className={styles.end}>
        <div role="status">
          {running ? (
            <Spinner size="tiny" label={runningWords(running, identities.length, accounts.length)} />
          ) : (
            report && (
              <Caption1 className={styles.muted}>
                <span data-testid="matrix-count">{count}</span> · audited {formatWhen(report.generatedAt)}
              </Caption1>
            )
          )}
        </div>
        <Button appearance="primary" icon={<PlayRegular />} disabledFocusable={running !== undefined} onClick={() => onRun(scope)}>
          {report ? 'Run the audit again' : 'Run the audit'}
        </Button>
      </div>
    </div>
  );
}

/** "Reading the role assignments of 2 identities on 3 accounts and what they can see from Azure…". */
function runningWords(running: AuditScope, allIdentities: number, allAccounts: number): string {
  const nIdentities = running.identityIds.length || allIdentities;
  const nAccounts = running.accountIds.length || allAccounts;
  const accounts = plural(nAccounts, 'account', 'accounts');
  const where = running.discovered ? `${nAccounts ? `${accounts} and ` : ''}what they can see` : accounts;
  return `Reading the role assignments of ${plural(nIdentities, 'identity', 'identities')} on ${where} from Azure…`;
}
