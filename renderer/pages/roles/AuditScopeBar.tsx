import { Button, Caption1, Field, makeStyles, Spinner, Switch, tokens } from '@fluentui/react-components';
import { PlayRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { MultiSelectFilter } from '../../components/MultiSelectFilter.tsx';
import { plural } from '../../components/plural.ts';
import type { AuditScope } from './use-role-audit.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  field: { minWidth: '220px', maxWidth: '320px', flex: '1 1 220px' },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface AuditScopeBarProps {
  identities: readonly IdentityView[];
  accounts: readonly AccountView[];
  running: AuditScope | undefined;
  /** When the report shown was made, if there is one. */
  generatedAt: string | undefined;
  onRun(scope: AuditScope): void;
}

/** Which identities and accounts to audit (all when none is chosen), and the button that asks Azure. */
export function AuditScopeBar({ identities, accounts, running, generatedAt, onRun }: AuditScopeBarProps) {
  const styles = useStyles();
  // With nothing added, the audit is of what the identities can see; once accounts are added, of those unless asked.
  const [scope, setScope] = useState<AuditScope>({ identityIds: [], accountIds: [], discovered: accounts.length === 0 });
  const nIdentities = running ? running.identityIds.length || identities.length : 0;
  const nAccounts = running ? running.accountIds.length || accounts.length : 0;

  return (
    <div className={styles.root} role="group" aria-label="What to audit">
      <Field label="Identities to audit" className={styles.field}>
        <MultiSelectFilter
          choices={identities.map((i) => ({ id: i.id, name: i.username ?? i.name }))}
          selected={scope.identityIds}
          onChange={(identityIds) => setScope((s) => ({ ...s, identityIds }))}
          placeholder={`All ${plural(identities.length, 'identity', 'identities')}`}
          many="identities"
        />
      </Field>
      {accounts.length > 0 && (
        <Field label="Accounts to audit" className={styles.field}>
          <MultiSelectFilter
            choices={accounts}
            selected={scope.accountIds}
            onChange={(accountIds) => setScope((s) => ({ ...s, accountIds }))}
            placeholder={`All ${plural(accounts.length, 'account', 'accounts')}`}
            many="accounts"
          />
        </Field>
      )}
      <Switch
        label="Also what the identities can see in Azure (not added)"
        checked={scope.discovered}
        onChange={(_, data) => setScope((s) => ({ ...s, discovered: data.checked }))}
      />
      <Button appearance="primary" icon={<PlayRegular />} disabledFocusable={running !== undefined} onClick={() => onRun(scope)}>
        {generatedAt ? 'Run the audit again' : 'Run the audit'}
      </Button>
      <div className={styles.status} role="status">
        {running ? (
          <Spinner
            size="tiny"
            label={
              `Reading the role assignments of ${plural(nIdentities, 'identity', 'identities')} on ` +
              `${running.discovered ? `${nAccounts ? `${plural(nAccounts, 'account', 'accounts')} and ` : ''}what they can see` : plural(nAccounts, 'account', 'accounts')} from Azure…`
            }
          />
        ) : (
          generatedAt && <Caption1 className={styles.muted}>Audited {new Date(generatedAt).toLocaleString()}</Caption1>
        )}
      </div>
    </div>
  );
}
