import { describe, expect } from 'vitest';
import { builtInClouds, type CloudProfileView } from '../../shared/clouds.ts';
import type { Result } from '../../shared/result.ts';
import type { Settings } from '../../shared/settings.ts';
import { callsInChild, valueOf, type ChildCall } from './accounts/test-support/calls-in-child.ts';
import { foldersForThisFile } from './test-support/folder-per-test.ts';
import { roundAfterRoundTests, stressRounds } from './test-support/round-after-round.ts';

// Real second processes changing one data folder at once, as two browser-mode hosts or the app
// and the CLI do: each is `node accounts-child.ts`, calling the core through `dispatch`.
const newFolder = foldersForThisFile('azcred-metadata-it-');
const itRoundAfterRound = roundAfterRoundTests(newFolder, { ms: 60_000, perRoundMs: 20_000 });
const inChild = async (dataFolder: string, calls: ChildCall[]) => (await callsInChild(dataFolder, calls, { timeoutMs: 60_000 })).results;

/** The key each writer owns, and the first of its values (all within the schema's limits). */
const owned = [
  ['clipboardClearSeconds', 10],
  ['revealSeconds', 10],
  ['expiryWarningMinutes', 10],
] as const satisfies readonly (readonly [keyof Settings, number])[];
const updatesPerRound = 25;

const customCloud = (name: string) => ({ ...builtInClouds[0], name, displayName: `Test cloud ${name}` });

describe('settings and cloud profiles changed by several processes at once', () => {
  itRoundAfterRound('loses no settings update: each writer finds its own key as it left it, round after round', async (folder) => {
    let updates = 0;
    let lost = 0;
    for (let round = 0; round < stressRounds; round++) {
      // Each writer sets its own key again and again, reading the settings before each update: its
      // key must still hold what it wrote last, whatever the others wrote to theirs meanwhile.
      const valueAt = (i: number) => owned[0][1] + round * updatesPerRound + i;
      const outputs = await Promise.all(
        owned.map(([key]) =>
          inChild(
            folder,
            Array.from({ length: updatesPerRound }, (_, i) => [
              { method: 'settings.get' },
              { method: 'settings.update', input: { [key]: valueAt(i) } },
            ]).flat(),
          ),
        ),
      );
      const [final] = await inChild(folder, [{ method: 'settings.get' }]);
      owned.forEach(([key], w) => {
        const results = outputs[w] ?? [];
        expect(results.filter((r) => !r.ok)).toEqual([]);
        for (let i = 0; i < updatesPerRound; i++) {
          updates++;
          const seenNext = i + 1 < updatesPerRound ? valueOf<Settings>(results[2 * (i + 1)])[key] : valueOf<Settings>(final)[key];
          if (seenNext !== valueAt(i)) lost++;
        }
      });
    }
    expect({ updates, lost }).toEqual({ updates: owned.length * updatesPerRound * stressRounds, lost: 0 });
  });

  itRoundAfterRound('loses no cloud import and brings no removed profile back, round after round', async (folder) => {
    const writers = 3;
    const importsPerWriter = 12;
    const kept: string[] = [];
    const removed: string[] = [];
    const found = { imports: 0, lostImports: [] as string[], cameBack: [] as string[], failedCalls: [] as Result<unknown>[] };
    for (let round = 0; round < stressRounds; round++) {
      const jobs = Array.from({ length: writers }, (_, w) => {
        const names = Array.from({ length: importsPerWriter }, (_, i) => `R${round}w${w}p${i}`);
        // Every other profile is removed again by the writer that imported it, after its next import.
        const calls = names.flatMap((name, i) => [
          { method: 'clouds.import', input: { text: JSON.stringify(customCloud(name)) } },
          ...(i % 2 === 1 ? [{ method: 'clouds.remove', input: { name: names[i - 1] } }] : []),
        ]);
        names.forEach((name, i) => (i % 2 === 0 ? removed : kept).push(name));
        return inChild(folder, calls);
      });
      const outputs = await Promise.all(jobs);
      // A lost import also shows as its removal failing with not_found.
      found.failedCalls.push(...outputs.flat().filter((r) => !r.ok));
      const [listed] = await inChild(folder, [{ method: 'clouds.list' }]);
      const names = new Set(valueOf<CloudProfileView[]>(listed).map((c) => c.name));
      found.imports = kept.length + removed.length;
      found.lostImports = kept.filter((name) => !names.has(name));
      found.cameBack = removed.filter((name) => names.has(name));
    }
    expect(found).toEqual({ imports: writers * importsPerWriter * stressRounds, lostImports: [], cameBack: [], failedCalls: [] });
  });
});
