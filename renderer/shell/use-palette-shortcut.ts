import { useEffect, useRef } from 'react';
import { isPaletteShortcut } from './palette-shortcut.ts';

/**
 * Ctrl+K (⌘K on a Mac) anywhere in the window, even while typing in a field: opens the command
 * palette. Not over an open dialog: that dialog holds the focus until it is closed.
 */
export function usePaletteShortcut(open: () => void): void {
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      event.preventDefault();
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
