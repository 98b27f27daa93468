import { useEffect, useState } from 'react';
import type { AppInfo } from '../shared/contract.ts';
import { api } from './api.ts';
import { firstAnswer } from './first-calls.ts';

let pending: Promise<AppInfo | undefined> | undefined;

/** What the app is and where it keeps things; asked once per window, it does not change. */
export function useAppInfo(): AppInfo | undefined {
  const [info, setInfo] = useState<AppInfo | undefined>(() => {
    const first = firstAnswer<AppInfo>('app.info');
    if (first?.ok) pending = Promise.resolve(first.value);
    return first?.ok ? first.value : undefined;
  });
  useEffect(() => {
    pending ??= api.app.info().then((r) => (r.ok ? r.value : undefined));
    let live = true;
    void pending.then((value) => {
      if (!value) pending = undefined; // let the next page ask again
      if (live) setInfo(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return info;
}
