import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../shared/errors.ts';
import type { Settings, SettingsPatch } from '../shared/settings.ts';
import { api } from './api.ts';
import { firstAnswer } from './first-calls.ts';

export interface SettingsState {
  settings: Settings | undefined;
  loadError: AppErrorShape | undefined;
  /** Saves a change; resolves to the error when the core refuses it. */
  update(patch: SettingsPatch): Promise<AppErrorShape | undefined>;
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

  useEffect(() => {
    if (initial) return;
    void api.settings.get().then((result) => (result.ok ? setSettings(result.value) : setLoadError(result.error)));
  }, [initial, setSettings]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const before = saved.current;
      // Show the change at once; put the saved value back if the core refuses it.
      if (before) setSettingsState({ ...before, ...patch } as Settings);
      const result = await api.settings.update(patch);
      if (!result.ok) {
        setSettings(before);
        return result.error;
      }
      setSettings(result.value);
      return undefined;
    },
    [setSettings],
  );
  return { settings, loadError, update };
}
