/** Latency bookkeeping for the benchmarks. */

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  durationMs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** `percentile` of values in any order (they are not reordered). */
export function percentileOf(values: readonly number[], p: number): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    p,
  );
}

export function summarize(latencies: number[], durationMs: number): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: latencies.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    requestsPerSecond: round((latencies.length / durationMs) * 1000),
    durationMs: round(durationMs),
  };
}

/**
 * Runs `total` calls of `task`, at most `concurrency` at a time, and returns each call's latency.
 * `onDone` sees the number of completed calls (the saturation scenario switches a fault on mid-run).
 */
export async function runPool(
  total: number,
  concurrency: number,
  task: (index: number) => Promise<unknown>,
  onDone?: (completed: number) => void | Promise<void>,
): Promise<{ latencies: number[]; durationMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  let completed = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      const t0 = performance.now();
      await task(index);
      latencies.push(performance.now() - t0);
      completed++;
      await onDone?.(completed);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { latencies, durationMs: performance.now() - started };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function emit(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}
