import { useCallback, useEffect, useState } from 'react';
import type { CloudProfileView } from '../shared/clouds.ts';
import { api } from './api.ts';

/** The cloud profiles, and a function that names one the way the user knows it. */
export function useClouds(): { clouds: CloudProfileView[]; cloudLabel(name: string): string } {
  const [clouds, setClouds] = useState<CloudProfileView[]>([]);
  useEffect(() => {
    void api.clouds.list().then((r) => r.ok && setClouds(r.value));
  }, []);
  const cloudLabel = useCallback((name: string) => clouds.find((c) => c.name === name)?.displayName ?? name, [clouds]);
  return { clouds, cloudLabel };
}
