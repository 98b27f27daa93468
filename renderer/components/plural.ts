/** "1 account", "1,000 accounts": a count in the user's locale, with the word that fits it. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
