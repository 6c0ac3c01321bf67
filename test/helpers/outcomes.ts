/** Small builders for endpoint-client outcomes, shared by router and breaker tests. */
import type { ChatOutcome, FailureKind } from '../../src/fleet/types.ts';

export function ok(content = 'fine', latencyMs = 1): ChatOutcome {
  return { ok: true, content, finishReason: 'stop', latencyMs };
}

export function fail(kind: FailureKind, extra: { retryAfterMs?: number; status?: number } = {}): ChatOutcome {
  return { ok: false, failure: { kind, message: `simulated ${kind}`, ...extra }, latencyMs: 1 };
}
