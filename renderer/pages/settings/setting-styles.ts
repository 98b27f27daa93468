import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Settings' one label grid: every field of every section puts its label in the same first column
 * and its control, hint and message in the second, so the labels line up down the page.
 */
export const useSettingStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1000px' },
  section: { gap: tokens.spacingVerticalS },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A horizontal Fluent Field is a grid of its own: the same columns in each keep one label column.
  field: {
    gridTemplateColumns: 'minmax(140px, 17rem) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    '@media (max-width: 700px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  control: { maxWidth: '16rem' },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});
