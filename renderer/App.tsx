import {
  Badge,
  FluentProvider,
  makeStyles,
  NavDrawer,
  NavDrawerBody,
  NavDrawerFooter,
  NavDrawerHeader,
  NavItem,
  Spinner,
  Subtitle2,
  tokens,
  useArrowNavigationGroup,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, useEffect, type JSX } from 'react';
import { isBrowserMode } from './api.ts';
import { SignOutOfBrowserButton } from './components/SignOutOfBrowserButton.tsx';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { ActivityPage, IdentitiesPage, RolesPage, SettingsPage, TodayPage, TokensPage } from './lazy-pages.ts';
import type { SectionId } from './section-from-hash.ts';
import { sections } from './sections.tsx';
import { useColorScheme } from './use-color-scheme.ts';
import { useHashSection } from './use-hash-section.ts';
import { useSettings, type SettingsState } from './use-settings.ts';
import { useReloadWhenVaultOpens, useVault, type VaultState } from './use-vault.ts';

const useStyles = makeStyles({
  shell: { display: 'flex', height: '100%' },
  nav: { height: '100%' },
  brand: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  main: {
    flex: 1,
    overflow: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** Tabster's attribute for the element a group's Tab stop starts on (react-components does not re-export its hook). */
const currentTabStop = { 'data-tabster': JSON.stringify({ focusable: { isDefault: true } }) };

/** What every page may use: the settings and the vault's state, both loaded once for the window. */
interface PageProps {
  settings: SettingsState;
  vault: VaultState;
}

const pages: Record<SectionId, (props: PageProps) => JSX.Element> = {
  today: ({ settings, vault }) => <TodayPage settings={settings} vault={vault} />,
  accounts: ({ settings, vault }) => <AccountsPage settings={settings} vault={vault} />,
  identities: ({ settings, vault }) => <IdentitiesPage settings={settings} vault={vault} />,
  tokens: ({ settings, vault }) => <TokensPage settings={settings} vault={vault} />,
  roles: () => <RolesPage />,
  activity: () => <ActivityPage />,
  settings: ({ settings, vault }) => <SettingsPage state={settings} vault={vault} />,
};

export function App() {
  const styles = useStyles();
  const settings = useSettings();
  const vault = useVault();
  // What was set up with the vault (the demo's default cloud, say) shows once it opens.
  useReloadWhenVaultOpens(vault, settings.reload);
  const scheme = useColorScheme(settings.settings?.theme);
  const [section, setSection] = useHashSection();
  const current = sections.find((s) => s.id === section);

  useEffect(() => {
    document.title = `${current?.label ?? ''} · Azure Credential Manager`;
    document.documentElement.style.colorScheme = scheme;
  }, [current, scheme]);

  // Tab into the navigation lands on the page on screen (Tabster's default element of the group), also
  // when the page was opened by its address; remembering the last focused item would undo that.
  const navArrows = useArrowNavigationGroup({ axis: 'vertical', circular: true, memorizeCurrent: false, unstable_hasDefault: true });

  const Page = pages[section];
  return (
    <FluentProvider theme={scheme === 'dark' ? webDarkTheme : webLightTheme} data-theme={scheme}>
      <div className={styles.shell}>
        <NavDrawer
          className={styles.nav}
          open
          type="inline"
          selectedValue={section}
          onNavItemSelect={(_, d) => setSection(d.value as SectionId)}
          aria-label="Sections"
        >
          <NavDrawerHeader>
            <div className={styles.brand}>
              <Subtitle2>Azure Credential Manager</Subtitle2>
              {isBrowserMode && (
                <Badge
                  appearance="tint"
                  color="informative"
                  title="Served by `npm start` on 127.0.0.1; the desktop window is not available on this machine."
                >
                  Browser mode
                </Badge>
              )}
            </div>
          </NavDrawerHeader>
          <NavDrawerBody {...navArrows}>
            {sections.map(({ id, label, icon: Icon }) => (
              <NavItem
                key={id}
                value={id}
                icon={<Icon />}
                aria-current={id === section ? 'page' : undefined}
                {...(id === section ? currentTabStop : {})}
              >
                {label}
              </NavItem>
            ))}
          </NavDrawerBody>
          {/* After the sections, so Tab into the navigation still lands on the page on screen first. */}
          {isBrowserMode && (
            <NavDrawerFooter>
              <SignOutOfBrowserButton />
            </NavDrawerFooter>
          )}
        </NavDrawer>
        <main className={styles.main} aria-label={current?.label}>
          <Suspense fallback={<Spinner label="Loading…" />}>
            <Page settings={settings} vault={vault} />
          </Suspense>
        </main>
      </div>
    </FluentProvider>
  );
}
