import { useMemo } from 'react';
import { useAppInfo } from '../use-app-info.ts';
import type { CopyHow } from './secret-clipboard.ts';

/** How this window copies secrets: the core's clipboard when the app has one (the desktop app), and the clear time from Settings. */
export function useCopyHow(clearAfterSeconds: number): CopyHow {
  const info = useAppInfo();
  const coreClipboard = info?.coreClipboard ?? false;
  return useMemo(() => ({ coreClipboard, clearAfterSeconds }), [coreClipboard, clearAfterSeconds]);
}
