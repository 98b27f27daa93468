import { useEffect, useRef, useState } from 'react';
import type { TokenView } from '../../../shared/tokens.ts';
import { onTick } from './ticker.ts';
import { groupsSignature } from './token-order.ts';

/**
 * The moment the list's groups are drawn as of: it moves only when a token crosses into another group
 * (Valid to Expiring soon, to Expired), so the page regroups then and not every second.
 */
export function useGroupsNow(tokens: readonly TokenView[], warningMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  const signature = useRef('');
  useEffect(() => {
    signature.current = groupsSignature(tokens, Date.now(), warningMs);
    return onTick((at) => {
      const next = groupsSignature(tokens, at, warningMs);
      if (next === signature.current) return;
      signature.current = next;
      setNow(at);
    });
  }, [tokens, warningMs]);
  return now;
}
