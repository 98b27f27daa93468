/**
 * Plain text tables for a terminal: columns padded to the widest cell, no colours. Given a `width`
 * (the terminal's), a table wider than that wraps its widest columns: a list cell between its
 * items, other text between words, and only a word longer than its column is cut, marked with "…".
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], options: { width?: number } = {}): string {
  const columns = header.map((h, i) => [h, ...rows.map((r) => r[i] ?? '')]);
  const natural = columns.map((cells) => Math.max(...cells.map((c) => c.length)));
  const widths = options.width === undefined ? natural : fitWidths(columns, natural, options.width);
  const render = (cells: readonly string[]): string[] => {
    const wrapped = header.map((_, i) => wrapText(cells[i] ?? '', widths[i] ?? 0));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, line) =>
      wrapped
        .map((lines, i) => (i === wrapped.length - 1 ? (lines[line] ?? '') : (lines[line] ?? '').padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  };
  const body = rows.map(render);
  // Rows that wrap are told apart by a blank line between them.
  const separator = body.some((lines) => lines.length > 1) ? '\n\n' : '\n';
  return [render(header).join('\n'), ...(body.length ? [body.map((lines) => lines.join('\n')).join(separator)] : [])].join('\n');
}

/**
 * Column widths that fit `width`: the widest column gives up a character at a time, first down to
 * its longest word (and its header), then, on a terminal too narrow for that, down to its header.
 */
function fitWidths(columns: readonly (readonly string[])[], natural: readonly number[], width: number): number[] {
  const widths = [...natural];
  const available = width - 2 * (columns.length - 1);
  const total = () => widths.reduce((sum, w) => sum + w, 0);
  const longestWord = columns.map((cells) => Math.max(...cells.flatMap((c) => c.split(' ').map((w) => w.length))));
  const headerWidth = columns.map((cells) => Math.max(2, cells[0]?.length ?? 0));
  for (const floor of [longestWord, headerWidth]) {
    while (total() > available) {
      let widest = -1;
      widths.forEach((w, i) => {
        if (w > (floor[i] ?? 0) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
      });
      if (widest < 0) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
    }
  }
  return widths;
}

/** Text in lines of `width`: whole list items where they fit, else whole words, else a word cut with "…". */
export function wrapText(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  const place = (unit: string): boolean => {
    const joined = line ? `${line} ${unit}` : unit;
    if (joined.length > width) return false;
    line = joined;
    return true;
  };
  const items = text.split(', ').map((item, i, all) => (i < all.length - 1 ? `${item},` : item));
  for (const item of items) {
    if (place(item)) continue;
    if (item.length <= width) {
      lines.push(line);
      line = item;
      continue;
    }
    for (const word of item.split(' ')) {
      if (place(word)) continue;
      if (line) lines.push(line);
      let rest = word;
      for (; rest.length > width; rest = rest.slice(width - 1)) lines.push(`${rest.slice(0, width - 1)}…`);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function printJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** What a list command prints: the items as JSON with --json, else `empty` when there are none, else a table with a row an item. */
export function listOutput<T>(
  items: readonly T[],
  json: boolean,
  list: { columns: readonly string[]; row: (item: T) => readonly string[]; empty?: string },
): string {
  if (json) return printJson(items);
  if (items.length === 0 && list.empty !== undefined) return list.empty;
  return table(list.columns, items.map(list.row));
}
