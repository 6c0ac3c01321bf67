/**
 * The first-token deadline of one attempt, allowing for what the server does before it answers: loading
 * a cold model, and serving requests queued ahead of this one.
 */
import type { EndpointConfig } from '../config/schema.ts';
import type { FleetView } from './fleet-view.ts';
import type { ChatOutcome } from './types.ts';

/**
 * How long an attempt may wait for its first token. A model the last scan did not find loaded (Ollama
 * `/api/ps`, LM Studio, llama.cpp router mode) must be loaded first: `timeouts.loadMs` more. At an
 * Ollama, requests of ours already in flight go first (it serves one at a time by default and queues
 * the rest): a first-token deadline more for each, and a timeout there is queue wait (`queuedBehind`).
 * Never beyond `totalMs`. Call with this attempt's slot taken.
 */
export function firstTokenAllowance(
  fleet: FleetView,
  endpoint: EndpointConfig,
  model: string,
): { firstTokenMs?: number; queuedBehind: number } {
  const { firstTokenMs, loadMs, totalMs } = endpoint.timeouts;
  const scan = fleet.health.latestScan(endpoint.id);
  const loaded = scan?.loadedModels;
  const cold = loaded !== undefined && !loaded.includes(model) && !loaded.includes(`${model}:latest`);
  const flavor = endpoint.flavor !== 'auto' ? endpoint.flavor : scan?.flavor;
  const queuedBehind =
    flavor === 'ollama'
      ? Math.max(0, fleet.slots.inflight(endpoint.id) - 1) + (fleet.shared?.othersInflight(endpoint.id) ?? 0)
      : 0;
  const allowed = Math.min(totalMs, firstTokenMs + (cold ? loadMs : 0) + queuedBehind * firstTokenMs);
  return allowed !== firstTokenMs ? { firstTokenMs: allowed, queuedBehind } : { queuedBehind };
}

/** A first-token timeout behind requests of ours at a one-at-a-time server is queue wait, not a fault. */
export function queueWait(outcome: ChatOutcome, queuedBehind: number): ChatOutcome {
  if (outcome.ok || outcome.failure.kind !== 'timeout_first_token' || queuedBehind === 0) return outcome;
  const message = `${outcome.failure.message} (queued behind ${queuedBehind} request(s) at the server)`;
  return { ...outcome, failure: { ...outcome.failure, kind: 'timeout_queued', message } };
}
