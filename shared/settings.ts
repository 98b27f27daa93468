import { z } from 'zod';
import { method, noInput } from './method.ts';
import { acsScopesSchema, acsTokenMinutesSchema } from './tokens.ts';

export const themeSchema = z.enum(['system', 'light', 'dark']);

/** The range of each number setting: the schema holds them, and Settings shows them on its fields. */
export const settingsLimits = {
  clipboardClearSeconds: { min: 5, max: 600 },
  revealSeconds: { min: 3, max: 300 },
  expiryWarningMinutes: { min: 1, max: 1440 },
  keyRotationReminderDays: { min: 1, max: 3650 },
} as const;

const limited = (key: keyof typeof settingsLimits) => z.number().int().min(settingsLimits[key].min).max(settingsLimits[key].max);

/**
 * A pinned recipe (Today page): an ACS user token for one identity on one resource, with these
 * scopes, minted again and copied in one action. Only ids and choices, never a secret.
 */
export const pinnedRecipeSchema = z
  .object({
    id: z.string().uuid({ message: 'A recipe id is a UUID' }),
    accountId: z.string().uuid({ message: 'Unknown account reference' }),
    acsIdentityId: z.string().uuid({ message: 'Unknown ACS identity' }),
    scopes: acsScopesSchema,
    minutes: acsTokenMinutesSchema,
  })
  .strict();
export type PinnedRecipe = z.infer<typeof pinnedRecipeSchema>;
/** How many recipes can be pinned: Today stays a short list. */
export const maxPinnedRecipes = 20;

/** Everything a user can change in Settings. Every field has a default, so a new data folder works. */
export const settingsSchema = z.object({
  theme: themeSchema,
  /** Seconds after which a copied secret is cleared from the clipboard, if it is still there. */
  clipboardClearSeconds: limited('clipboardClearSeconds'),
  /** Seconds a revealed secret stays visible before it is masked again. */
  revealSeconds: limited('revealSeconds'),
  /** Minutes before a token's expiry at which the app warns. */
  expiryWarningMinutes: limited('expiryWarningMinutes'),
  /** Cloud profile new accounts and sign-ins use unless the user picks another. */
  defaultCloud: z.string().min(1).max(64),
  /** Days after which a stored account key is flagged for rotation. */
  keyRotationReminderDays: limited('keyRotationReminderDays'),
  /** The Today page's pinned recipes, in the order pinned. */
  pinnedRecipes: z.array(pinnedRecipeSchema).max(maxPinnedRecipes, `Pin at most ${maxPinnedRecipes} recipes`),
});

export type Settings = z.infer<typeof settingsSchema>;

/** What a new data folder starts with, and what the app shows until the saved settings load. */
export const defaultSettings: Settings = {
  theme: 'system',
  clipboardClearSeconds: 30,
  revealSeconds: 20,
  expiryWarningMinutes: 10,
  defaultCloud: 'AzureCloud',
  keyRotationReminderDays: 90,
  pinnedRecipes: [],
};

/** A partial update; unknown keys are refused so a typo never silently does nothing. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** The contract's methods for settings (shared/contract.ts joins every domain's). */
export const settingsMethods = {
  'settings.get': method<typeof noInput, Settings>(noInput),
  'settings.update': method<typeof settingsPatchSchema, Settings>(settingsPatchSchema),
} as const;
