import {
  FluentProvider,
  makeStyles,
  Spinner,
  Toast,
  Toaster,
  ToastTitle,
  tokens,
  useId,
  useToastController,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, useEffect, useState, type JSX } from 'react';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { ActivityPage, IdentitiesPage, RolesPage, SettingsPage, TodayPage, TokensPage } from './lazy-pages.ts';
import type { SectionId } from './section-from-hash.ts';
import { CommandPalette } from './palette/CommandPalette.tsx';
import { sections } from './sections.tsx';
import { SectionNav } from './shell/SectionNav.tsx';
import { useExpiryCount } from './shell/use-expiry-count.ts';
import { usePaletteShortcut } from './shell/use-palette-shortcut.ts';
import { useColorScheme } from './use-color-scheme.ts';
import { useHashSection } from './use-hash-section.ts';
import { useSettings, type SettingsState } from './use-settings.ts';
import { useReloadWhenVaultOpens, useVault, type VaultState } from './use-vault.ts';

const useStyles = makeStyles({
  shell: { display: 'flex', height: '100%' },
  main: {
    flex: 1,
    overflow: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    // With the navigation a rail, the page takes the room back: the content starts higher and wider.
    '@media (max-width: 1199.98px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
  },
});

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

  const expiry = useExpiryCount(settings.values.expiryWarningMinutes);
  const [paletteOpen, setPaletteOpen] = useState(false);
  usePaletteShortcut(() => setPaletteOpen(true));
  // A palette command that asks the page on screen for something opens it again, so it reads the request.
  const [pageOpened, setPageOpened] = useState(0);
  const toasterId = useId('shell-toaster');
  const { dispatchToast } = useToastController(toasterId);
  const say = (line: string) =>
    dispatchToast(
      <Toast>
        <ToastTitle>{line}</ToastTitle>
      </Toast>,
      { intent: 'success', timeout: 8_000 },
    );

  const Page = pages[section];
  return (
    <FluentProvider theme={scheme === 'dark' ? webDarkTheme : webLightTheme} data-theme={scheme}>
      <div className={styles.shell}>
        <SectionNav section={section} onSelect={setSection} expiry={expiry} onOpenPalette={() => setPaletteOpen(true)} />
        <main className={styles.main} aria-label={current?.label}>
          <Suspense fallback={<Spinner label="Loading…" />}>
            <Page key={pageOpened} settings={settings} vault={vault} />
          </Suspense>
        </main>
      </div>
      {paletteOpen && (
        <CommandPalette
          settings={settings.values}
          onClose={() => setPaletteOpen(false)}
          onSaid={say}
          onPageRequest={() => setPageOpened((n) => n + 1)}
        />
      )}
      <Toaster toasterId={toasterId} position="bottom-end" />
    </FluentProvider>
  );
}
