/**
 * What the router does after a failed attempt, beyond counting it (the breaker counts in
 * circuit-breaker.ts): cool the endpoint down, drop its sockets, disable it or the model for the run, keep
 * the candidate away from this request, hold a loading server, or learn from a refusal how to reshape the
 * request. The kind decides (`FAILURE_POLICY` in types.ts and the README's failure table).
 */
import type { Candidate } from '../config/schema.ts';
import type { FleetView, RequestShape } from './fleet-view.ts';
import type { RequestPlan } from './request-plan.ts';
import type { RouterEvent } from './router-types.ts';
import { FAILURE_POLICY, type EndpointClient, type Failure } from './types.ts';

export interface FailureContext {
  fleet: FleetView;
  client: Pick<EndpointClient, 'resetConnections'>;
  emit: (event: RouterEvent) => void;
}

/** The parts of a request's journey a failure changes. */
export interface FailurePass {
  shape: RequestShape & { excluded: Set<string> };
  /** A candidate to ask again at once, reshaped after its 4xx named what it would not take. */
  retrySame?: string;
  /** Candidates already asked again that way in this request: once each. */
  reshaped: Set<string>;
}

export function respondToFailure(
  context: FailureContext,
  pass: FailurePass,
  candidate: Candidate,
  failure: Failure,
  sent: RequestPlan,
): void {
  const { fleet, emit } = context;
  const endpointId = candidate.endpointId;
  const handling = FAILURE_POLICY[failure.kind];
  if (handling.resetsConnections) context.client.resetConnections(endpointId);
  if (handling.cools) {
    const entry = fleet.noteFailure(endpointId, failure.retryAfterMs);
    emit({ type: 'cooldown', endpointId, until: entry.until, strikes: entry.strikes });
  }
  const disable = (target: string, reason: string): void => {
    if (fleet.disable(target, reason)) emit({ type: 'disabled', target, reason });
  };
  switch (failure.kind) {
    case 'auth':
      disable(endpointId, failure.message);
      return;
    case 'quota':
      disable(endpointId, `out of quota (billing, retrying will not help): ${failure.message}`);
      return;
    case 'model_not_found':
      disable(candidate.key, failure.message);
      return;
    // Too big for this window, or stuck in this server's queue: another candidate, not this one again.
    case 'context_length':
    case 'timeout_queued':
      pass.shape.excluded.add(candidate.key);
      return;
    case 'loading':
      if (!fleet.isLoading(endpointId)) emit({ type: 'loading', endpointId, loading: true });
      fleet.noteLoading(endpointId);
      return;
    case 'client_error':
      refused(context, pass, candidate, failure, sent);
      return;
    default:
      return;
  }
}

/**
 * A 4xx from one candidate. When it named something keel can send differently (a response_format, the
 * output-length parameter, a limit above the model's cap), the same candidate is asked once more, so
 * reshaped; otherwise it is skipped for this request and for requests of its shape for the run. The
 * request stops only when every candidate refused (the router's choice loop).
 */
function refused(
  { fleet, emit }: FailureContext,
  pass: FailurePass,
  candidate: Candidate,
  failure: Failure,
  sent: RequestPlan,
): void {
  const key = candidate.key;
  const fact = failure.refusal ? fleet.learnFrom(candidate, failure.refusal, sent) : undefined;
  if (fact !== undefined) {
    const target = failure.refusal?.kind === 'response_format' ? candidate.endpointId : key;
    emit({ type: 'learned', target, fact });
    // Asked again at once, reshaped; a second refusal in the same request only skips it for this one
    // (what it refused can be reshaped: the next request will be).
    if (!pass.reshaped.has(key)) {
      pass.reshaped.add(key);
      pass.retrySame = key;
    } else {
      pass.shape.excluded.add(key);
    }
    return;
  }
  pass.shape.excluded.add(key);
  fleet.noteRefusal(key, pass.shape, failure.message, failure.status === 413);
  emit({ type: 'refused', key, shape: pass.shape.signature, reason: failure.message });
}
