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
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { expiryWarning } from '../../../shared/events.ts';
import type { TokenKind, TokenView } from '../../../shared/tokens.ts';
import { useCoreEvents } from '../../use-core-events.ts';
import { onTick } from './ticker.ts';
import { enteredExpiring } from './token-format.ts';

const useStyles = makeStyles({
  optIn: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
});

const webNotifications = typeof Notification !== 'undefined';

/**
 * Browser mode's expiry warning (the desktop app's core sends OS notifications instead): a toast
 * in the page when a token enters its warning time and, if the user asked for them, a browser
 * notification, worded as the core words its own (`expiryWarning`). It comes from the core's
 * `token.expiring` event, or from the page's own clock crossing the warning time, whichever is
 * first; once per token and expiry. Both only while this page is open: the browser has nothing
 * that runs after it closes.
 */
export function ExpiryAnnouncer({ tokens: list, warningMs }: { tokens: readonly TokenView[]; warningMs: number }) {
  const styles = useStyles();
  const toasterId = useId();
  const { dispatchToast } = useToastController(toasterId);
  const [permission, setPermission] = useState(() => (webNotifications ? Notification.permission : 'denied'));
  const latest = useRef({ list, warningMs, permission });
  latest.current = { list, warningMs, permission };
  /** `id@expiresAt` of each warning shown, so the event and the clock never warn twice. */
  const shown = useRef(new Set<string>());

  const announce = useCallback(
    (token: { id: string; kind: TokenKind; title: string; expiresAt: string }, now: number) => {
      const key = `${token.id}@${token.expiresAt}`;
      if (shown.current.has(key)) return;
      shown.current.add(key);
      const { title, body } = expiryWarning(token, now);
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          <ToastBody>{body}</ToastBody>
        </Toast>,
        { intent: 'warning', timeout: 15_000 },
      );
      if (latest.current.permission === 'granted') new Notification(title, { body, tag: token.id });
    },
    [dispatchToast],
  );

  useCoreEvents((event) => event.type === 'token.expiring' && announce(event, Date.now()));

  useEffect(() => {
    let before = Date.now();
    return onTick((now) => {
      const { list: current, warningMs: warning } = latest.current;
      for (const token of enteredExpiring(current, before, now, warning)) announce(token, now);
      before = now;
    });
  }, [announce]);

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
