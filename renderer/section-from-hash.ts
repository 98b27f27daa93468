/**
 * The app's sections by id, in navigation order (sections.tsx gives each its label and icon), and
 * which one a location hash opens. Nothing heavy is imported here: first-calls.ts reads the hash
 * before the rest of the app's script runs.
 */
export const sectionIds = ['today', 'accounts', 'identities', 'tokens', 'roles', 'activity', 'settings'] as const;

export type SectionId = (typeof sectionIds)[number];

/** Reads the section from the location hash (`#/tokens`), so a reload stays where the user was; Accounts for anything else. */
export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '');
  return sectionIds.find((s) => s === id) ?? 'accounts';
}
