import { useState } from 'react';

/** `<folder>/<fileName>`, with the separator the folder already uses. */
export function fileInFolder(folder: string, fileName: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${separator}${fileName}`;
}

/** `2025-01-31`: the local date, for a file name. */
export function fileDate(today = new Date()): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
}

/** Where to save: the suggested path (which may follow the chosen format) until the user types one. */
export function useSavePath(suggested: string): [path: string, setPath: (path: string) => void] {
  const [typed, setTyped] = useState<string>();
  return [typed ?? suggested, setTyped];
}
