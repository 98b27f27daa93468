import { Body1, Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { SignInStarted } from '../../../shared/identities.ts';
import { clockTime } from './relative-time.ts';
import { useNow } from './use-now.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  timer: { color: tokens.colorNeutralForeground2 },
});

/** While the user signs in in the browser: where the page is, and how long the app keeps waiting. */
export function InteractiveWaiting({ started }: { started: SignInStarted }) {
  const styles = useStyles();
  const now = useNow(1000);
  const left = (Date.parse(started.expiresAt) - now) / 1000;
  return (
    <div className={styles.root}>
      <Spinner size="small" labelPosition="after" label="Waiting for you to finish signing in in the browser…" />
      <Body1>
        {started.openedByApp
          ? 'The sign-in page opened in your browser. Sign in there, then come back here.'
          : 'The sign-in page opened in a new tab. Sign in there, then come back to this tab. If no tab opened (a popup blocker ' +
            'may have stopped it), open it with this link:'}
      </Body1>
      {started.authUrl && (
        <Link href={started.authUrl} target="_blank" rel="noopener noreferrer" className={styles.link}>
          {started.openedByApp ? 'Open the sign-in page again' : 'Open the sign-in page'}
          <OpenRegular aria-hidden />
        </Link>
      )}
      <Text role="timer" className={styles.timer}>
        Times out in {clockTime(left)}
      </Text>
    </div>
  );
}
