/**
 * The app's one way of writing a moment: "Dec 7, 5:15 AM (in 58 min)" (the year only when it is not
 * this year's), and the time left or gone as "in 43 min", "in 2 h 5 min", "12 min ago". Every page
 * and dialog writes dates through here, so a user reads one format everywhere.
 */

/** "in 43 min", "in 2 h 5 min", "in 3 days", "12 min ago", "now": how far `at` is from `now`. */
export function timeLeftWords(at: number, now: number): string {
  const ms = at - now;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes === 0) return ms >= 0 ? 'in under a minute' : 'just now';
  const span = duration(minutes);
  return ms >= 0 ? `in ${span}` : `${span} ago`;
}

/** Minutes as "43 min", "2 h 5 min", "3 days". */
export function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const days = Math.round(minutes / (24 * 60));
  return `${days} days`;
}

/** "Dec 7, 5:15 AM" (the year only when it is another year's), in the user's language; `seconds` where a minute is too coarse. */
export function formatMoment(iso: string, now: number = Date.now(), locale?: string, seconds = false): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const sameYear = at.getFullYear() === new Date(now).getFullYear();
  return at.toLocaleString(locale, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });
}

/** "Dec 7, 5:15 AM (in 58 min)": the moment and how far it is from now. */
export function formatWhen(iso: string, now: number = Date.now(), locale?: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return `${formatMoment(iso, now, locale)} (${timeLeftWords(at, now)})`;
}
