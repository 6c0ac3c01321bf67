/**
 * The run's counters (`metrics.json`): what the fleet did for this run and how often keel had to fall
 * back, degrade, retry or resume. Fed by the router's events plus a few explicit bumps from the engine;
 * saved beside every checkpoint and restored on resume, so a resumed run continues its counts instead
 * of starting from zero.
 */
import { z } from 'zod';
import type { RouterEvent } from '../fleet/router-types.ts';
import type { Usage } from '../fleet/types.ts';

const count = z.number().int().nonnegative();
const ms = z.number().finite().nonnegative();
const key = z.string().max(512);

export const runMetricsSchema = z.object({
  version: z.literal(1),
  /** Every attempt, by endpoint id, whatever its outcome. */
  attempts: z.record(key, count),
  /** Attempts that failed, by endpoint id. */
  failures: z.record(key, count),
  /** Latency of successful attempts, by endpoint id (failed attempts would mostly measure timeouts). */
  latency: z.record(key, z.object({ sumMs: ms, count })),
  /** Successful answers, and how many of them came from a fallback (a tier after the first). */
  answers: count,
  fallbacks: count,
  /** Degraded fallbacks used (template plan, manual-implementation issue, draft PR), by role. */
  degradations: z.record(key, count),
  /** Invalid model output retried on the same model. */
  qualityRetries: count,
  batches: count,
  /** Succeeded / total of the last coder batch; null before the first batch. */
  lastBatchSuccessRate: z.number().min(0).max(1).nullable(),
  breakerOpens: count,
  cooldowns: count,
  /** Endpoints disabled for the run (auth failures). */
  disabled: count,
  /** Waits for a slot or a cooldown, and their total length. */
  waits: count,
  waitedMs: ms,
  /** Recovery attempts: how many times this run was resumed. */
  resumes: count,
  /** Token counts where the server reported usage; `reported` answers did. */
  tokens: z.object({ in: count, out: count, reported: count }),
});

export type RunMetrics = z.infer<typeof runMetricsSchema>;

export function emptyMetrics(): RunMetrics {
  return {
    version: 1,
    attempts: {},
    failures: {},
    latency: {},
    answers: 0,
    fallbacks: 0,
    degradations: {},
    qualityRetries: 0,
    batches: 0,
    lastBatchSuccessRate: null,
    breakerOpens: 0,
    cooldowns: 0,
    disabled: 0,
    waits: 0,
    waitedMs: 0,
    resumes: 0,
    tokens: { in: 0, out: 0, reported: 0 },
  };
}

export class MetricsRecorder {
  #m: RunMetrics = emptyMetrics();

  /** Pass as (or call from) the router's `onEvent`. */
  onRouterEvent(event: RouterEvent): void {
    const m = this.#m;
    switch (event.type) {
      case 'attempt': {
        const { endpointId, outcome, latencyMs, tier } = event.attempt;
        bump(m.attempts, endpointId);
        if (outcome !== 'ok') {
          bump(m.failures, endpointId);
          return;
        }
        m.answers++;
        if (tier > 1) m.fallbacks++;
        const latency = (m.latency[endpointId] ??= { sumMs: 0, count: 0 });
        latency.sumMs += Math.max(0, latencyMs);
        latency.count++;
        return;
      }
      case 'breaker':
        if (event.to === 'open') m.breakerOpens++;
        return;
      case 'cooldown':
        m.cooldowns++;
        return;
      case 'disabled':
        m.disabled++;
        return;
      case 'wait':
        m.waits++;
        m.waitedMs += Math.max(0, event.ms);
        return;
    }
  }

  /** An agent fell back to its degraded output. */
  degraded(role: string): void {
    bump(this.#m.degradations, role);
  }

  qualityRetry(): void {
    this.#m.qualityRetries++;
  }

  /** A coder batch was decided with this success rate (0–1). */
  batch(rate: number): void {
    this.#m.batches++;
    this.#m.lastBatchSuccessRate = Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0;
  }

  resumed(): void {
    this.#m.resumes++;
  }

  /** A completion's usage, when the server reported it. */
  tokens(usage: Usage | undefined): void {
    if (usage?.promptTokens === undefined && usage?.completionTokens === undefined) return;
    this.#m.tokens.in += nonNegative(usage.promptTokens);
    this.#m.tokens.out += nonNegative(usage.completionTokens);
    this.#m.tokens.reported++;
  }

  /** A copy: the caller may keep it while counting goes on. */
  snapshot(): RunMetrics {
    return structuredClone(this.#m);
  }

  /**
   * Continues from saved counts (a resumed run). The input came from disk: invalid input is ignored and
   * the reason returned, counting starts from zero then.
   */
  restore(saved: unknown): { ok: true } | { ok: false; problem: string } {
    const parsed = runMetricsSchema.safeParse(saved);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
    }
    this.#m = structuredClone(parsed.data);
    return { ok: true };
  }
}

function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (Object.hasOwn(record, key) ? record[key]! : 0) + by;
}

function nonNegative(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
