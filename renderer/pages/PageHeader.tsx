import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalL },
  lead: { color: tokens.colorNeutralForeground2 },
});

/** A section's title and one line on what it is for. */
export function PageHeader({ title, lead }: { title: string; lead: string }) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <Title2 as="h1">{title}</Title2>
      <Body1 className={styles.lead}>{lead}</Body1>
    </header>
  );
}
