import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Rule } from 'eslint';
import ts from 'typescript';

/**
 * An ESLint rule: an import must not close a circle, two files importing each other or a longer
 * loop (HOUSE-STYLE.md, "In this project" 9). Written here rather than taken from
 * eslint-plugin-import-x, whose no-cycle needs a resolver and a dependency for a short rule.
 * Only relative imports count (packages cannot import the app back); `import type` and `import()`
 * count too, since a circle of types is still a design knot. What each file imports is read with
 * TypeScript's preProcessFile (no type-checking, comments ignored) and kept while its mtime holds.
 */

const importsCache = new Map<string, { mtimeMs: number; imports: string[] }>();
const candidates = ['', '.ts', '.tsx', '.js', '/index.ts'];

/** The file a relative specifier names, or null when it names none (a build output, a folder). */
function resolveImport(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const ending of candidates) {
    try {
      if (statSync(base + ending).isFile()) return base + ending;
    } catch {
      // not this candidate
    }
  }
  return null;
}

/** The files `file` imports by relative specifier, from the disk (cached by mtime). */
function importsOf(file: string): string[] {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const cached = importsCache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.imports;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const imports = importedFiles
    .map((ref) => ref.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolveImport(file, specifier))
    .filter((target): target is string => target !== null);
  importsCache.set(file, { mtimeMs, imports });
  return imports;
}

/** A chain of imports from `start` back to `goal`, or null when none leads there. */
function pathBack(start: string, goal: string): string[] | null {
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const next of importsOf(file)) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      if (next === goal) {
        const chain = [goal];
        for (let at = cameFrom.get(goal); at; at = cameFrom.get(at)) chain.unshift(at);
        return chain;
      }
      queue.push(next);
    }
  }
  return null;
}

export const noImportCycle: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports that close a circle of files importing each other.' },
    schema: [],
    messages: {
      cycle: 'This import closes a circle: {{chain}}. Move what both sides need into a lower module, or pass it in as an interface.',
    },
  },
  create(context) {
    const file = context.physicalFilename;
    const root = context.cwd;
    function check(node: Rule.Node): void {
      const source = 'source' in node ? node.source : null;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = resolveImport(file, source.value);
      if (!target) return;
      const chain = target === file ? [file] : pathBack(target, file);
      if (!chain) return;
      const names = [file, ...chain].map((f) => path.relative(root, f));
      context.report({ node: source, messageId: 'cycle', data: { chain: names.join(' → ') } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

/** The plugin eslint.config.js registers as `local`. */
export default { rules: { 'no-import-cycle': noImportCycle } };
