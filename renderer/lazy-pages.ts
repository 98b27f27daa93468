import { lazy } from 'react';
import type { SectionId } from './section-from-hash.ts';

/**
 * Every page but Accounts (the first screen) is loaded when one of them is first opened (they share
 * one chunk: see vite.config.ts), so the first load parses and runs only the shell and the Accounts
 * page (npm run bench, navigation). A new page is added here too.
 */
const loaders = {
  today: () => import('./pages/TodayPage.tsx'),
  identities: () => import('./pages/IdentitiesPage.tsx'),
  tokens: () => import('./pages/TokensPage.tsx'),
  roles: () => import('./pages/RolesPage.tsx'),
  activity: () => import('./pages/ActivityPage.tsx'),
  settings: () => import('./pages/SettingsPage.tsx'),
} satisfies Partial<Record<SectionId, () => Promise<unknown>>>;

export const TodayPage = lazy(() => loaders.today().then((m) => ({ default: m.TodayPage })));
export const IdentitiesPage = lazy(() => loaders.identities().then((m) => ({ default: m.IdentitiesPage })));
export const TokensPage = lazy(() => loaders.tokens().then((m) => ({ default: m.TokensPage })));
export const RolesPage = lazy(() => loaders.roles().then((m) => ({ default: m.RolesPage })));
export const ActivityPage = lazy(() => loaders.activity().then((m) => ({ default: m.ActivityPage })));
export const SettingsPage = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsPage })));

/** Starts loading a page's chunk (the one a reload opens on) while the shell starts, instead of after its first render. */
export function preloadPage(section: SectionId): void {
  if (section !== 'accounts') void loaders[section]();
}
