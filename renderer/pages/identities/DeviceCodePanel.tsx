import { Body1, Button, Caption1, Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { SignInStarted } from '../../../shared/identities.ts';
import { copyText } from '../../components/copy-text.ts';
import { clockTime } from './relative-time.ts';
import { useNow } from './use-now.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
  codeRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    letterSpacing: '0.12em',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    userSelect: 'all',
  },
  message: {
    color: tokens.colorNeutralForeground2,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  copied: { color: tokens.colorPaletteGreenForeground1 },
});

/** A device-code sign-in: the code to type, where to type it, Entra's own words and the time left. */
export function DeviceCodePanel({ started }: { started: SignInStarted }) {
  const styles = useStyles();
  const now = useNow(1000);
  const codeRef = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<'copied' | 'select' | undefined>();
  const left = (Date.parse(started.expiresAt) - now) / 1000;
  const code = started.userCode ?? '';

  return (
    <div className={styles.root}>
      <Body1>
        On this or any other device, open{' '}
        {started.verificationUri ? (
          <Link href={started.verificationUri} target="_blank" rel="noopener noreferrer">
            {started.verificationUri}
          </Link>
        ) : (
          'the sign-in page'
        )}{' '}
        and enter this code:
      </Body1>
      <div className={styles.codeRow}>
        <strong ref={codeRef} className={styles.code} data-testid="device-code">
          {code}
        </strong>
        <Button
          icon={copy === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={() => void copyText(code, codeRef.current).then((ok) => setCopy(ok ? 'copied' : 'select'))}
        >
          Copy code
        </Button>
        <Caption1 role="status" className={copy === 'copied' ? styles.copied : styles.muted}>
          {copy === 'copied' ? 'Copied' : copy === 'select' ? 'The code is selected: press Ctrl+C (⌘C) to copy it' : ''}
        </Caption1>
      </div>
      {started.message && (
        <Caption1 className={styles.message}>
          <span className={styles.muted}>Entra ID says: </span>
          {started.message}
        </Caption1>
      )}
      <Spinner size="small" labelPosition="after" label="Waiting for you to enter the code and sign in…" />
      <Text role="timer" className={styles.muted}>
        {left > 0 ? `The code expires in ${clockTime(left)}` : 'The code has expired'}
      </Text>
    </div>
  );
}
