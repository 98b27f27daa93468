import { useCallback, useEffect, useState } from 'react';
import type { CloudProfileView } from '../shared/clouds.ts';
import { api } from './api.ts';
import { firstAnswer } from './first-calls.ts';

/** The cloud profiles, and a function that names one the way the user knows it. */
export function useClouds(): { clouds: CloudProfileView[]; cloudLabel(name: string): string } {
  const [initial] = useState(() => firstAnswer<CloudProfileView[]>('clouds.list'));
  const [clouds, setClouds] = useState<CloudProfileView[]>(initial?.ok ? initial.value : []);
  useEffect(() => {
    if (!initial?.ok) void api.clouds.list().then((r) => r.ok && setClouds(r.value));
  }, [initial]);
  const cloudLabel = useCallback((name: string) => clouds.find((c) => c.name === name)?.displayName ?? name, [clouds]);
  return { clouds, cloudLabel };
}
