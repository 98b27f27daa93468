import { useCallback, useEffect, useState } from 'react';
import type { CloudProfileView } from '../shared/clouds.ts';
import { api } from './api.ts';
import { firstAnswer } from './first-calls.ts';
import { useReloadOn } from './use-core-events.ts';

/** The cloud profiles, a function that names one the way the user knows it, and a way to read them again. */
export function useClouds(): { clouds: CloudProfileView[]; cloudLabel(name: string): string; reload(): Promise<void> } {
  const [initial] = useState(() => firstAnswer<CloudProfileView[]>('clouds.list'));
  const [clouds, setClouds] = useState<CloudProfileView[]>(initial?.ok ? initial.value : []);
  const reload = useCallback(async () => {
    const result = await api.clouds.list();
    if (result.ok) setClouds(result.value);
  }, []);
  useEffect(() => {
    if (!initial?.ok) void reload();
  }, [initial, reload]);
  // A profile imported or removed anywhere (Settings, `azcred cloud import`, the demo's sample data) shows at once.
  useReloadOn(['clouds.changed'], reload);
  const cloudLabel = useCallback((name: string) => clouds.find((c) => c.name === name)?.displayName ?? name, [clouds]);
  return { clouds, cloudLabel, reload };
}
