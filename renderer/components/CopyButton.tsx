import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { CopiedSecret } from '../../shared/accounts.ts';
import type { AppErrorShape } from '../../shared/errors.ts';
import type { Result } from '../../shared/result.ts';
import { isBrowserMode } from '../transport.ts';
import { useCall } from './use-call.ts';

const useStyles = makeStyles({
  status: { color: tokens.colorPaletteGreenForeground1 },
});

export interface CopyButtonProps {
  /** Copies the secret without showing it; resolves to how long it stays on the clipboard. */
  copy(): Promise<Result<CopiedSecret>>;
  onError(error: AppErrorShape): void;
  /** Visible text, such as "Copy" or "Copy connection string". */
  text: string;
  /** Accessible name when the visible text alone is ambiguous ("Copy primary key"). */
  label?: string;
}

/** In browser mode the page itself clears the clipboard (secret-clipboard.ts), which a closed tab cannot; the desktop app clears it
 * from its main process. */
const closingTabNote = isBrowserMode ? '. Closing this tab before then leaves it on the clipboard.' : '';

/** Copies a secret without showing it, then says for how long it stays on the clipboard. */
export function CopyButton({ copy, onError, text, label }: CopyButtonProps) {
  const styles = useStyles();
  const { run, busy } = useCall();
  const [clearsAfter, setClearsAfter] = useState<number>();

  useEffect(() => {
    if (clearsAfter === undefined) return;
    const timer = window.setTimeout(() => setClearsAfter(undefined), Math.min(clearsAfter, 10) * 1000);
    return () => window.clearTimeout(timer);
  }, [clearsAfter]);

  async function onClick() {
    setClearsAfter(undefined);
    const result = await run(copy);
    if (result.ok) setClearsAfter(result.value.clearsAfterSeconds);
    else onError(result.error);
  }

  return (
    <>
      <Button icon={<CopyRegular />} disabledFocusable={busy} aria-label={label ?? text} onClick={() => void onClick()}>
        {text}
      </Button>
      <Caption1 role="status" className={styles.status}>
        {clearsAfter === undefined ? '' : `Copied; clipboard clears in ${clearsAfter} s${closingTabNote}`}
      </Caption1>
    </>
  );
}
