import { useEffect, useState } from 'react';
import type { Settings } from '../shared/settings.ts';

const query = '(prefers-color-scheme: dark)';

/** Light or dark: the user's choice in Settings, or the OS's when the choice is "system". */
export function useColorScheme(choice: Settings['theme'] | undefined): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  if (choice === 'light' || choice === 'dark') return choice;
  return systemDark ? 'dark' : 'light';
}
