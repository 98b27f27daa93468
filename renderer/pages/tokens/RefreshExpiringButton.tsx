import { Button } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { groupOf } from './token-order.ts';

export interface RefreshExpiringButtonProps {
  tokens: readonly TokenView[];
  /** The moment the list's groups are drawn as of. */
  now: number;
  warningMs: number;
  onChanged(...tokens: TokenView[]): void;
  onError(error: AppErrorShape): void;
}

/**
 * "Refresh 2 expiring" over the list: gets every expiring token the app can get again anew, one after
 * the other, in one press (a button inside a row of the list would be a control inside an option).
 * The first refusal stops it and says why; those refreshed before it stay refreshed.
 */
export function RefreshExpiringButton({ tokens, now, warningMs, onChanged, onError }: RefreshExpiringButtonProps) {
  const [busy, setBusy] = useState(false);
  const expiring = tokens.filter((t) => t.refreshable && groupOf(t, now, warningMs) === 'expiring');
  if (expiring.length === 0) return null;

  async function refreshAll() {
    if (busy) return;
    setBusy(true);
    try {
      for (const token of expiring) {
        const result = await api.tokens.refresh({ id: token.id });
        if (!result.ok) return onError(result.error);
        onChanged(result.value);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button icon={<ArrowClockwiseRegular />} disabledFocusable={busy} onClick={() => void refreshAll()}>
      {`Refresh ${expiring.length} expiring`}
    </Button>
  );
}
