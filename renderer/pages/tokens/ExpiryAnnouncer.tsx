import {
  Button,
  Caption1,
  makeStyles,
  Toast,
  ToastBody,
  Toaster,
  ToastTitle,
  tokens,
  useToastController,
} from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import type { TokenView } from '../../../shared/tokens.ts';
import { onTick } from './ticker.ts';
import { enteredExpiring, kindLabels, sourceLabel } from './token-format.ts';

const useStyles = makeStyles({
  optIn: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
});

const webNotifications = typeof Notification !== 'undefined';

/**
 * Browser mode's expiry warning (the desktop app's core sends OS notifications instead): a toast
 * in the page when a token enters its warning time and, if the user asked for them, a browser
 * notification. Both only while this page is open: the browser has nothing that runs after it closes.
 */
export function ExpiryAnnouncer({ tokens: list, warningMs }: { tokens: readonly TokenView[]; warningMs: number }) {
  const styles = useStyles();
  const toasterId = useId();
  const { dispatchToast } = useToastController(toasterId);
  const [permission, setPermission] = useState(() => (webNotifications ? Notification.permission : 'denied'));
  const latest = useRef({ list, warningMs, permission });
  latest.current = { list, warningMs, permission };

  useEffect(() => {
    let before = Date.now();
    return onTick((now) => {
      const { list: current, warningMs: warning, permission: allowed } = latest.current;
      for (const token of enteredExpiring(current, before, now, warning)) {
        const minutes = Math.max(1, Math.round((Date.parse(token.expiresAt) - now) / 60_000));
        const title = `${kindLabels[token.kind]} expires in ${minutes} minute${minutes === 1 ? '' : 's'}`;
        const body = `${sourceLabel(token)}. Mint a new one, or turn on its auto-refresh.`;
        dispatchToast(
          <Toast>
            <ToastTitle>{title}</ToastTitle>
            <ToastBody>{body}</ToastBody>
          </Toast>,
          { intent: 'warning', timeout: 15_000 },
        );
        if (allowed === 'granted') new Notification(title, { body, tag: token.id });
      }
      before = now;
    });
  }, [dispatchToast]);

  return (
    <>
      <Toaster toasterId={toasterId} position="bottom-end" pauseOnHover pauseOnWindowBlur />
      {webNotifications && permission === 'default' && (
        <div className={styles.optIn}>
          <Button size="small" icon={<AlertRegular />} onClick={() => void Notification.requestPermission().then(setPermission)}>
            Notify me when a token is about to expire
          </Button>
          <Caption1 className={styles.hint}>Browser notifications come only while this page is open.</Caption1>
        </div>
      )}
    </>
  );
}
