/**
 * The partial-success rule: a coder batch in which at least `minSuccessRate` of the subtasks
 * succeeded is kept — its commits stay, every failed subtask becomes an issue, the run goes on. Below the
 * rate the batch is discarded and tried again, a bounded number of times; after that the run stops with a
 * recovery record — unless the failures are all degradations (no coder model answered at all), in which
 * case the run finishes degraded with a manual-implementation issue per subtask instead of failing.
 */
export interface BatchTally {
  succeeded: number;
  /** Subtasks whose coder produced no usable change (invalid answers, edits refused, nothing to commit). */
  failed: number;
  /** Subtasks for which no coder model answered at all. */
  degraded: number;
}

export type BatchDecision =
  | { decision: 'accepted'; rate: number }
  | { decision: 'retry'; rate: number }
  | { decision: 'degraded'; rate: number }
  | { decision: 'give-up'; rate: number };

export interface BatchRule {
  minSuccessRate: number;
  /** Discards allowed before giving up: attempt `maxBatchRetries + 1` is the last. */
  maxBatchRetries: number;
}

export function successRate(tally: BatchTally): number {
  const total = tally.succeeded + tally.failed + tally.degraded;
  return total === 0 ? 1 : tally.succeeded / total;
}

export function decideBatch(tally: BatchTally, attempt: number, rule: BatchRule): BatchDecision {
  const rate = successRate(tally);
  if (rate >= rule.minSuccessRate) return { decision: 'accepted', rate };
  if (attempt <= rule.maxBatchRetries) return { decision: 'retry', rate };
  if (tally.failed === 0) return { decision: 'degraded', rate };
  return { decision: 'give-up', rate };
}
