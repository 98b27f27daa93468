import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings.ts';
import { whileUnchanged } from './file-version.ts';
import { createJsonFileIfAbsent, readJsonObject, writeJsonFile } from './json-file.ts';
import { withMetadataLock } from './lock/metadata-lock.ts';
import { dataFolderProblem } from './data-folder-safety.ts';
import { settingsFileName } from './data-folder-layout.ts';

/**
 * Non-secret settings in `settings.json` in the data folder (mode 0600). A change is a
 * read-modify-write under the data folder's metadata lock, re-reading the file inside it and
 * changing only the keys given, so the app, browser mode and the CLI changing settings at once lose
 * nothing.
 */
export class SettingsStore {
  readonly #dataFolder: string;
  readonly #file: string;
  /** Read and checked again only when the file changed: every token call asks for the settings. Shared: hand out copies. */
  readonly #settings: () => Settings;

  constructor(dataFolder: string) {
    this.#dataFolder = dataFolder;
    this.#file = path.join(dataFolder, settingsFileName);
    // The file shows a new data folder's settings at once; it is only ever created whole, never replaced here.
    // Not in a folder that is refused as unsafe (every call fails there, saying why).
    if (!dataFolderProblem(dataFolder)) createJsonFileIfAbsent(this.#file, defaultSettings);
    this.#settings = whileUnchanged(this.#file, () => this.#read());
  }

  get(): Settings {
    const settings = this.#settings();
    return { ...settings, pinnedRecipes: settings.pinnedRecipes.map((recipe) => ({ ...recipe, scopes: [...recipe.scopes] })) };
  }

  #read(): Settings {
    // A hand-edited or older file may hold bad values: keep what is valid, default the rest.
    const stored = readJsonObject(this.#file, damaged) ?? {};
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
      const field = settingsSchema.shape[key].safeParse(stored[key]);
      if (field.success) merged[key] = field.data;
    }
    return merged as Settings;
  }

  /** Changes the keys in `patch` only; another process's change to other keys stays. */
  async update(patch: SettingsPatch): Promise<Settings> {
    // Refused before the lock: a bad value never waits for, or touches, the file.
    settingsSchema.parse({ ...this.get(), ...patch });
    return withMetadataLock(this.#dataFolder, async () => {
      const stored = readJsonObject(this.#file, damaged) ?? {};
      await writeJsonFile(this.#file, { ...stored, ...patch }, { backup: false });
      return this.get();
    });
  }
}

function damaged(): AppError {
  return new AppError(
    'internal',
    `The settings file ${settingsFileName} in the data folder is not valid JSON, so it was left as it is. Fix it, or move it ` +
      `aside to go back to the default settings.`,
  );
}
