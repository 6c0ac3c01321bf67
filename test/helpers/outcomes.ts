/** Small builders for endpoint-client outcomes, shared by router and breaker tests. */
import type { ChatOutcome, Failure, FailureKind } from '../../src/fleet/types.ts';

export function ok(content = 'fine', latencyMs = 1): ChatOutcome {
  return { ok: true, content, finishReason: 'stop', latencyMs };
}

export function fail(
  kind: FailureKind,
  extra: Pick<Failure, 'retryAfterMs' | 'status' | 'refusal'> = {},
): ChatOutcome {
  return { ok: false, failure: { kind, message: `simulated ${kind}`, ...extra }, latencyMs: 1 };
}
