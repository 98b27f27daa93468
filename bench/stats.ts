/** Median, p90 and spread of one set of samples. */
export interface Summary {
  median: number;
  p90: number;
  min: number;
  max: number;
  runs: number;
}

/** Nearest-rank percentile (p in 0..1) of samples that need not be sorted. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('No samples to summarise.');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    median: percentile(samples, 0.5),
    p90: percentile(samples, 0.9),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length,
  };
}

/** One measurement: returns what it measured (milliseconds, bytes, calls...). */
export type Measure = () => Promise<number>;

export interface PairedOptions {
  /** Rounds thrown away first (JIT, disk cache, connection pools). */
  warmup: number;
  runs: number;
}

/**
 * Measures a baseline and a subject side by side: each round runs both, in alternating order
 * (ABBA), so load from other processes and slow drift fall on both alike.
 */
export async function paired(
  baseline: Measure,
  subject: Measure,
  options: PairedOptions,
): Promise<{ baseline: Summary; subject: Summary }> {
  const base: number[] = [];
  const subj: number[] = [];
  for (let round = 0; round < options.warmup + options.runs; round++) {
    const keep = round >= options.warmup;
    const order: [Measure, number[]][] =
      round % 2 === 0
        ? [
            [baseline, base],
            [subject, subj],
          ]
        : [
            [subject, subj],
            [baseline, base],
          ];
    for (const [measure, into] of order) {
      const value = await measure();
      if (keep) into.push(value);
    }
  }
  return { baseline: summarize(base), subject: summarize(subj) };
}
