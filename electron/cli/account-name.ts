/**
 * Whether `nameOrId` names the account: its id, or its name in any case with the spaces around it
 * trimmed. The full CLI and its cached-token path (which reads accounts.json itself) both look an
 * account up this way, so they find the same one.
 */
export function namesAccount(account: { id: string; name: string }, nameOrId: string): boolean {
  return account.id === nameOrId || account.name.trim().toLowerCase() === nameOrId.trim().toLowerCase();
}
