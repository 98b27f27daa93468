import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../shared/contract.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { IdentityView, SignInStarted } from '../../../shared/identities.ts';
import { api } from '../../api.ts';

export type SignInPhase =
  { step: 'ready'; error?: AppErrorShape } | { step: 'starting' } | { step: 'waiting'; started: SignInStarted; cancelling: boolean };

/** How long each wait call is held open: under the contract's 25 s, so it fits in one HTTP request. */
const waitSeconds = 20;

/**
 * One sign-in at a time: start it, open the sign-in page when the app did not (browser mode), then
 * wait for it in long-polling calls until it is done, fails or is cancelled. Leaving (the dialog
 * closes) cancels a sign-in still under way, so its loopback listener closes too.
 */
export function useSignIn(onSignedIn: (identity: IdentityView) => void) {
  const [phase, setPhase] = useState<SignInPhase>({ step: 'ready' });
  const operation = useRef<string | undefined>(undefined);
  const mounted = useRef(true);
  const onSignedInRef = useRef(onSignedIn);
  useEffect(() => {
    onSignedInRef.current = onSignedIn;
  }, [onSignedIn]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      const id = operation.current;
      operation.current = undefined;
      if (id) void api.calls.cancel({ operationId: id });
    };
  }, []);

  const waitFor = useCallback(async (id: string) => {
    while (operation.current === id) {
      const result = await api.identities.waitSignIn({ operationId: id, waitSeconds });
      if (operation.current !== id) return; // left, or another sign-in started
      if (!result.ok) {
        operation.current = undefined;
        setPhase({ step: 'ready', error: result.error });
      } else if (result.value.state === 'done') {
        operation.current = undefined;
        setPhase({ step: 'ready' });
        onSignedInRef.current(result.value.identity);
      }
    }
  }, []);

  /** Goes on with a sign-in the core started (itself, or as the last step of registering an app): the page, then the wait. */
  const follow = useCallback(
    async (started: SignInStarted) => {
      // Closed while the core was starting it: stop it rather than open a tab nobody waits for.
      if (!mounted.current) return void api.calls.cancel({ operationId: started.operationId });
      // Browser mode: the core cannot open the user's browser, the page can. `noopener` keeps the
      // sign-in tab from reaching back into the app; the dialog shows the link too, for popup blockers.
      if (started.authUrl && !started.openedByApp) window.open(started.authUrl, '_blank', 'noopener');
      operation.current = started.operationId;
      // No page to open: the core signed a known user in again from the token cache, so there is nothing to wait for.
      if (started.method === 'interactive' && !started.authUrl) return waitFor(started.operationId);
      setPhase({ step: 'waiting', started, cancelling: false });
      void waitFor(started.operationId);
    },
    [waitFor],
  );

  const start = useCallback(
    async (input: MethodInput<'identities.signIn'>) => {
      setPhase({ step: 'starting' });
      const result = await api.identities.signIn(input);
      if (!result.ok) return setPhase({ step: 'ready', error: result.error });
      await follow(result.value);
    },
    [follow],
  );

  /** Asks the core to stop; the wait then ends with `cancelled`, which the dialog shows. */
  const cancel = useCallback(async () => {
    const id = operation.current;
    if (!id) return;
    setPhase((p) => (p.step === 'waiting' ? { ...p, cancelling: true } : p));
    const result = await api.calls.cancel({ operationId: id });
    if (!result.ok && operation.current === id) {
      operation.current = undefined;
      setPhase({ step: 'ready', error: result.error });
    }
  }, []);

  /** Forgets the last attempt's error: the user changed what it was about. */
  const clearError = useCallback(() => setPhase((p) => (p.step === 'ready' && p.error ? { step: 'ready' } : p)), []);

  return { phase, start, follow, cancel, clearError };
}
