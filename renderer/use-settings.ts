import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../shared/errors.ts';
import { defaultSettings, type Settings, type SettingsPatch } from '../shared/settings.ts';
import { api } from './api.ts';
import { firstAnswer } from './first-calls.ts';
import { useReloadOn } from './use-core-events.ts';

export interface SettingsState {
  settings: Settings | undefined;
  /** The saved settings, or the defaults (shared/settings.ts) until they load: what the pages go by. */
  values: Settings;
  loadError: AppErrorShape | undefined;
  /** Saves a change; resolves to the error when the core refuses it. */
  update(patch: SettingsPatch): Promise<AppErrorShape | undefined>;
  /** Reads them again (the vault opened: what was set up with it, such as the demo's default cloud, shows). */
  reload(): Promise<void>;
}

/** Loads settings once and keeps them in step with what the core saved. */
export function useSettings(): SettingsState {
  const [initial] = useState(() => firstAnswer<Settings>('settings.get'));
  const [settings, setSettingsState] = useState(initial?.ok ? initial.value : undefined);
  const [loadError, setLoadError] = useState(initial?.ok === false ? initial.error : undefined);
  const saved = useRef(settings);
  const setSettings = useCallback((value: Settings | undefined) => {
    saved.current = value;
    setSettingsState(value);
  }, []);

  const reload = useCallback(async () => {
    const result = await api.settings.get();
    if (result.ok) setSettings(result.value);
    else setLoadError(result.error);
  }, [setSettings]);

  useEffect(() => {
    if (!initial) void reload();
  }, [initial, reload]);

  // Each change gets a number; only the answer to the latest decides what is shown, so an earlier
  // answer arriving while a later change is on its way cannot flip the page back (two quick arrow
  // presses in the theme radio group showed Light again after Dark was chosen).
  const latest = useRef(0);
  const saving = useRef(0);
  const update = useCallback(async (patch: SettingsPatch) => {
    const change = ++latest.current;
    saving.current += 1;
    // Show the change at once, on top of what is shown; put the saved value back if the core refuses it.
    setSettingsState((shown) => (shown ? ({ ...shown, ...patch } as Settings) : shown));
    const result = await api.settings.update(patch).finally(() => (saving.current -= 1));
    if (result.ok) saved.current = result.value;
    if (change === latest.current) setSettingsState(saved.current);
    return result.ok ? undefined : result.error;
  }, []);

  // A change saved elsewhere (another window, `azcred settings`) shows here; one of this page's own
  // changes still on its way decides for itself what is shown.
  const reloadIfIdle = useCallback(async () => void (saving.current === 0 && (await reload())), [reload]);
  useReloadOn(['settings.changed'], reloadIfIdle);
  return { settings, values: settings ?? defaultSettings, loadError, update, reload };
}
