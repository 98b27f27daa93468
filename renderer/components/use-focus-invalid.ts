import { useEffect, useRef } from 'react';
import type { AppErrorShape } from '../../shared/errors.ts';

/** Moves the focus to the first field marked invalid when the error changes, so keyboard and screen-reader users land on it. */
export function useFocusInvalid<E extends HTMLElement>(error: AppErrorShape | undefined) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (error) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  return ref;
}
