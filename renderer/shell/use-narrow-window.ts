import { useEffect, useState } from 'react';

/** Below this width the navigation is an icon rail, so a window docked beside an IDE (1024 px) keeps its room for the page. */
export const railBelowPx = 1200;

const query = `(max-width: ${railBelowPx - 0.02}px)`;

/** Whether the window is narrower than `railBelowPx`, kept in step as it is resized. */
export function useNarrowWindow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setNarrow(list.matches);
    list.addEventListener('change', onChange);
    onChange();
    return () => list.removeEventListener('change', onChange);
  }, []);
  return narrow;
}
