/** Small statistics for the benchmark: nearest-rank quantiles, no interpolation. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    median: r4(quantile(sorted, 0.5)),
    p95: r4(quantile(sorted, 0.95)),
    mean: r4(sorted.length ? total / sorted.length : Number.NaN),
    min: r4(sorted[0] ?? Number.NaN),
    max: r4(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
