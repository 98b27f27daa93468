/**
 * The palette's matcher: every word typed must find a word of the command (whole, its start,
 * inside it, or its letters in order from its first), and commands whose words match sooner,
 * whole and in the typed order rank first. Small on purpose: a few hundred commands, scored anew
 * on each key.
 */

/** Lower-case words, split on anything that is not a letter or a digit ("chat.join" is chat and join). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function inOrder(typed: string, word: string): boolean {
  let at = 0;
  for (const letter of typed) {
    at = word.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** How well one typed word matches one word of a command: 0 when it does not. */
export function wordScore(typed: string, word: string): number {
  if (word === typed) return 10;
  if (word.startsWith(typed)) return 6 + (3 * typed.length) / word.length;
  if (typed.length >= 3 && word.includes(typed)) return 3;
  if (typed.length >= 3 && typed[0] === word[0] && inOrder(typed, word)) return 1.5;
  return 0;
}

/**
 * Scores a command's words against what was typed; null when a typed word matches none of them.
 * An empty query matches everything with score 0.
 */
export function fuzzyScore(query: string | readonly string[], words: readonly string[]): number | null {
  const typed = typeof query === 'string' ? wordsOf(query) : query;
  let total = 0;
  let lastAt = -1;
  for (const [i, t] of typed.entries()) {
    let best = 0;
    let bestAt = -1;
    for (const [at, word] of words.entries()) {
      const score = wordScore(t, word);
      // Of equal matches, the first after the previous typed word's keeps the typed order.
      if (score > best || (score === best && score > 0 && bestAt <= lastAt && at > lastAt)) {
        best = score;
        bestAt = at;
      }
    }
    if (best === 0) return null;
    total += best;
    if (i === 0 && bestAt === 0) total += 2; // the verb typed first ("copy …", "can …")
    if (bestAt > lastAt) total += 1;
    lastAt = bestAt;
  }
  // Of two commands that match alike, the one with fewer words left over is the closer.
  return total - 0.05 * words.length;
}
