import { Button, makeStyles, TableCell, TableRow, tokens } from '@fluentui/react-components';
import type { AcsIdentityView } from '../../../shared/tokens.ts';
import { dateTime } from './token-format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { MiddleTruncated } from '../../components/MiddleTruncated.tsx';

const useStyles = makeStyles({
  wide: { width: '36%' },
  narrow: { width: '15%' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

/** A revoke or delete the user started on one row, waiting for their yes. */
export interface AcsIdentityConfirm {
  action: 'revoke' | 'delete';
  identity: AcsIdentityView;
}

export interface AcsIdentityTableProps {
  identities: readonly AcsIdentityView[];
  /** A call is under way: the row actions wait. */
  busy: boolean;
  /** When ACS last issued a token for each identity asked about (null: never); an identity not asked about is absent. */
  lastIssued: Readonly<Record<string, string | null>>;
  /** Asks ACS for the identity (Get identity): its last token issue time. */
  onAsk(identity: AcsIdentityView): void;
  confirm: AcsIdentityConfirm | undefined;
  onConfirm(confirm: AcsIdentityConfirm | undefined): void;
  onAct(action: AcsIdentityConfirm['action'], identity: AcsIdentityView): void;
  /** Opens New token for the identity. */
  onGetToken(identity: AcsIdentityView): void;
  /** Gets another token like its last and copies it, in one press. */
  onCopyNew(identity: AcsIdentityView): void;
}

/** The ACS identities of one resource; a row's revoke or delete asks on the row before it goes to ACS. */
export function AcsIdentityTable(props: AcsIdentityTableProps) {
  const { identities, busy, lastIssued, onAsk, confirm, onConfirm, onAct, onGetToken, onCopyNew } = props;
  const styles = useStyles();
  // Each name starts with the button's own words (WCAG 2.5.3, label in name), so "click Issue token" works by voice.
  const rowActions: readonly { text: string; name: (label: string) => string; act: (identity: AcsIdentityView) => void }[] = [
    { text: 'Copy new token', name: (label) => `Copy new token for ${label}`, act: onCopyNew },
    { text: 'Get token', name: (label) => `Get token for ${label}`, act: onGetToken },
    { text: 'Ask ACS', name: (label) => `Ask ACS about ${label}`, act: onAsk },
    { text: 'Revoke tokens', name: (label) => `Revoke tokens of ${label}`, act: (identity) => onConfirm({ action: 'revoke', identity }) },
    { text: 'Delete', name: (label) => `Delete ${label}`, act: (identity) => onConfirm({ action: 'delete', identity }) },
  ];
  return (
    <DataTable
      label="ACS identities"
      columns={[
        { label: 'Label', className: styles.narrow },
        { label: 'User ID', className: styles.wide },
        { label: 'Custom ID', className: styles.narrow },
        { label: 'Created', className: styles.narrow },
        { label: 'Last token issued (ACS)', className: styles.narrow },
        { label: 'Tokens revoked', className: styles.narrow },
        { label: 'Actions' },
      ]}
    >
      {identities.map((identity) => (
        <TableRow key={identity.id}>
          <TableCell>{identity.label}</TableCell>
          <TableCell>
            <MiddleTruncated value={identity.communicationUserId} label={`user ID of ${identity.label}`} keep={12} />
          </TableCell>
          <TableCell>{identity.customId ?? '—'}</TableCell>
          <TableCell>{dateTime(identity.createdAt)}</TableCell>
          <TableCell>{lastIssuedText(lastIssued, identity.id)}</TableCell>
          <TableCell>{identity.tokensRevokedAt ? dateTime(identity.tokensRevokedAt) : 'Never'}</TableCell>
          <TableCell>
            {confirm?.identity.id === identity.id ? (
              <div className={styles.actions}>
                <Button size="small" appearance="primary" onClick={() => onAct(confirm.action, identity)}>
                  {confirm.action === 'revoke' ? 'Yes, revoke all its tokens' : 'Yes, delete it at ACS'}
                </Button>
                <Button size="small" onClick={() => onConfirm(undefined)}>
                  Keep
                </Button>
              </div>
            ) : (
              <div className={styles.actions}>
                {rowActions.map((action) => (
                  <Button
                    key={action.text}
                    size="small"
                    appearance={action.act === onCopyNew ? 'primary' : 'secondary'}
                    disabledFocusable={busy}
                    aria-label={action.name(identity.label)}
                    onClick={() => action.act(identity)}
                  >
                    {action.text}
                  </Button>
                ))}
              </div>
            )}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/** The cell for the last token ACS issued: asked and answered, or not asked yet (it takes a call to ACS). */
function lastIssuedText(lastIssued: Readonly<Record<string, string | null>>, id: string): string {
  if (!(id in lastIssued)) return 'Not asked';
  const at = lastIssued[id];
  return at ? dateTime(at) : 'Never';
}
