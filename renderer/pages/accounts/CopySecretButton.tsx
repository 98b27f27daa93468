import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { AccountSecret } from '../../../shared/accounts.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { copySecret } from './secret-clipboard.ts';

const useStyles = makeStyles({
  status: { color: tokens.colorPaletteGreenForeground1 },
});

/** How this window copies secrets and how long they stay on the clipboard. */
export interface CopySettings {
  coreClipboard: boolean;
  clearAfterSeconds: number;
  onError(error: AppErrorShape): void;
}

export interface CopySecretButtonProps {
  accountId: string;
  secret: AccountSecret;
  /** Visible text, such as "Copy" or "Copy connection string". */
  text: string;
  /** Accessible name when the visible text alone is ambiguous ("Copy primary key"). */
  label?: string;
  copy: CopySettings;
  appearance?: 'secondary' | 'primary' | 'subtle';
}

/** Copies a secret without showing it, then says for how long it stays on the clipboard. */
export function CopySecretButton({ accountId, secret, text, label, copy, appearance = 'secondary' }: CopySecretButtonProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [clearsAfter, setClearsAfter] = useState<number>();

  useEffect(() => {
    if (clearsAfter === undefined) return;
    const timer = window.setTimeout(() => setClearsAfter(undefined), Math.min(clearsAfter, 10) * 1000);
    return () => window.clearTimeout(timer);
  }, [clearsAfter]);

  async function onClick() {
    setBusy(true);
    setClearsAfter(undefined);
    const result = await copySecret(accountId, secret, copy);
    setBusy(false);
    if (result.ok) setClearsAfter(result.value.clearsAfterSeconds);
    else copy.onError(result.error);
  }

  return (
    <>
      <Button appearance={appearance} icon={<CopyRegular />} disabled={busy} aria-label={label ?? text} onClick={() => void onClick()}>
        {text}
      </Button>
      <Caption1 role="status" className={styles.status}>
        {clearsAfter === undefined ? '' : `Copied; clipboard clears in ${clearsAfter} s`}
      </Caption1>
    </>
  );
}
