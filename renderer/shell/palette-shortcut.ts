/** Whether this is a Mac, where the palette opens with ⌘K (Ctrl+K works there too). */
const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The palette's shortcut as the user's keyboard writes it. */
export function paletteShortcut(): string {
  return mac ? '⌘K' : 'Ctrl+K';
}

/** Ctrl+K anywhere, or ⌘K on a Mac: the command palette. */
export function isPaletteShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}
