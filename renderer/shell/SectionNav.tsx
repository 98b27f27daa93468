import {
  Badge,
  Button,
  CounterBadge,
  makeStyles,
  mergeClasses,
  NavDrawer,
  NavDrawerBody,
  NavDrawerFooter,
  NavDrawerHeader,
  NavItem,
  Subtitle2,
  tokens,
  Tooltip,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { PanelLeftContractRegular, PanelLeftExpandRegular, SearchRegular, SignOutRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { isBrowserMode } from '../api.ts';
import { SignOutOfBrowserButton } from '../components/SignOutOfBrowserButton.tsx';
import type { SectionId } from '../section-from-hash.ts';
import { sections } from '../sections.tsx';
import { signOutOfThisBrowser } from '../transport.ts';
import { badgeWords, type ExpiryCount } from './expiry-count.ts';
import { paletteShortcut } from './palette-shortcut.ts';
import { useNarrowWindow } from './use-narrow-window.ts';

const railWidth = '76px';

const useStyles = makeStyles({
  nav: { height: '100%', flexShrink: 0 },
  rail: { width: railWidth, minWidth: railWidth, '--fui-Drawer--size': railWidth },
  brand: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  railBrand: { alignItems: 'center', padding: `${tokens.spacingVerticalM} 0`, textAlign: 'center' },
  // In the rail each item is its icon over a small label, as in Teams' and Outlook's app bars.
  railItem: {
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXS}`,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
  },
  itemPlace: { position: 'relative' },
  badge: { position: 'absolute', top: '50%', right: tokens.spacingHorizontalM, transform: 'translateY(-50%)', pointerEvents: 'none' },
  badgeOnIcon: { top: tokens.spacingVerticalXS, right: tokens.spacingHorizontalM, transform: 'none' },
  footer: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalXS },
  railFooter: { alignItems: 'center' },
  shortcut: { marginLeft: 'auto', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Tabster's attribute for the element a group's Tab stop starts on (react-components does not re-export its hook). */
const currentTabStop = { 'data-tabster': JSON.stringify({ focusable: { isDefault: true } }) };

export interface SectionNavProps {
  section: SectionId;
  onSelect(section: SectionId): void;
  expiry: ExpiryCount;
  onOpenPalette(): void;
}

/**
 * The sections: full width in a wide window, an icon rail under 1200 px (a window docked beside an
 * IDE), which a button widens until the window next crosses that width. Tokens carries a badge
 * counting the tokens that expire soon or have expired; the palette's button is after the sections,
 * so Tab into the navigation still lands on the page on screen.
 */
export function SectionNav({ section, onSelect, expiry, onOpenPalette }: SectionNavProps) {
  const styles = useStyles();
  const narrow = useNarrowWindow();
  const [widened, setWidened] = useState<boolean | undefined>();
  useEffect(() => setWidened(undefined), [narrow]);
  const rail = widened === undefined ? narrow : !widened;
  // Tab into the navigation lands on the page on screen (Tabster's default element of the group), also
  // when the page was opened by its address; remembering the last focused item would undo that.
  const navArrows = useArrowNavigationGroup({ axis: 'vertical', circular: true, memorizeCurrent: false, unstable_hasDefault: true });
  const attention = expiry.expiring + expiry.expired;

  return (
    <NavDrawer
      className={mergeClasses(styles.nav, rail && styles.rail)}
      open
      type="inline"
      selectedValue={section}
      onNavItemSelect={(_, d) => onSelect(d.value as SectionId)}
      aria-label="Sections"
      data-rail={rail ? 'true' : 'false'}
    >
      <NavDrawerHeader>
        <div className={mergeClasses(styles.brand, rail && styles.railBrand)}>
          {rail ? <Subtitle2 title="Azure Credential Manager">ACM</Subtitle2> : <Subtitle2>Azure Credential Manager</Subtitle2>}
          {isBrowserMode && (
            <Badge
              appearance="tint"
              color="informative"
              title="Served by `npm start` on 127.0.0.1; the desktop window is not available on this machine."
            >
              {rail ? 'Browser' : 'Browser mode'}
            </Badge>
          )}
        </div>
      </NavDrawerHeader>
      <NavDrawerBody {...navArrows}>
        {sections.map(({ id, label, icon: Icon }) => {
          const badged = id === 'tokens' && attention > 0;
          const name = badged ? badgeWords(label, expiry) : label;
          // The button's text is the label alone (its name adds what the badge counts); the badge sits over it, outside it.
          const item = (
            <NavItem
              value={id}
              icon={<Icon />}
              className={rail ? styles.railItem : undefined}
              aria-label={badged ? name : undefined}
              aria-current={id === section ? 'page' : undefined}
              {...(id === section ? currentTabStop : {})}
            >
              {label}
            </NavItem>
          );
          return (
            <div key={id} className={styles.itemPlace}>
              {rail ? (
                <Tooltip content={name} relationship="inaccessible" positioning="after">
                  {item}
                </Tooltip>
              ) : (
                item
              )}
              {badged && (
                <CounterBadge
                  className={mergeClasses(styles.badge, rail && styles.badgeOnIcon)}
                  count={attention}
                  size="small"
                  color={expiry.expired > 0 ? 'danger' : 'important'}
                  aria-hidden
                  data-testid="tokens-expiry-badge"
                />
              )}
            </div>
          );
        })}
      </NavDrawerBody>
      {/* After the sections, so Tab into the navigation still lands on the page on screen first. */}
      <NavDrawerFooter className={mergeClasses(styles.footer, rail && styles.railFooter)}>
        <PaletteButton rail={rail} onOpen={onOpenPalette} shortcutClass={styles.shortcut} />
        <Tooltip content={rail ? 'Show the section names' : 'Icons only'} relationship="inaccessible" positioning="after">
          <Button
            appearance="subtle"
            size="small"
            icon={rail ? <PanelLeftExpandRegular /> : <PanelLeftContractRegular />}
            aria-label={rail ? 'Widen the navigation' : 'Narrow the navigation'}
            aria-expanded={!rail}
            onClick={() => setWidened(rail)}
          >
            {rail ? undefined : 'Narrow'}
          </Button>
        </Tooltip>
        {isBrowserMode && !rail && <SignOutOfBrowserButton />}
        {isBrowserMode && rail && (
          <Tooltip content="Sign out of this browser" relationship="label" positioning="after">
            <Button appearance="subtle" size="small" icon={<SignOutRegular />} onClick={() => void signOutOfThisBrowser()} />
          </Tooltip>
        )}
      </NavDrawerFooter>
    </NavDrawer>
  );
}

function PaletteButton({ rail, onOpen, shortcutClass }: { rail: boolean; onOpen(): void; shortcutClass: string }) {
  const keys = paletteShortcut();
  const button = (
    <Button
      appearance="subtle"
      size="small"
      icon={<SearchRegular />}
      aria-label={rail ? `Find and do (${keys})` : undefined}
      aria-keyshortcuts={keys === '⌘K' ? 'Meta+K' : 'Control+K'}
      onClick={onOpen}
    >
      {rail ? undefined : (
        <>
          Find and do… <span className={shortcutClass}>{keys}</span>
        </>
      )}
    </Button>
  );
  return rail ? (
    <Tooltip content={`Find and do (${keys})`} relationship="inaccessible" positioning="after">
      {button}
    </Tooltip>
  ) : (
    button
  );
}
