import type { FluentIcon } from '@fluentui/react-icons';
import {
  bundleIcon,
  CalendarClock20Filled,
  CalendarClock20Regular,
  History20Filled,
  History20Regular,
  KeyMultiple20Filled,
  KeyMultiple20Regular,
  People20Filled,
  People20Regular,
  Settings20Filled,
  Settings20Regular,
  ShieldTask20Filled,
  ShieldTask20Regular,
  TicketDiagonal20Filled,
  TicketDiagonal20Regular,
} from '@fluentui/react-icons';
import type { SectionId } from './section-from-hash.ts';

export interface Section {
  id: SectionId;
  label: string;
  icon: FluentIcon;
}

/** The app's sections, in navigation order. */
export const sections: readonly Section[] = [
  { id: 'today', label: 'Today', icon: bundleIcon(CalendarClock20Filled, CalendarClock20Regular) },
  { id: 'accounts', label: 'Accounts', icon: bundleIcon(KeyMultiple20Filled, KeyMultiple20Regular) },
  { id: 'identities', label: 'Identities', icon: bundleIcon(People20Filled, People20Regular) },
  { id: 'tokens', label: 'Tokens', icon: bundleIcon(TicketDiagonal20Filled, TicketDiagonal20Regular) },
  { id: 'roles', label: 'Roles', icon: bundleIcon(ShieldTask20Filled, ShieldTask20Regular) },
  { id: 'activity', label: 'Activity', icon: bundleIcon(History20Filled, History20Regular) },
  { id: 'settings', label: 'Settings', icon: bundleIcon(Settings20Filled, Settings20Regular) },
];
