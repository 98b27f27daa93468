import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);

/** Everything a user can change in Settings. Every field has a default, so a new data folder works. */
export const settingsSchema = z.object({
  theme: themeSchema,
  /** Seconds after which a copied secret is cleared from the clipboard, if it is still there. */
  clipboardClearSeconds: z.number().int().min(5).max(600),
  /** Seconds a revealed secret stays visible before it is masked again. */
  revealSeconds: z.number().int().min(3).max(300),
  /** Minutes before a token's expiry at which the app warns. */
  expiryWarningMinutes: z.number().int().min(1).max(1440),
  /** Cloud profile new accounts and sign-ins use unless the user picks another. */
  defaultCloud: z.string().min(1).max(64),
  /** Days after which a stored account key is flagged for rotation. */
  keyRotationReminderDays: z.number().int().min(1).max(3650),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  theme: 'system',
  clipboardClearSeconds: 30,
  revealSeconds: 20,
  expiryWarningMinutes: 10,
  defaultCloud: 'AzureCloud',
  keyRotationReminderDays: 90,
};

/** A partial update; unknown keys are refused so a typo never silently does nothing. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
