import { useEffect, useState } from 'react';

/**
 * A request made on one page for another ("mint a token for this account", "discover with this
 * identity"): held here while the window moves to that page, which opens on it and then forgets it.
 */
export interface PageRequest<T> {
  /** Holds `value` and moves the window to the page that serves it. */
  send(value: T): void;
  /** The request waiting, if any. */
  readonly pending: T | undefined;
  forget(): void;
}

export function pageRequest<T>(hash: `#/${string}`): PageRequest<T> {
  let pending: T | undefined;
  return {
    send(value) {
      pending = value;
      window.location.hash = hash;
    },
    get pending() {
      return pending;
    },
    forget() {
      pending = undefined;
    },
  };
}

/** The request waiting when the page opened (its first state), forgotten once the page has shown it. */
export function useTakenRequest<T>(request: PageRequest<T>): T | undefined {
  const [taken] = useState(() => request.pending);
  useEffect(() => request.forget(), [request]);
  return taken;
}
