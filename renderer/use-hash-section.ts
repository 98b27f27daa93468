import { useEffect, useState } from 'react';
import { sectionFromHash, type SectionId } from './section-from-hash.ts';

/** The current section, kept in the location hash so the back button and reload work. */
export function useHashSection(): [SectionId, (id: SectionId) => void] {
  const [section, setSection] = useState(() => sectionFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    // A hash that changed between the first render and this listener (a link followed while the app starts) is not lost.
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [section, (id) => void (window.location.hash = `#/${id}`)];
}
