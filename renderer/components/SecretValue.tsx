import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import type { CopiedSecret, RevealedSecret } from '../../shared/accounts.ts';
import type { AppErrorShape } from '../../shared/errors.ts';
import type { Result } from '../../shared/result.ts';
import { CopyButton } from './CopyButton.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  value: {
    display: 'block',
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    maxHeight: '240px',
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

// Same length whatever the value: the mask says nothing about it.
const mask = '•'.repeat(24);

export interface SecretValueProps {
  /** "Primary key", "Token", "Exported text": the field's title. */
  label: string;
  testId: string;
  reveal(): Promise<Result<RevealedSecret>>;
  copy(): Promise<Result<CopiedSecret>>;
  onError(error: AppErrorShape): void;
  /** When the value cannot be read (a kept token whose vault is locked): why, instead of the buttons. */
  unavailable?: string | undefined;
}

/** A secret masked until the user reveals it, masked again after the time the core gives; Copy never shows it. */
export function SecretValue({ label, testId, reveal, copy, onError, unavailable }: SecretValueProps) {
  const styles = useStyles();
  const labelId = useId();
  const [value, setValue] = useState<string>();
  const [hideAt, setHideAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [revealing, setRevealing] = useState(false);

  useEffect(() => {
    if (value === undefined) return;
    const timer = window.setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= hideAt) setValue(undefined);
    }, 250);
    return () => window.clearInterval(timer);
  }, [value, hideAt]);

  async function onReveal() {
    setRevealing(true);
    const result = await reveal();
    setRevealing(false);
    if (!result.ok) return onError(result.error);
    const started = Date.now();
    setNow(started);
    setHideAt(started + result.value.hideAfterSeconds * 1000);
    setValue(result.value.value);
  }

  const name = label.toLowerCase();
  return (
    <div className={styles.root} role="group" aria-labelledby={labelId}>
      <Text id={labelId} weight="semibold">
        {label}
      </Text>
      <pre className={styles.value} data-testid={testId}>
        {value ?? (
          <>
            <span aria-hidden>{mask}</span>
            <span className={styles.hidden}>Hidden</span>
          </>
        )}
      </pre>
      {unavailable ? (
        <Caption1 className={styles.hint}>{unavailable}</Caption1>
      ) : (
        <div className={styles.row}>
          {/* One button that turns from Reveal to Hide, so the focus stays on it (two would drop it on the page's body). */}
          <Button
            icon={value === undefined ? <EyeRegular /> : <EyeOffRegular />}
            disabledFocusable={revealing}
            aria-label={`${value === undefined ? 'Reveal' : 'Hide'} ${name}`}
            onClick={() => (value === undefined ? void onReveal() : setValue(undefined))}
          >
            {value === undefined ? 'Reveal' : 'Hide'}
          </Button>
          <CopyButton copy={copy} onError={onError} text="Copy" label={`Copy ${name}`} />
          {value !== undefined && (
            <Caption1 className={styles.hint}>Hides again in {Math.max(0, Math.ceil((hideAt - now) / 1000))} s</Caption1>
          )}
        </div>
      )}
    </div>
  );
}
