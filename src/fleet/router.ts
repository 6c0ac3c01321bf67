/**
 * The router: sends each request of a role to the best candidate of its chain and keeps answering while
 * endpoints die, hang, throttle or lie.
 *
 * - Immediate failover: a retryable failure moves to the next candidate at once; the router sleeps only
 *   when nothing else is left (waiting for the earliest cooldown, bounded by `maxWaitMs`).
 * - `maxParallel` is a hard cap, held until a response or stream has ended; a saturated tier is waited for
 *   (bounded), or spilled over when `spillover` allows.
 * - A stalled or cut stream is abandoned and the request starts from scratch on the next candidate: an
 *   answer is returned whole or not at all.
 * - Breakers (opossum, per endpoint+model) and cooldowns (per endpoint) are exported with wall-clock times
 *   and restored by the next run.
 */
import { systemClock, type Clock } from '../clock.ts';
import type { KeelConfig, RoleName } from '../config/schema.ts';
import type { BreakerTransition } from './circuit-breaker.ts';
import { estimatePromptTokens } from './context-budget.ts';
import { createEndpointClient } from './endpoint-client.ts';
import { parseFleetState, type FleetState } from './fleet-state.ts';
import { FleetView, type RequestShape } from './fleet-view.ts';
import { FleetHealthBook } from './probe.ts';
import {
  RouterError,
  type Attempt,
  type CompleteOptions,
  type Completion,
  type HealthView,
  type RouterDeps,
  type RouterEvent,
} from './router-types.ts';
import { selectCandidate } from './selection.ts';
import { statusRows, type StatusRow } from './status.ts';
import { FAILURE_POLICY, type ChatOutcome, type ChatRequest, type EndpointClient } from './types.ts';

export interface Router {
  complete(role: RoleName, request: ChatRequest, options?: CompleteOptions): Promise<Completion>;
  /** The failover status of every role's chain: CLOSED / MONITORING (n/5) / OPEN / HALF-OPEN / COOLDOWN … */
  status(): StatusRow[];
  /** Breaker, cooldown and probe state with wall-clock times, for the checkpoint and the fleet-state file. */
  exportState(): FleetState;
  readonly health: HealthView;
  close(): Promise<void>;
}

export function createRouter(config: KeelConfig, deps: RouterDeps = {}): Router {
  return new FleetRouter(config, deps);
}

class FleetRouter implements Router {
  readonly health: HealthView;
  readonly #fleet: FleetView;
  readonly #client: EndpointClient;
  readonly #ownsClient: boolean;
  readonly #clock: Clock;
  readonly #emit: (event: RouterEvent) => void;
  #closed = false;

  constructor(config: KeelConfig, deps: RouterDeps) {
    const env = deps.env ?? process.env;
    this.#clock = deps.clock ?? systemClock;
    this.#emit = deps.onEvent ?? (() => undefined);
    this.health = deps.health ?? new FleetHealthBook({ staleAfterMs: config.policy.probe.staleAfterMs });
    this.#ownsClient = deps.client === undefined;
    this.#client =
      deps.client ?? createEndpointClient({ env, maxResponseBytes: config.policy.maxResponseBytes });
    const saved = parseFleetState(deps.state).state;
    const onTransition = (t: BreakerTransition): void => {
      this.#emit({ type: 'breaker', ...t });
      // A breaker that half-opens may be what a waiting request is waiting for.
      if (t.to !== 'open') this.#fleet.slots.notify();
    };
    this.#fleet = new FleetView(
      config,
      this.#clock,
      this.health,
      env.RUNNER_ENVIRONMENT,
      onTransition,
      saved,
    );
  }

  async complete(role: RoleName, request: ChatRequest, options: CompleteOptions = {}): Promise<Completion> {
    if (this.#closed) throw new Error('router is closed');
    const chain = this.#fleet.config.roles[role];
    if (!chain) throw new RouterError('unknown_role', role, [], 'no chain is configured for this role');
    const { policy } = this.#fleet.config;
    const shape: RequestShape & { excluded: Set<string> } = {
      promptTokens: estimatePromptTokens(request.messages),
      requestedMaxTokens: request.maxTokens,
      excluded: new Set(options.exclude),
    };
    const attempts: Attempt[] = [];
    let waitedMs = 0;

    while (attempts.length < policy.maxAttempts) {
      if (options.signal?.aborted) throw new RouterError('aborted', role, attempts, 'cancelled');
      const selection = selectCandidate(this.#fleet.views(chain, shape), {
        // After waiting `maxWaitMs` for the preferred tier, any later tier with a free slot may serve.
        spillover: policy.spillover || waitedMs >= policy.maxWaitMs,
        preferLocal: this.#fleet.selfHosted,
        ...(options.prefer !== undefined ? { prefer: options.prefer } : {}),
      });

      if (selection.kind === 'exhausted') {
        throw new RouterError('exhausted', role, attempts, 'every candidate failed or is unavailable');
      }
      if (selection.kind === 'saturated' || selection.kind === 'cooling') {
        const budget = policy.maxWaitMs - waitedMs;
        const ms = selection.kind === 'cooling' ? selection.until - this.#clock.now() : budget;
        if (budget <= 0 || ms > budget) {
          const detail =
            selection.kind === 'saturated'
              ? `every candidate stayed saturated for ${policy.maxWaitMs} ms`
              : 'every candidate is cooling down beyond maxWaitMs';
          throw new RouterError(
            selection.kind === 'saturated' ? 'saturated' : 'exhausted',
            role,
            attempts,
            detail,
          );
        }
        this.#emit({ type: 'wait', role, reason: selection.kind, ms });
        const waitStart = this.#clock.now();
        try {
          await this.#fleet.slots.waitForChange(Math.max(0, ms), this.#clock, options.signal);
        } catch {
          throw new RouterError('aborted', role, attempts, 'cancelled while waiting');
        }
        waitedMs += this.#clock.now() - waitStart;
        continue;
      }

      const candidate = chain[selection.candidate.tier]![selection.candidate.order]!;
      const endpoint = this.#fleet.endpoint(candidate.endpointId);
      const fit = this.#fleet.maxTokensFor(candidate, shape);
      const maxTokens = fit.ok ? fit.maxTokens : undefined;
      if (!this.#fleet.slots.tryAcquire(endpoint.id, endpoint.maxParallel)) continue;
      const attemptNumber = attempts.length + 1;
      let result: ChatOutcome | 'rejected';
      try {
        result = await this.#fleet.breakers.get(candidate.key).run(() =>
          this.#client.chat(endpoint, request, {
            model: candidate.model,
            ...(maxTokens !== undefined ? { maxTokens } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.onDelta ? { onDelta: (text: string) => options.onDelta?.(text, attemptNumber) } : {}),
          }),
        );
      } finally {
        this.#fleet.slots.release(endpoint.id);
      }
      if (result === 'rejected') continue;

      const attempt: Attempt = {
        key: candidate.key,
        endpointId: endpoint.id,
        model: candidate.model,
        tier: selection.candidate.tier + 1,
        outcome: result.ok ? 'ok' : result.failure.kind,
        latencyMs: result.latencyMs,
        ...(result.ok ? {} : { message: result.failure.message }),
        ...(!result.ok && result.failure.status !== undefined ? { status: result.failure.status } : {}),
      };
      attempts.push(attempt);
      this.#emit({ type: 'attempt', role, attempt });

      if (result.ok) {
        this.#fleet.noteSuccess(endpoint.id);
        return {
          content: result.content,
          key: candidate.key,
          endpointId: endpoint.id,
          model: candidate.model,
          attempts,
          finishReason: result.finishReason,
          ...(result.usage ? { usage: result.usage } : {}),
          ...(maxTokens !== undefined ? { maxTokens } : {}),
          waitedMs,
        };
      }

      const { failure } = result;
      const handling = FAILURE_POLICY[failure.kind];
      if (failure.kind === 'aborted') throw new RouterError('aborted', role, attempts, 'cancelled');
      if (handling.resetsConnections) this.#client.resetConnections(endpoint.id);
      if (handling.cools) {
        const entry = this.#fleet.noteFailure(endpoint.id, failure.retryAfterMs);
        this.#emit({ type: 'cooldown', endpointId: endpoint.id, until: entry.until, strikes: entry.strikes });
      }
      if (failure.kind === 'auth') this.#disable(endpoint.id, failure.message);
      if (failure.kind === 'model_not_found') this.#disable(candidate.key, failure.message);
      if (failure.kind === 'context_length') shape.excluded.add(candidate.key);
      if (!handling.failover) {
        throw new RouterError('not_retryable', role, attempts, `${candidate.key} refused the request`);
      }
    }
    throw new RouterError('exhausted', role, attempts, `gave up after ${policy.maxAttempts} attempts`);
  }

  status(): StatusRow[] {
    return statusRows(this.#fleet);
  }

  exportState(): FleetState {
    const now = this.#clock.now();
    const cooldowns: FleetState['cooldowns'] = {};
    for (const [endpointId, entry] of this.#fleet.cooldowns) {
      if (entry.until > now || entry.strikes > 0) cooldowns[endpointId] = { ...entry };
    }
    return {
      version: 1,
      savedAt: now,
      breakers: this.#fleet.breakers.snapshot(),
      cooldowns,
      health: this.health.snapshot(),
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#fleet.breakers.close();
    this.#fleet.slots.notify();
    if (this.#ownsClient) await this.#client.close();
  }

  #disable(target: string, reason: string): void {
    if (this.#fleet.disabled.has(target)) return;
    this.#fleet.disabled.set(target, reason);
    this.#emit({ type: 'disabled', target, reason });
  }
}
