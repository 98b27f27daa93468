import Conf from 'conf';
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../shared/settings.ts';
import { whileUnchanged } from './file-version.ts';

/**
 * Non-secret settings in `settings.json` in the data folder. `conf` writes atomically; it is what
 * electron-store uses underneath, so the file is the same whichever front door wrote it.
 */
export class SettingsStore {
  readonly #conf: Conf<Settings>;
  /** Read and checked again only when the file changed: every token call asks for the settings. Shared: hand out copies. */
  readonly #settings: () => Settings;

  constructor(dataFolder: string) {
    this.#conf = new Conf<Settings>({ cwd: dataFolder, configName: 'settings', defaults: defaultSettings });
    this.#settings = whileUnchanged(this.#conf.path, () => this.#read());
  }

  get(): Settings {
    return { ...this.#settings() };
  }

  #read(): Settings {
    // A hand-edited or older file may hold bad values: keep what is valid, default the rest.
    const stored: Record<string, unknown> = { ...this.#conf.store };
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
      const field = settingsSchema.shape[key].safeParse(stored[key]);
      if (field.success) merged[key] = field.data;
    }
    return merged as Settings;
  }

  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.#conf.set(next);
    return next;
  }
}
