import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, flex: '1 1 320px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  lead: { color: tokens.colorNeutralForeground2 },
});

/** A section's title and one line on what it is for, with the section's main actions beside them. */
export function PageHeader({ title, lead, actions }: { title: string; lead: string; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.text}>
        <Title2 as="h1">{title}</Title2>
        <Body1 className={styles.lead}>{lead}</Body1>
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </header>
  );
}
