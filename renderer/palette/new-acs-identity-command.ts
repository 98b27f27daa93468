import type { AcsScope } from '../../shared/tokens.ts';
import { wordsOf } from './fuzzy-score.ts';
import type { PaletteCommand, PaletteData } from './palette-commands.ts';

/** Words of a "copy a token" request that are not part of the new identity's label. */
const requestWords = new Set(['copy', 'mint', 'new', 'get', 'token', 'acs', 'user', 'for', 'on', 'chat', 'voip', 'call', 'calling']);
const verbs = new Set(['copy', 'mint', 'new', 'get']);

/**
 * "copy token Support chat tester" when Support chat remembers no tester: offers to create that ACS
 * identity with the token (the resource's access key pays), then copy it. The label is what is left
 * of the typed words once the verb, "token", the scope and the resource's name are taken out, as typed.
 */
export function newAcsIdentityCommands(query: string, data: PaletteData): PaletteCommand[] {
  const typed = query.trim().split(/\s+/).filter(Boolean);
  const lower = typed.map((t) => wordsOf(t).join(' '));
  if (!lower.some((w) => verbs.has(w)) || !lower.includes('token')) return [];
  const scope: AcsScope = lower.some((w) => ['voip', 'call', 'calling'].includes(w)) ? 'voip' : 'chat';
  const out: PaletteCommand[] = [];
  for (const account of data.accounts) {
    if (account.kind !== 'acs' || !account.hasAccessKey) continue;
    const nameWords = wordsOf(account.name);
    // The resource's whole name, in order, somewhere in what was typed.
    const at = lower.findIndex((_, i) => nameWords.every((w, k) => lower[i + k] === w));
    if (at < 0) continue;
    const label = typed
      .filter((_, i) => (i < at || i >= at + nameWords.length) && !requestWords.has(lower[i] ?? ''))
      .join(' ')
      .trim();
    if (!label) continue;
    const known = data.acsIdentities.some((i) => i.accountId === account.id && i.label.toLowerCase() === label.toLowerCase());
    if (known) continue;
    const noun = scope === 'chat' ? 'chat' : 'calling';
    out.push({
      id: `acs-new-identity:${account.id}:${scope}:${label}`,
      group: 'Actions',
      title: `Copy ACS ${noun} token · ${account.name} · new identity “${label}”`,
      detail: `Creates the ACS identity “${label}”, mints a 24 h token with the access key, then copies it`,
      words: wordsOf(`copy mint new get token acs user ${scope} ${account.name} ${label}`),
      weight: 0,
      action: { type: 'copy-acs-token-new', accountId: account.id, label, scope, says: `ACS ${noun} token for ${label} (${account.name})` },
    });
  }
  return out;
}
