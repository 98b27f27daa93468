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
import { relativeTime } from './relative-time.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';

const useStyles = makeStyles({
  name: { wordBreak: 'break-word' },
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

/** One identity: who, what kind, where (tenant and cloud), how it signs in, when it was last used. */
export function IdentityRow({ identity, cloudLabel, now, highlighted, onSignOut, onSignInAgain, onRunAs }: IdentityRowProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const how = signsInWith(identity, now);
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
          <span className={layout.monoMuted}>{identity.tenantId}</span>
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
        </div>
      </TableCell>
      <TableCell>
        <time dateTime={lastUsed} title={new Date(lastUsed).toLocaleString()}>
          {relativeTime(lastUsed, now)}
        </time>
      </TableCell>
      <TableCell>
        <Tooltip content={`Discover the accounts ${identity.username ?? identity.name} can see in Azure`} relationship="label">
          <Button appearance="subtle" icon={<CloudArrowDownRegular />} onClick={() => discoverWith(identity.id)} />
        </Tooltip>
        {identity.kind === 'user' && (
          <Tooltip content={`Sign in again as ${identity.username ?? identity.name}`} relationship="label">
            <Button appearance="subtle" icon={<ArrowSyncRegular />} onClick={() => onSignInAgain(identity)} />
          </Tooltip>
        )}
        <Button
          appearance="subtle"
          icon={<SignOutRegular />}
          aria-label={`Sign out ${identity.username ?? identity.name}`}
          onClick={() => onSignOut(identity)}
        >
          Sign out
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle" icon={<MoreHorizontalRegular />} aria-label={`More for ${identity.username ?? identity.name}`} />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem icon={<WindowConsoleRegular />} onClick={() => onRunAs(identity)}>
                Run a command as…
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </TableCell>
    </TableRow>
  );
}
