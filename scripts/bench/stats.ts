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

export interface PairedRatio {
  /** Geometric mean of a[i] / b[i]: loads taken in turns, so slow spells of the machine fall on both. */
  ratio: number;
  /** About 95% of such runs would give a ratio between these (mean of the logs ± 1.96 standard errors). */
  low: number;
  high: number;
  n: number;
}

export function pairedRatio(a: readonly number[], b: readonly number[]): PairedRatio {
  const logs: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x !== undefined && y !== undefined && x > 0 && y > 0) logs.push(Math.log(x / y));
  }
  const n = logs.length;
  const mean = n ? logs.reduce((s, v) => s + v, 0) / n : Number.NaN;
  const sd = n > 1 ? Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : Number.NaN;
  const half = 1.96 * (sd / Math.sqrt(n));
  return { ratio: r4(Math.exp(mean)), low: r4(Math.exp(mean - half)), high: r4(Math.exp(mean + half)), n };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
