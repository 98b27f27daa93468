import fc from 'fast-check';
import { pathFields } from './contract-examples.ts';

/**
 * Near misses of a valid input: one thing wrong at a time (a field removed, retyped, stretched,
 * poisoned or added), so a validator that only checks the outline lets them through to the core.
 * Plus arbitrary JSON and JavaScript values for good measure.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Keys that change behaviour when a parser or a spread meets them as own properties. */
const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Text that should never get through unchanged: NUL and other controls, bidi overrides, a lone surrogate, a BOM. */
const poison = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b[2J',
  '\u007f',
  '\n',
  '\r\n',
  '\t',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\u0085',
  '\u2028',
];

const hugeLengths = [257, 1_025, 4_097, 65_537, 1_000_001];

/** Numbers a form never sends. JSON carries NaN and the infinities as null; dispatch sees them as they are. */
const oddNumbers = [
  -1,
  0,
  -0,
  0.5,
  1e-9,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  2 ** 53 + 1,
  -(2 ** 31),
  2 ** 32,
];

function clone(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...paths(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  return [];
}

function containers(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  return [prefix, ...Object.entries(value).flatMap(([key, item]) => containers(item, [...prefix, key]))];
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** A copy with `path` set as an own property (so `__proto__` is data, as JSON.parse makes it), or removed. */
function edited(valid: unknown, path: Path, change: { set: unknown } | 'remove'): unknown {
  const copy = clone(valid);
  if (path.length === 0) return change === 'remove' ? undefined : change.set;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (change === 'remove') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    Object.defineProperty(parent, key, { value: change.set, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** `depth` arrays around `leaf`; fast-check reports it in a line (its own printer would overflow the stack). */
function nested(depth: number, leaf: unknown): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return Object.defineProperty(value as unknown[], fc.toStringMethod, {
    value: () => `${'['.repeat(3)}…${depth} nested arrays…${']'.repeat(3)}`,
  });
}

const hugeString = fc
  .tuple(fc.constantFrom(...hugeLengths), fc.constantFrom('a', '€', '\u0000', '../', '{"a":'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** A string near `text`: poisoned, padded, re-cased, or unrelated. */
function stringNear(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...poison), fc.nat(text.length)).map(([bad, index]) => text.slice(0, index) + bad + text.slice(index)),
    fc.constantFrom(
      text.toUpperCase(),
      `${text} `,
      ` ${text}`,
      `${text}x`,
      text.slice(0, -1),
      '',
      ' ',
      text.normalize('NFD'),
      `${text}\u0000`,
    ),
    hugeString,
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
}

/** File names and paths that try to leave the folder they were given, or land somewhere that matters. */
function pathNear(text: string, sandbox: { exportFolder: string; dataFolder: string }): fc.Arbitrary<string> {
  const { exportFolder, dataFolder } = sandbox;
  const name = text.split('/').at(-1) ?? 'x';
  return fc.constantFrom(
    `../../${name}`,
    `${exportFolder}/../${name}`,
    `${exportFolder}/./sub/../${name}`,
    `${exportFolder}/data-link/${name}`,
    `${exportFolder}/data-link/settings.json`,
    `${exportFolder}/existing.txt`,
    `${exportFolder}/`,
    `${exportFolder}/missing-folder/${name}`,
    `${dataFolder}/settings.json`,
    `${dataFolder}/vault.bin`,
    `${exportFolder}/${name}\u0000.txt`,
    `${exportFolder}/\u202egnp.${name}`,
    `${exportFolder}/sub\\..\\${name}`,
    `C:\\Windows\\${name}`,
    `\\\\server\\share\\${name}`,
    `file://${exportFolder}/${name}`,
    `~/${name}`,
    name,
    `${exportFolder}/${'n'.repeat(300)}`,
  );
}

function valueNear(
  value: unknown,
  key: string | number | undefined,
  sandbox: { exportFolder: string; dataFolder: string },
): fc.Arbitrary<unknown> {
  const anyOther = fc.oneof(
    fc.constantFrom<unknown>(null, true, false, '', [], {}, [[]], '0', 0),
    fc.constantFrom(...oddNumbers),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const deep = fc.constantFrom(10, 1_000, 3_000).map((depth) => nested(depth, value));
  if (typeof value === 'string') {
    const near = typeof key === 'string' && pathFields.has(key) ? fc.oneof(pathNear(value, sandbox), stringNear(value)) : stringNear(value);
    return fc.oneof({ arbitrary: near, weight: 4 }, { arbitrary: anyOther, weight: 1 }, { arbitrary: deep, weight: 1 });
  }
  if (typeof value === 'number') return fc.oneof(fc.constantFrom(...oddNumbers), fc.double(), anyOther);
  if (typeof value === 'boolean') return fc.oneof(fc.constantFrom<unknown>(String(value), value ? 1 : 0, null, [value]), anyOther);
  if (Array.isArray(value))
    return fc.oneof(
      fc.constantFrom<unknown>([], value[0], [...value, ...value, ...value]),
      fc.constant(Array.from({ length: 10_001 }, () => value[0])),
      deep,
      anyOther,
    );
  return fc.oneof(anyOther, deep, fc.constant(Object.values(value ?? {})));
}

/** Malformed inputs for one method, from its valid examples. */
export function malformedInputs(
  examples: readonly unknown[],
  sandbox: { exportFolder: string; dataFolder: string },
): fc.Arbitrary<unknown> {
  const nearMiss = fc.constantFrom(...examples).chain((valid) => {
    const leaves = paths(valid);
    const objects = containers(valid);
    const unknownKey = fc.oneof(
      fc.constantFrom(...prototypeKeys),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('a'.repeat(10_000), 'role\u0000', '\u001b]8;;https://evil.example\u0007x'),
    );
    const choices: fc.Arbitrary<unknown>[] = [
      fc
        .tuple(
          fc.constantFrom(...objects),
          unknownKey,
          fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom<unknown>({ polluted: true }, null)),
        )
        .map(([where, key, extra]) => edited(valid, [...where, key], { set: extra })),
    ];
    if (leaves.length) {
      choices.push(fc.constantFrom(...leaves).map((path) => edited(valid, path, 'remove')));
      choices.push(
        fc
          .constantFrom(...leaves)
          .chain((path) => valueNear(at(valid, path), path.at(-1), sandbox).map((bad) => edited(valid, path, { set: bad }))),
      );
    }
    return fc.oneof(...choices);
  });
  return fc.oneof(
    { arbitrary: nearMiss, weight: 8 },
    { arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true }), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  );
}
