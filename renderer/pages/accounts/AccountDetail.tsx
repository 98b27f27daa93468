import { Badge, Button, Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, DeleteRegular, EditRegular, TicketDiagonalRegular } from '@fluentui/react-icons';
import type { AccountSecret, AccountView } from '../../../shared/accounts.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { copySecret, type CopySettings } from '../../components/secret-clipboard.ts';
import { mintFromAccount } from '../tokens/new-token-intent.ts';
import { kindLabels } from './account-filter.ts';
import { DevelopmentKeyNotice } from './DevelopmentKeyNotice.tsx';
import { RotateKeyAges } from './RotateKeyAges.tsx';
import { SecretField } from './SecretField.tsx';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { useDetailField } from '../../components/use-detail-field.tsx';
import { WarningBar } from '../../components/WarningBar.tsx';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  title: { wordBreak: 'break-word' },
  notes: { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
});

const secretLabels: Record<AccountSecret, string> = {
  primaryKey: 'Primary key',
  secondaryKey: 'Secondary key',
  accessKey: 'Access key',
  connectionString: 'Connection string',
};

export interface AccountDetailProps {
  account: AccountView;
  cloudLabel: string;
  copy: CopySettings;
  onEdit(): void;
  onDelete(): void;
  onRotate(): void;
}

/** Everything about one account, with its secrets masked until revealed. */
export function AccountDetail({ account, cloudLabel, copy, onEdit, onDelete, onRotate }: AccountDetailProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const field = useDetailField();
  const missing = account.secretsMissing;
  const secretField = (secret: AccountSecret, label: string) => (
    <SecretField accountId={account.id} secret={secret} label={label} copy={copy} missing={missing.includes(secret)} />
  );

  return (
    <section className={layout.column} aria-labelledby="account-detail-title">
      <div className={styles.header}>
        <div className={layout.row}>
          <Subtitle1 as="h2" id="account-detail-title" className={styles.title}>
            {account.name}
          </Subtitle1>
          <Badge appearance="tint" color={account.kind === 'arr' ? 'brand' : 'informative'}>
            {kindLabels[account.kind]}
          </Badge>
        </div>
        <div className={layout.row}>
          <Button icon={<EditRegular />} onClick={onEdit}>
            Edit
          </Button>
          <Button icon={<DeleteRegular />} onClick={onDelete}>
            Delete
          </Button>
          <Button icon={<TicketDiagonalRegular />} onClick={() => mintFromAccount(account)}>
            New token
          </Button>
          <Button icon={<ArrowSyncRegular />} onClick={onRotate}>
            Regenerate key…
          </Button>
        </div>
      </div>

      {missing.length > 0 && (
        <WarningBar
          title={`${missing.map((s) => secretLabels[s]).join(' and ')} missing`}
          action={<Button onClick={onEdit}>Edit to add the key again</Button>}
        >
          The vault file was damaged and set aside, so this account’s {missing.length === 1 ? 'key is' : 'keys are'} no longer stored.
        </WarningBar>
      )}

      <dl className={layout.terms}>
        {account.kind === 'arr' ? (
          <>
            {field('Account ID', account.accountId, true)}
            {field('Account domain', account.accountDomain, true)}
          </>
        ) : (
          field('Endpoint', account.endpoint, true)
        )}
        {field('Cloud', cloudLabel)}
        {field('Tags', account.tags.length ? account.tags.join(', ') : 'None')}
        {account.notes && field('Notes', <span className={styles.notes}>{account.notes}</span>)}
        {field('Updated', new Date(account.updatedAt).toLocaleString())}
      </dl>

      <RotateKeyAges ages={account.keyAges ?? []} onRotate={onRotate} />

      <div className={layout.column}>
        {account.kind === 'arr' ? (
          <>
            {account.hasPrimaryKey && secretField('primaryKey', 'Primary key')}
            {account.hasSecondaryKey && secretField('secondaryKey', 'Secondary key')}
            {account.hasPrimaryKey || account.hasSecondaryKey ? (
              <DevelopmentKeyNotice />
            ) : (
              <Caption1>No account key is stored: this account is used with Entra ID sign-in only.</Caption1>
            )}
          </>
        ) : account.hasAccessKey ? (
          <>
            {secretField('accessKey', 'Access key')}
            {!missing.includes('accessKey') && (
              <div className={layout.row}>
                <CopyButton
                  copy={() => copySecret(account.id, 'connectionString', copy)}
                  onError={copy.onError}
                  text="Copy connection string"
                />
              </div>
            )}
          </>
        ) : (
          <Caption1>No access key is stored: this resource is used with Entra ID sign-in only.</Caption1>
        )}
      </div>
    </section>
  );
}
