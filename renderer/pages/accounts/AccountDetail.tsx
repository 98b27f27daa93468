import {
  Button,
  Caption1,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, DeleteRegular, EditRegular, MoreHorizontalRegular, TicketDiagonalRegular } from '@fluentui/react-icons';
import { Fragment, useId } from 'react';
import type { AccountSecret, AccountView } from '../../../shared/accounts.ts';
import type { CopySettings } from '../../components/secret-clipboard.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { MiddleTruncated } from '../../components/MiddleTruncated.tsx';
import { useDetailField } from '../../components/use-detail-field.tsx';
import { WarningBar } from '../../components/WarningBar.tsx';
import { formatWhen } from '../../components/when.ts';
import { mintFromAccount } from '../tokens/new-token-intent.ts';
import { DevelopmentKeyNotice } from './DevelopmentKeyNotice.tsx';
import { KindBadge } from './KindBadge.tsx';
import { KeyAgeTerms, RotateReminder } from './RotateKeyAges.tsx';
import { SecretField } from './SecretField.tsx';

const useStyles = makeStyles({
  title: { wordBreak: 'break-word' },
  notes: { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
  // A URL or domain wraps at its dots and slashes, never inside a word.
  address: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'normal', overflowWrap: 'anywhere' },
  danger: { color: tokens.colorPaletteRedForeground1 },
});

const secretLabels: Record<AccountSecret, string> = {
  primaryKey: 'Primary key',
  secondaryKey: 'Secondary key',
  accessKey: 'Access key',
  connectionString: 'Connection string',
};

/** "https://fabrikam.communication.azure.com/" with a break opportunity after each dot and slash. */
function breakable(address: string) {
  return address.split(/(?<=[./])/).map((part, i) => (
    <Fragment key={i}>
      {part}
      <wbr />
    </Fragment>
  ));
}

export interface AccountDetailProps {
  account: AccountView;
  cloudLabel: string;
  copy: CopySettings;
  onEdit(): void;
  onDelete(): void;
  onRotate(): void;
}

/**
 * Everything about one account: its key and Copy right under the title (in view in a window docked
 * beside an IDE), then New token and Edit, with Regenerate and Delete in a menu; the rest in one
 * grid of labels. Secrets stay masked until revealed.
 */
export function AccountDetail({ account, cloudLabel, copy, onEdit, onDelete, onRotate }: AccountDetailProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const field = useDetailField();
  const missing = account.secretsMissing;
  const secretField = (secret: AccountSecret, isMissing = missing.includes(secret)) => (
    <SecretField accountId={account.id} secret={secret} label={secretLabels[secret]} copy={copy} missing={isMissing} />
  );
  const ages = account.keyAges ?? [];
  const moreId = useId();
  // The menu item goes with its menu: the dialog it opens takes the menu button as its opener, to give the focus back to (or, once the
  // account is deleted, to the list beside it).
  const fromMenu = (open: () => void) => () => (document.getElementById(moreId)?.focus(), open());

  return (
    <section className={layout.column} aria-labelledby="account-detail-title">
      <div className={layout.row}>
        <Subtitle1 as="h2" id="account-detail-title" className={styles.title}>
          {account.name}
        </Subtitle1>
        <KindBadge kind={account.kind} />
      </div>

      {account.kind === 'arr' ? (
        <>
          {account.hasPrimaryKey && secretField('primaryKey')}
          {account.hasSecondaryKey && secretField('secondaryKey')}
          {!account.hasPrimaryKey && !account.hasSecondaryKey && (
            <Caption1>No account key is stored: this account is used with Entra ID sign-in only.</Caption1>
          )}
        </>
      ) : account.hasAccessKey ? (
        secretField('connectionString', missing.includes('accessKey'))
      ) : (
        <Caption1>No access key is stored: this resource is used with Entra ID sign-in only.</Caption1>
      )}

      <div className={layout.row}>
        <Button icon={<TicketDiagonalRegular />} onClick={() => mintFromAccount(account)}>
          New token
        </Button>
        <Button icon={<EditRegular />} onClick={onEdit}>
          Edit
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button id={moreId} icon={<MoreHorizontalRegular />} aria-label={`More actions for ${account.name}`} />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem icon={<ArrowSyncRegular />} onClick={fromMenu(onRotate)}>
                Regenerate key…
              </MenuItem>
              <MenuItem icon={<DeleteRegular />} className={styles.danger} onClick={fromMenu(onDelete)}>
                Delete…
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>

      {missing.length > 0 && (
        <WarningBar
          title={`${missing.map((s) => secretLabels[s]).join(' and ')} missing`}
          action={<Button onClick={onEdit}>Edit to add the key again</Button>}
        >
          The vault file was damaged and set aside, so this account’s {missing.length === 1 ? 'key is' : 'keys are'} no longer stored.
        </WarningBar>
      )}

      <div className={layout.column} {...(ages.length ? { 'data-testid': 'key-ages' } : {})}>
        <dl className={layout.terms}>
          {account.kind === 'arr' ? (
            <>
              {field('Account ID', <MiddleTruncated value={account.accountId} label="account ID" />)}
              {field('Account domain', <span className={styles.address}>{breakable(account.accountDomain)}</span>)}
            </>
          ) : (
            field('Endpoint', <span className={styles.address}>{breakable(account.endpoint)}</span>)
          )}
          {account.resourceId && field('Azure resource', <MiddleTruncated value={account.resourceId} label="resource ID" keep={16} />)}
          {field('Cloud', cloudLabel)}
          {field('Tags', account.tags.length ? account.tags.join(', ') : 'None')}
          {account.notes && field('Notes', <span className={styles.notes}>{account.notes}</span>)}
          <KeyAgeTerms ages={ages} />
          {field('Updated', formatWhen(account.updatedAt))}
        </dl>
        <RotateReminder ages={ages} onRotate={onRotate} />
      </div>

      {account.kind === 'arr' && (account.hasPrimaryKey || account.hasSecondaryKey) && <DevelopmentKeyNotice />}
    </section>
  );
}
