import type { SettingsState } from '../use-settings.ts';
import type { VaultState } from '../use-vault.ts';
import { PageHeader } from './PageHeader.tsx';

/** Today: what needs the user's attention now, and the recipes they pinned (renderer/pages/today/). */
export function TodayPage(_props: { settings: SettingsState; vault: VaultState }) {
  return <PageHeader title="Today" lead="What expires soon, what needs a sign-in or a new key, and your pinned recipes." />;
}
