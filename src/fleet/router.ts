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
import { systemClock, type Clock } from '../base/clock.ts';
import type { EndpointConfig, KeelConfig, RoleName } from '../config/schema.ts';
import type { BreakerTransition } from './circuit-breaker.ts';
import { estimatePromptTokens } from './context-budget.ts';
import { createEndpointClient } from './endpoint-client.ts';
import { dropClockJumps, type ClockJump } from './clock-jumps.ts';
import { parseFleetState, type FleetState } from './fleet-state.ts';
import { FleetView, requestSignature } from './fleet-view.ts';
import { FleetHealthBook, probeHealth, scanCapabilities, type FetchLike, type ProbeDeps } from './probe.ts';
import { undiciFetch } from './probe-http.ts';
import { runProbeLoop } from './probe-loop.ts';
import {
  RouterError,
  type Attempt,
  type CompleteOptions,
  type Completion,
  type RouterDeps,
  type RouterEvent,
} from './router-types.ts';
import { respondToFailure } from './failure-response.ts';
import { ServerUpkeep } from './server-upkeep.ts';
import { Chooser, type Chosen, type RequestPass } from './chooser.ts';
import { firstTokenAllowance, queueWait } from './first-token.ts';
import { MachineLeases } from './machine-leases.ts';
import { openSharedSlots } from './slot-leases.ts';
import { NO_LEASE } from './shared-slots.ts';
import { ServerLoad } from './server-load.ts';
import { statusRows, type StatusRow } from './status.ts';
import type { ChatOutcome, ChatRequest, EndpointClient } from './types.ts';

export interface Router {
  complete(role: RoleName, request: ChatRequest, options?: CompleteOptions): Promise<Completion>;
  /** The failover status of every role's chain: CLOSED / MONITORING (n/5) / OPEN / HALF-OPEN / COOLDOWN … */
  status(): StatusRow[];
  /** Breaker, cooldown and probe state with wall-clock times, for the checkpoint and the fleet-state file. */
  exportState(): FleetState;
  readonly health: FleetHealthBook;
  /**
   * Probes every endpoint this runner can reach, once: health, and with `capabilities` also the models
   * and context windows. Results land in `health` (and in `exportState()`), where routing reads them.
   */
  probe(options?: { capabilities?: boolean; signal?: AbortSignal }): Promise<void>;
  /** Probes on the policy's intervals until `signal` aborts; an awaited loop, never fire-and-forget. */
  probeLoop(signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export function createRouter(config: KeelConfig, deps: RouterDeps = {}): Router {
  return new FleetRouter(config, deps);
}

class FleetRouter implements Router {
  readonly health: FleetHealthBook;
  readonly #env: Record<string, string | undefined>;
  readonly #fetch: FetchLike | undefined;
  readonly #fleet: FleetView;
  readonly #client: EndpointClient;
  readonly #ownsClient: boolean;
  readonly #clock: Clock;
  readonly #emit: (event: RouterEvent) => void;
  readonly #upkeep: ServerUpkeep;
  /** The shared slot leases and the unseen-send turn of `load: server` (`machine-leases.ts`). */
  readonly #leases: MachineLeases;
  readonly #chooser: Chooser;
  #closed = false;

  constructor(config: KeelConfig, deps: RouterDeps) {
    const env = deps.env ?? process.env;
    this.#env = env;
    this.#fetch = deps.fetch;
    this.#clock = deps.clock ?? systemClock;
    this.#emit = deps.onEvent ?? (() => undefined);
    this.health = deps.health ?? new FleetHealthBook({ staleAfterMs: config.policy.probe.staleAfterMs });
    this.#ownsClient = deps.client === undefined;
    this.#client =
      deps.client ?? createEndpointClient({ env, maxResponseBytes: config.policy.maxResponseBytes });
    const saved = restoredFleetState(deps.state, this.#clock.now(), config, (jump) =>
      this.#emit({ type: 'clock_jump', ...jump }),
    );
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
    this.#leases = new MachineLeases(this.#fleet);
    this.#upkeep = new ServerUpkeep({
      fleet: this.#fleet,
      health: this.health,
      clock: this.#clock,
      probeDeps: (signal) => this.#probeDeps(signal),
      emit: this.#emit,
      scanOnFirstUse: deps.scanOnFirstUse ?? true,
    });
    this.#chooser = new Chooser({
      fleet: this.#fleet,
      upkeep: this.#upkeep,
      leases: this.#leases,
      clock: this.#clock,
      emit: this.#emit,
    });
    this.#fleet.attach({
      shared: openSharedSlots(config, deps.slotsDir, {
        clock: this.#clock,
        onChange: () => this.#fleet.slots.notify(),
        env,
        connectTimeoutMs: config.policy.probe.timeoutMs,
      }),
    });
    if (config.endpoints.some((endpoint) => endpoint.load !== 'local')) {
      const serverLoad = new ServerLoad(config.endpoints, {
        clock: this.#clock,
        fetch: deps.fetch ?? undiciFetch,
        env,
        intervalMs: config.policy.probe.loadIntervalMs,
        timeoutMs: config.policy.probe.timeoutMs,
        scannedFlavor: (id) => this.health.latestScan(id)?.flavor,
        localInflight: (id) => this.#fleet.machineInflight(id),
        onChange: () => this.#fleet.slots.notify(),
      });
      this.#fleet.attach({ serverLoad });
    }
  }

  async complete(role: RoleName, request: ChatRequest, options: CompleteOptions = {}): Promise<Completion> {
    if (this.#closed) throw new Error('router is closed');
    const chain = this.#fleet.config.roles[role];
    if (!chain) throw new RouterError('unknown_role', role, [], 'no chain is configured for this role');
    const pass: RequestPass = {
      role,
      chain,
      request,
      options,
      shape: {
        promptTokens: estimatePromptTokens(request.messages),
        requestedMaxTokens: request.maxTokens,
        excluded: new Set(options.exclude),
        signature: requestSignature(role, request),
      },
      ticket: this.#fleet.slots.ticket(),
      attempts: [],
      waitedMs: 0,
      reshaped: new Set(),
      exactTokens: new Map(),
      counted: new Set(),
    };
    pass.shape.exactTokens = pass.exactTokens;
    try {
      while (pass.attempts.length < this.#fleet.config.policy.maxAttempts) {
        const chosen = await this.#chooser.choose(pass);
        const done = await this.#attempt(pass, chosen);
        if (done) return done;
      }
    } finally {
      this.#fleet.slots.leave(pass.ticket);
    }
    const max = this.#fleet.config.policy.maxAttempts;
    throw new RouterError('exhausted', role, pass.attempts, `gave up after ${max} attempts`);
  }

  /** One attempt on a chosen candidate (its slot already taken): the completion, or undefined to go on. */
  async #attempt(
    pass: RequestPass,
    { candidate, endpoint, tier, lease, unseen }: Chosen,
  ): Promise<Completion | undefined> {
    if (unseen) {
      // The next send of this machine waits until the server's count shows this one.
      const confirmed = this.#fleet.serverLoad?.confirmSend(endpoint.id, this.#clock.now());
      void (confirmed ?? Promise.resolve()).finally(() => unseen.release());
    }
    const { role, attempts, options } = pass;
    const fit = this.#fleet.maxTokensFor(candidate, pass.shape);
    const exact = pass.exactTokens.has(candidate.key);
    const plan = this.#fleet.planFor(candidate, pass.request, fit.ok ? fit.maxTokens : undefined, exact);
    const { maxTokens } = plan;
    const attemptNumber = attempts.length + 1;
    const wait = firstTokenAllowance(this.#fleet, endpoint, candidate.model);
    let result: ChatOutcome | 'rejected';
    try {
      result = await this.#fleet.breakers.get(candidate.key).run(async () =>
        queueWait(
          await this.#client.chat(endpoint, pass.request, {
            model: candidate.model,
            responseFormat: plan.responseFormat,
            tokenParam: plan.tokenParam,
            ...(maxTokens !== undefined ? { maxTokens } : {}),
            ...(wait.firstTokenMs !== undefined ? { firstTokenMs: wait.firstTokenMs } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.onDelta ? { onDelta: (text: string) => options.onDelta?.(text, attemptNumber) } : {}),
          }),
          wait.queuedBehind,
        ),
      );
    } finally {
      this.#fleet.slots.release(endpoint.id);
      if (lease !== NO_LEASE) await lease.release();
      if (unseen) await unseen.release(); // ended: not in the server's count any more either
      this.#fleet.serverLoad?.released(endpoint.id);
    }
    if (result === 'rejected') return undefined;

    const attempt: Attempt = {
      key: candidate.key,
      endpointId: endpoint.id,
      model: candidate.model,
      tier,
      outcome: result.ok ? 'ok' : result.failure.kind,
      latencyMs: result.latencyMs,
      ...(result.ok ? {} : { message: result.failure.message }),
      ...(!result.ok && result.failure.status !== undefined ? { status: result.failure.status } : {}),
    };
    attempts.push(attempt);
    this.#emit({ type: 'attempt', role, attempt });

    if (result.ok) {
      this.#fleet.noteSuccess(endpoint.id);
      this.#fleet.noteServed(endpoint.id, candidate.model);
      return {
        content: result.content,
        key: candidate.key,
        endpointId: endpoint.id,
        model: candidate.model,
        attempts,
        finishReason: result.finishReason,
        ...(result.reasoning !== undefined ? { reasoning: result.reasoning } : {}),
        ...(result.toolCalls !== undefined ? { toolCalls: result.toolCalls } : {}),
        ...(result.usage ? { usage: result.usage } : {}),
        ...(maxTokens !== undefined ? { maxTokens } : {}),
        waitedMs: pass.waitedMs,
      };
    }

    const { failure } = result;
    if (failure.kind === 'aborted') throw new RouterError('aborted', role, attempts, 'cancelled');
    respondToFailure(
      { fleet: this.#fleet, client: this.#client, emit: this.#emit },
      pass,
      candidate,
      failure,
      plan,
    );
    return undefined;
  }

  status(): StatusRow[] {
    return statusRows(this.#fleet);
  }

  exportState(): FleetState {
    const now = this.#clock.now();
    return {
      version: 1,
      savedAt: now,
      breakers: this.#fleet.breakers.snapshot(),
      cooldowns: this.#fleet.cooldownsToSave(now),
      health: this.health.snapshot(),
      learned: this.#fleet.learned.snapshot(),
    };
  }

  async probe(options: { capabilities?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    const deps = this.#probeDeps(options.signal);
    await Promise.all(
      this.#reachableEndpoints().map(async (endpoint) => {
        const [health, scan] = await Promise.all([
          probeHealth(endpoint, deps),
          options.capabilities ? scanCapabilities(endpoint, deps) : undefined,
        ]);
        this.health.record(health);
        if (scan) this.health.recordScan(scan);
      }),
    );
    this.#fleet.slots.notify();
  }

  async probeLoop(signal: AbortSignal): Promise<void> {
    const { policy } = this.#fleet.config;
    await runProbeLoop(this.#reachableEndpoints(), this.health, {
      ...this.#probeDeps(signal),
      clock: this.#clock,
      intervals: policy.probe,
      signal,
    });
  }

  #reachableEndpoints(): EndpointConfig[] {
    return this.#fleet.config.endpoints.filter((endpoint) => !this.#fleet.unreachable(endpoint));
  }

  #probeDeps(signal: AbortSignal | undefined): ProbeDeps {
    return {
      clock: this.#clock,
      env: this.#env,
      timeoutMs: this.#fleet.config.policy.probe.timeoutMs,
      ...(this.#fetch ? { fetch: this.#fetch } : {}),
      ...(signal ? { signal } : {}),
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#fleet.breakers.close();
    await this.#fleet.shared?.close();
    this.#fleet.serverLoad?.close();
    this.#fleet.slots.notify();
    if (this.#ownsClient) await this.#client.close();
  }
}

/** The saved fleet state, valid, with the ends a clock jump put too far ahead dropped (`clock-jumps.ts`). */
function restoredFleetState(
  input: unknown,
  now: number,
  config: KeelConfig,
  onJump: (jump: ClockJump) => void,
): FleetState | undefined {
  const saved = parseFleetState(input).state;
  if (saved === undefined) return undefined;
  const { state, jumps } = dropClockJumps(saved, now, config.policy);
  for (const jump of jumps) onJump(jump);
  return state;
}
