import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import type { AccountSecret } from '../../../shared/accounts.ts';
import { api } from '../../api.ts';
import { CopySecretButton, type CopySettings } from './CopySecretButton.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  value: {
    display: 'block',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: 'break-all',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

// Same length for every secret: the mask says nothing about the key.
const mask = '•'.repeat(24);

export interface SecretFieldProps {
  accountId: string;
  secret: AccountSecret;
  /** "Primary key", in the user's words. */
  label: string;
  copy: CopySettings;
  /** The vault lost this secret (a damaged file was set aside): nothing to reveal or copy. */
  missing?: boolean;
}

/** A stored secret, masked until the user reveals it; masked again after the time the core gives. */
export function SecretField({ accountId, secret, label, copy, missing = false }: SecretFieldProps) {
  const styles = useStyles();
  const labelId = useId();
  const [value, setValue] = useState<string>();
  const [hideAt, setHideAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (value === undefined) return;
    const timer = window.setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= hideAt) setValue(undefined);
    }, 250);
    return () => window.clearInterval(timer);
  }, [value, hideAt]);

  async function reveal() {
    setBusy(true);
    const result = await api.accounts.reveal({ id: accountId, secret });
    setBusy(false);
    if (!result.ok) return copy.onError(result.error);
    const started = Date.now();
    setNow(started);
    setHideAt(started + result.value.hideAfterSeconds * 1000);
    setValue(result.value.value);
  }

  const name = label.toLowerCase();
  if (missing) {
    return (
      <div className={styles.root} role="group" aria-labelledby={labelId}>
        <Text id={labelId} weight="semibold">
          {label}
        </Text>
        <Caption1 className={styles.hint}>Missing from the vault: edit the account to add it again.</Caption1>
      </div>
    );
  }
  const secondsLeft = Math.max(0, Math.ceil((hideAt - now) / 1000));
  return (
    <div className={styles.root} role="group" aria-labelledby={labelId}>
      <Text id={labelId} weight="semibold">
        {label}
      </Text>
      <code className={styles.value} data-testid={`secret-${secret}`}>
        {value ?? (
          <>
            <span aria-hidden>{mask}</span>
            <span className={styles.hidden}>Hidden</span>
          </>
        )}
      </code>
      <div className={styles.row}>
        {value === undefined ? (
          <Button icon={<EyeRegular />} disabled={busy} aria-label={`Reveal ${name}`} onClick={() => void reveal()}>
            Reveal
          </Button>
        ) : (
          <Button icon={<EyeOffRegular />} aria-label={`Hide ${name}`} onClick={() => setValue(undefined)}>
            Hide
          </Button>
        )}
        <CopySecretButton accountId={accountId} secret={secret} text="Copy" label={`Copy ${name}`} copy={copy} />
        {value !== undefined && <Caption1 className={styles.hint}>Hides again in {secondsLeft} s</Caption1>}
      </div>
    </div>
  );
}
