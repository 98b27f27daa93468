import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // One row where there is room: title, lead, then the actions at the far end; the actions wrap under them when there is not.
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  text: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM, flex: '1 1 240px', minWidth: 0 },
  title: { flexShrink: 0, whiteSpace: 'nowrap' },
  // The lead gives way first: cut with an ellipsis, its whole text in the title (hover) and to screen readers.
  lead: {
    color: tokens.colorNeutralForeground2,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginLeft: 'auto' },
});

/** A section's title and one line on what it is for, with the section's main actions beside them, on one row where room allows. */
export function PageHeader({ title, lead, actions }: { title: string; lead: string; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.text}>
        <Title2 as="h1" className={styles.title}>
          {title}
        </Title2>
        <Body1 className={styles.lead} title={lead}>
          {lead}
        </Body1>
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </header>
  );
}
