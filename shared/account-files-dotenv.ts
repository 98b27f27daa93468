/**
 * A `.env` reader with dotenv's syntax: `#` comments and blank lines, an optional `export ` prefix,
 * single, double or backtick quotes (a quoted value may span lines; double quotes expand \n, \t, \"
 * and \\), a `#` after whitespace ends an unquoted value, and `=` may occur inside a value (base64
 * padding). Problems name the line, never its content.
 */

export interface EnvVariable {
  name: string;
  value: string;
  line: number;
}

export interface EnvProblem {
  line: number;
  /** The variable the line was meant to set, when that much could be read. */
  name?: string;
  message: string;
}

const assignment = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=[ \t]*(.*)$/;
const leadingName = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)/;

export function readDotenv(content: string): { variables: EnvVariable[]; problems: EnvProblem[] } {
  const lines = content.split(/\r\n|\r|\n/);
  const variables: EnvVariable[] = [];
  const problems: EnvProblem[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const number = index + 1;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const match = assignment.exec(line);
    if (!match) {
      const name = leadingName.exec(line)?.[1];
      problems.push({ line: number, ...(name !== undefined && { name }), message: `line ${number}: expected NAME=value` });
      continue;
    }
    const name = match[1] ?? '';
    const rest = match[2] ?? '';
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      const read = readQuoted(lines, index, rest, quote);
      if (!read.ok) {
        problems.push({ line: number, name, message: `line ${number}: ${read.message}` });
        if (read.message.startsWith('the quoted value has no closing')) break;
        index = read.endIndex;
        continue;
      }
      variables.push({ name, value: read.value, line: number });
      index = read.endIndex;
      continue;
    }
    variables.push({ name, value: unquoted(rest), line: number });
  }
  return { variables, problems };
}

/** An unquoted value: up to a `#` that follows whitespace, trimmed. */
function unquoted(rest: string): string {
  if (rest.startsWith('#')) return '';
  const comment = rest.search(/\s#/);
  return (comment >= 0 ? rest.slice(0, comment) : rest).trim();
}

type Quoted = { ok: true; value: string; endIndex: number } | { ok: false; message: string; endIndex: number };

/** Reads a quoted value from `rest` (the text after `=` on line `index`), continuing onto later lines until the closing quote. */
function readQuoted(lines: readonly string[], index: number, rest: string, quote: string): Quoted {
  let value = '';
  let current = rest.slice(1);
  let lineIndex = index;
  for (;;) {
    let i = 0;
    for (; i < current.length; i++) {
      const c = current[i] ?? '';
      if (c === quote) break;
      if (quote === '"' && c === '\\' && i + 1 < current.length) {
        const next = current[++i] ?? '';
        value += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next;
        continue;
      }
      value += c;
    }
    if (i < current.length) {
      const after = current.slice(i + 1).trim();
      if (after && !after.startsWith('#')) return { ok: false, message: 'unexpected text after the closing quote', endIndex: lineIndex };
      return { ok: true, value, endIndex: lineIndex };
    }
    if (lineIndex + 1 >= lines.length) return { ok: false, message: 'the quoted value has no closing quote', endIndex: lineIndex };
    lineIndex++;
    value += '\n';
    current = lines[lineIndex] ?? '';
  }
}
