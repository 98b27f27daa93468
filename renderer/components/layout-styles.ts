import { makeStyles, tokens } from '@fluentui/react-components';

/** The layouts and text styles the pages share, so that a detail pane, a table cell or a hint looks the same on every page. */
export const useLayoutStyles = makeStyles({
  /** Fields, sections or panes one under another. */
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  /** Buttons, badges or a title and its status side by side, wrapping. */
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  /** The lines of one table cell: a name over its IDs. */
  cellLines: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    minWidth: 0,
  },
  /** A description list as two columns: terms, and their values. */
  terms: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, wordBreak: 'break-all', color: tokens.colorNeutralForeground1 },
  /** What matters less: a hint, a resource group under a name. */
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  /** An ID, a key, a URL or a path: monospace, broken anywhere. */
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  /** A smaller, muted ID under a name. */
  monoMuted: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    wordBreak: 'break-all',
  },
  /** The pane beside a list that shows the chosen item (Accounts, Tokens). */
  detailPane: {
    overflowY: 'auto',
    minHeight: 0,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  /** The pane's words while nothing is chosen, in its middle. */
  nothingChosen: {
    color: tokens.colorNeutralForeground2,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    padding: tokens.spacingHorizontalL,
  },
  /** A table wider than the page scrolls sideways on its own. */
  scrollX: { overflowX: 'auto' },
  /** A table in a bordered box of its own, which scrolls when the table outgrows it (Identities, Discover, the role matrix). */
  tableBox: {
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  /** Text to read or copy as it is: a command, a config. */
  code: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
  },
});
