import { Body1, mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useLayoutStyles } from './layout-styles.ts';

export interface ListAndDetailProps {
  /** The grid that puts the two side by side (its column widths are the page's). */
  className: string;
  /** The list, or false when the search leaves nothing in it. */
  list: ReactNode;
  /** What the list's place says when the search leaves nothing: "No token matches the search." */
  noMatch: string;
  /** The chosen item's detail, or undefined while nothing is chosen. */
  detail: ReactNode;
  /** What the detail pane says while nothing is chosen. */
  nothingChosen: string;
}

/** A list beside the chosen item's detail pane (Accounts, Tokens), each with its words for when it has nothing to show. */
export function ListAndDetail({ className, list, noMatch, detail, nothingChosen }: ListAndDetailProps) {
  const layout = useLayoutStyles();
  return (
    <div className={className}>
      {list || (
        <div className={mergeClasses(layout.detailPane, layout.nothingChosen)}>
          <Body1>{noMatch}</Body1>
        </div>
      )}
      <div className={layout.detailPane}>{detail ?? <Body1 className={layout.nothingChosen}>{nothingChosen}</Body1>}</div>
    </div>
  );
}
