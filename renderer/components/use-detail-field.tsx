import { Body1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useLayoutStyles } from './layout-styles.ts';

/** One term and its value in a detail pane's description list (a `<dl>` with `terms` of useLayoutStyles), the same on every page. */
export function useDetailField() {
  const layout = useLayoutStyles();
  return (term: string, value: ReactNode, mono = false) => (
    <>
      <dt className={layout.term}>
        <Body1>{term}</Body1>
      </dt>
      <dd className={layout.value}>
        <Body1 className={mono ? layout.mono : undefined}>{value}</Body1>
      </dd>
    </>
  );
}
