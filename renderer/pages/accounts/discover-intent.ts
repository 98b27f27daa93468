/**
 * "Discover resources" asked for on another page (an identity's row): held here while the window
 * moves to the Accounts page, which opens the discovery dialog for that identity and then forgets it.
 */
let pending: string | undefined;

export function discoverWith(identityId: string): void {
  pending = identityId;
  window.location.hash = '#/accounts';
}

/** The identity waiting for the Accounts page's discovery dialog, if any; `forget` once it is shown. */
export function pendingDiscovery(): string | undefined {
  return pending;
}

export function forgetDiscoveryRequest(): void {
  pending = undefined;
}
