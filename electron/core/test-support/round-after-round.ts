import { it } from 'vitest';

// Three rounds in every run; AZCRED_STRESS_ROUNDS=<n> runs the concurrent writers n rounds to hunt a rare lost write.
export const stressRounds = Number(process.env['AZCRED_STRESS_ROUNDS'] ?? 3);

/**
 * The `it` of a file's tests of several processes writing to one data folder at once: each test
 * gets a new folder from `newFolder` and repeats its writers `stressRounds` times, so its time
 * limit is `ms` and `perRoundMs` for each round.
 */
export function roundAfterRoundTests(
  newFolder: () => string,
  { ms, perRoundMs }: { ms: number; perRoundMs: number },
): (title: string, test: (folder: string) => Promise<void>) => void {
  return (title, test) => it(title, () => test(newFolder()), ms + stressRounds * perRoundMs);
}
