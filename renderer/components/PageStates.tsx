import { Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface PageStatesProps {
  /** What the page lists; undefined while the first list loads. */
  items: readonly unknown[] | undefined;
  /** The spinner's words while it loads: "Loading accounts…". */
  loading: string;
  /** What the page says while it has nothing to list (an EmptyState): what belongs here and how it gets here. */
  empty: ReactNode;
  /** The list, once there is something in it. */
  children: ReactNode;
}

/** A listing page's three states: loading, nothing yet, and the list. */
export function PageStates({ items, loading, empty, children }: PageStatesProps) {
  if (items === undefined) return <Spinner label={loading} />;
  return items.length === 0 ? empty : children;
}
