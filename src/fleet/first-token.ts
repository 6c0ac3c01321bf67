/**
 * The first-token deadline of one attempt, allowing for what the server does before it answers: loading
 * a cold model, and serving requests queued ahead of this one.
 */
import type { EndpointConfig } from '../config/schema.ts';
import type { FleetView } from './fleet-view.ts';
import type { ChatOutcome } from './types.ts';

/**
 * Ollama unloads a model idle this long (`OLLAMA_KEEP_ALIVE`, default 5m: envconfig/config.go, ollama
 * fb30760): a model found loaded, or that answered, longer ago than that may have to be loaded again.
 */
export const OLLAMA_KEEP_ALIVE_MS = 5 * 60_000;

/**
 * Whether the model may have to be loaded before its first token: the last scan did not find it loaded
 * (Ollama `/api/ps`, LM Studio, llama.cpp router mode) and it has not answered since — or, at an Ollama,
 * neither the scan nor an answer is more recent than its keep-alive. Unknown (no scan, or a server that
 * does not say what is loaded): not cold.
 */
function mayBeCold(fleet: FleetView, endpoint: EndpointConfig, model: string, ollama: boolean): boolean {
  const scan = fleet.health.latestScan(endpoint.id);
  const loaded = scan?.loadedModels;
  if (scan === undefined || loaded === undefined) return false;
  const now = fleet.clock.now();
  const keepAlive = ollama ? OLLAMA_KEEP_ALIVE_MS : Infinity;
  const served = fleet.lastServed(endpoint.id, model);
  if (served !== undefined && now - served < keepAlive) return false;
  const foundLoaded = loaded.includes(model) || loaded.includes(`${model}:latest`);
  return !foundLoaded || now - scan.checkedAt >= keepAlive;
}

/**
 * How long an attempt may wait for its first token. A model that may have to be loaded first
 * (`mayBeCold`) gets `timeouts.loadMs` more. At an Ollama, requests of ours already in flight go first (it
 * serves one at a time by default and queues the rest): a first-token deadline more for each, and a
 * timeout there is queue wait (`queuedBehind`). Never beyond `totalMs`. Call with this attempt's slot taken.
 */
export function firstTokenAllowance(
  fleet: FleetView,
  endpoint: EndpointConfig,
  model: string,
): { firstTokenMs?: number; queuedBehind: number } {
  const { firstTokenMs, loadMs, totalMs } = endpoint.timeouts;
  const ollama = fleet.flavorOf(endpoint) === 'ollama';
  const cold = mayBeCold(fleet, endpoint, model, ollama);
  const queuedBehind = ollama
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
