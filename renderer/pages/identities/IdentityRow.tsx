import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  TableCell,
  TableCellLayout,
  TableRow,
  Text,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import {
  ArrowSyncRegular,
  CloudArrowDownRegular,
  MoreHorizontalRegular,
  PersonRegular,
  SignOutRegular,
  WindowConsoleRegular,
  WrenchRegular,
} from '@fluentui/react-icons';
import type { IdentityView } from '../../../shared/identities.ts';
import { discoverWith } from '../accounts/discover-intent.ts';
import { identitySubtitle, identityTitle, kindLabels, signsInWith } from './identity-labels.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { MiddleTruncated } from '../../components/MiddleTruncated.tsx';
import { formatWhen } from '../../components/when.ts';

const useStyles = makeStyles({
  name: { overflowWrap: 'anywhere' },
  // The row's actions stay on one line, in the column's fixed width.
  actions: { display: 'flex', flexWrap: 'nowrap', justifyContent: 'flex-end', gap: tokens.spacingHorizontalXXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  expired: { color: tokens.colorPaletteRedForeground1 },
  expiring: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface IdentityRowProps {
  identity: IdentityView;
  cloudLabel: string;
  now: number;
  /** The identity just signed in or added: drawn with the brand highlight. */
  highlighted: boolean;
  onSignOut(identity: IdentityView): void;
  /** A user's sign-in again (a token from the cache when it still works, else the browser). */
  onSignInAgain(identity: IdentityView): void;
  /** "Run a command as…": the command line that gives a program this identity's tokens. */
  onRunAs(identity: IdentityView): void;
}

/**
 * One identity: who, what kind, where (tenant and cloud, the tenant's GUID cut in the middle), how it
 * signs in and when it was last used, and its actions as icon buttons that fit a narrow window.
 */
export function IdentityRow({ identity, cloudLabel, now, highlighted, onSignOut, onSignInAgain, onRunAs }: IdentityRowProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const how = signsInWith(identity, now);
  const who = identity.username ?? identity.name;
  const Icon = identity.kind === 'user' ? PersonRegular : WrenchRegular;
  const lastUsed = identity.lastUsedAt ?? identity.createdAt;
  const subtitle = identitySubtitle(identity);
  return (
    <TableRow appearance={highlighted ? 'brand' : 'none'} data-identity-id={identity.id}>
      <TableCell>
        <TableCellLayout media={<Icon aria-hidden />}>
          <div className={layout.cellLines}>
            <div className={styles.line}>
              <Text weight="semibold" className={styles.name}>
                {identityTitle(identity)}
              </Text>
              <Badge appearance="tint" size="small" color={identity.kind === 'user' ? 'brand' : 'informative'}>
                {kindLabels[identity.kind]}
              </Badge>
            </div>
            {subtitle && <Caption1 className={layout.muted}>{subtitle}</Caption1>}
          </div>
        </TableCellLayout>
      </TableCell>
      <TableCell>
        <div className={layout.cellLines}>
          <MiddleTruncated value={identity.tenantId} label={`tenant ID of ${who}`} keep={6} />
          <Caption1 className={layout.muted}>{cloudLabel}</Caption1>
        </div>
      </TableCell>
      <TableCell>
        <div className={layout.cellLines}>
          <Text>{how.label}</Text>
          {how.detail && (
            <Caption1 className={how.warning === 'expired' ? styles.expired : how.warning === 'expiring' ? styles.expiring : layout.muted}>
              {how.detail}
            </Caption1>
          )}
          <Caption1 className={layout.muted}>
            Used <time dateTime={lastUsed}>{formatWhen(lastUsed, now)}</time>
          </Caption1>
        </div>
      </TableCell>
      <TableCell>
        <div className={styles.actions}>
          <Tooltip content={`Discover the accounts ${who} can see in Azure`} relationship="label">
            <Button appearance="subtle" icon={<CloudArrowDownRegular />} onClick={() => discoverWith(identity.id)} />
          </Tooltip>
          {identity.kind === 'user' && (
            <Tooltip content={`Sign in again as ${who}`} relationship="label">
              <Button appearance="subtle" icon={<ArrowSyncRegular />} onClick={() => onSignInAgain(identity)} />
            </Tooltip>
          )}
          <Tooltip content={`Sign out ${who}`} relationship="label">
            <Button appearance="subtle" icon={<SignOutRegular />} onClick={() => onSignOut(identity)} />
          </Tooltip>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Tooltip content={`More for ${who}`} relationship="label">
                <Button appearance="subtle" icon={<MoreHorizontalRegular />} />
              </Tooltip>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem icon={<WindowConsoleRegular />} onClick={() => onRunAs(identity)}>
                  Run a command as…
                </MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
      </TableCell>
    </TableRow>
  );
}
