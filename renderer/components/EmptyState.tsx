import { Body1, Link, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalM,
    maxWidth: '560px',
    margin: '0 auto',
    paddingTop: tokens.spacingVerticalXXXL,
  },
  icon: { fontSize: '48px', color: tokens.colorBrandForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', justifyContent: 'center', gap: tokens.spacingHorizontalS },
  list: { textAlign: 'left', margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2 },
});

export interface EmptyStateProps {
  icon: FluentIcon;
  title: string;
  children: ReactNode;
  /** What the section does, one line each. */
  points?: readonly string[];
  learnMore?: { href: string; label: string };
  /** Buttons that start filling the section. */
  actions?: ReactNode;
}

/** What a section shows before it has anything: what belongs here and how it gets here. */
export function EmptyState({ icon: Icon, title, children, points, learnMore, actions }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      <Icon className={styles.icon} aria-hidden />
      <Subtitle1 as="h2">{title}</Subtitle1>
      <Body1>{children}</Body1>
      {points && (
        <ul className={styles.list}>
          {points.map((p) => (
            <li key={p}>
              <Body1>{p}</Body1>
            </li>
          ))}
        </ul>
      )}
      {actions && <div className={styles.actions}>{actions}</div>}
      {learnMore && (
        <Link href={learnMore.href} target="_blank" rel="noreferrer noopener">
          {learnMore.label}
        </Link>
      )}
    </section>
  );
}
