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
import type { Candidate, EndpointConfig, KeelConfig, RoleName } from '../config/schema.ts';
import type { BreakerTransition } from './circuit-breaker.ts';
import { estimatePromptTokens } from './context-budget.ts';
import { createEndpointClient } from './endpoint-client.ts';
import { parseFleetState, type FleetState } from './fleet-state.ts';
import { FleetView, requestSignature } from './fleet-view.ts';
import { FleetHealthBook, probeHealth, scanCapabilities, type FetchLike, type ProbeDeps } from './probe.ts';
import { runProbeLoop } from './probe-loop.ts';
import {
  RouterError,
  type Attempt,
  type CompleteOptions,
  type Completion,
  type RouterDeps,
  type RouterEvent,
} from './router-types.ts';
import { respondToFailure, type FailurePass } from './failure-response.ts';
import { ServerUpkeep, type UpkeepPass } from './server-upkeep.ts';
import { selectCandidate, type Selection } from './selection.ts';
import { NO_LEASE, type Lease } from './shared-slots.ts';
import { openSharedSlots } from './slot-leases.ts';
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

/** One request's journey through the chain. */
interface RequestPass extends FailurePass, UpkeepPass {
  role: RoleName;
  options: CompleteOptions;
  /** Arrival order, for the fair queue of slots. */
  ticket: number;
  attempts: Attempt[];
  waitedMs: number;
}

interface Chosen {
  candidate: Candidate;
  endpoint: EndpointConfig;
  tier: number;
  /** The slot lease shared with other keel processes (`shared-slots.ts`), released with the local slot. */
  lease: Lease;
  /** `load: server`: the machine's unseen-send token, held until a reading shows the request. */
  unseen?: Lease;
}

/** How often a request waiting for leases held by other processes looks again, watch or no watch. */
const SHARED_POLL_MS = 250;

/** A first-token timeout behind requests of ours at a one-at-a-time server is queue wait, not a fault. */
function queueWait(outcome: ChatOutcome, queuedBehind: number): ChatOutcome {
  if (outcome.ok || outcome.failure.kind !== 'timeout_first_token' || queuedBehind === 0) return outcome;
  const message = `${outcome.failure.message} (queued behind ${queuedBehind} request(s) at the server)`;
  return { ...outcome, failure: { ...outcome.failure, kind: 'timeout_queued', message } };
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
  /** `load: server` without shared slots: endpoints where this router's unseen send is out. */
  readonly #unseenHere = new Set<string>();
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
    this.#upkeep = new ServerUpkeep({
      fleet: this.#fleet,
      health: this.health,
      clock: this.#clock,
      probeDeps: (signal) => this.#probeDeps(signal),
      emit: this.#emit,
      scanOnFirstUse: deps.scanOnFirstUse ?? true,
    });
    this.#fleet.shared = openSharedSlots(config, deps.slotsDir, {
      clock: this.#clock,
      onChange: () => this.#fleet.slots.notify(),
      env,
      connectTimeoutMs: config.policy.probe.timeoutMs,
    });
    if (config.endpoints.some((endpoint) => endpoint.load !== 'local')) {
      this.#fleet.serverLoad = new ServerLoad(config.endpoints, {
        clock: this.#clock,
        fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        env,
        intervalMs: config.policy.probe.loadIntervalMs,
        timeoutMs: config.policy.probe.timeoutMs,
        scannedFlavor: (id) => this.health.latestScan(id)?.flavor,
        localInflight: (id) => this.#fleet.machineInflight(id),
        onChange: () => this.#fleet.slots.notify(),
      });
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
        const chosen = await this.#choose(pass);
        const done = await this.#attempt(pass, chosen);
        if (done) return done;
      }
    } finally {
      this.#fleet.slots.leave(pass.ticket);
    }
    const max = this.#fleet.config.policy.maxAttempts;
    throw new RouterError('exhausted', role, pass.attempts, `gave up after ${max} attempts`);
  }

  /** Picks a candidate and takes a slot there, waiting (bounded) for a slot or a cooldown when needed. */
  async #choose(pass: RequestPass): Promise<Chosen> {
    const { role } = pass;
    // One `wait` event per stretch of waiting for one reason, with how long it lasted: a wait is woken
    // by every change in the fleet (and, with shared slots, looks again every SHARED_POLL_MS).
    let stretch: { reason: 'saturated' | 'cooling'; since: number } | undefined;
    const endStretch = (): void => {
      if (stretch)
        this.#emit({ type: 'wait', role, reason: stretch.reason, ms: this.#clock.now() - stretch.since });
      stretch = undefined;
    };
    try {
      return await this.#chooseLoop(pass, (reason) => {
        if (stretch?.reason === reason) return;
        endStretch();
        stretch = { reason, since: this.#clock.now() };
      });
    } finally {
      endStretch();
    }
  }

  async #chooseLoop(pass: RequestPass, waits: (reason: 'saturated' | 'cooling') => void): Promise<Chosen> {
    const { policy } = this.#fleet.config;
    const { role, attempts } = pass;
    for (;;) {
      if (pass.options.signal?.aborted) throw new RouterError('aborted', role, attempts, 'cancelled');
      await this.#upkeep.beforeChoosing(pass);
      const serverLoad = this.#fleet.serverLoad;
      if (serverLoad) {
        const ids = pass.chain.flat().map((c) => c.endpointId);
        await serverLoad.firstLook(ids);
        serverLoad.poll(ids);
      }
      const views = this.#fleet.views(pass.chain, pass.shape, pass.ticket);
      const prefer = pass.retrySame ?? pass.options.prefer;
      const selection = selectCandidate(views, {
        // After waiting `maxWaitMs` for the preferred tier, any later tier with a free slot may serve.
        spillover: policy.spillover || pass.waitedMs >= policy.maxWaitMs,
        preferLocal: this.#fleet.selfHosted,
        ...(prefer !== undefined ? { prefer } : {}),
      });
      let waiting: Exclude<Selection, { kind: 'pick' }>;
      if (selection.kind === 'pick') {
        const candidate = pass.chain[selection.candidate.tier]![selection.candidate.order]!;
        const endpoint = this.#fleet.endpoint(candidate.endpointId);
        if (!this.#fleet.slots.tryAcquire(endpoint.id, this.#fleet.capOf(endpoint))) continue;
        const lease = await this.#lease(endpoint);
        const unseen = lease ? await this.#unseenTurn(endpoint) : undefined;
        if (lease && unseen) {
          this.#fleet.slots.leave(pass.ticket);
          pass.retrySame = undefined;
          const chosen = { candidate, endpoint, tier: selection.candidate.tier + 1, lease };
          return unseen === 'none' ? chosen : { ...chosen, unseen };
        }
        // Another process took the endpoint's last lease since the count, or (load: server) the machine's
        // turn or the server's room: wait as for a full tier.
        this.#fleet.slots.release(endpoint.id);
        await lease?.release();
        waiting = { kind: 'saturated', tier: selection.candidate.tier };
      } else {
        waiting = selection;
      }
      if (waiting.kind === 'exhausted') {
        // Every candidate that was asked refused the request itself: it is the request, not the fleet.
        if (attempts.length > 0 && attempts.every((a) => a.outcome === 'client_error')) {
          throw new RouterError('not_retryable', role, attempts, 'every candidate refused the request');
        }
        throw new RouterError('exhausted', role, attempts, 'every candidate failed or is unavailable');
      }
      const budget = policy.maxWaitMs - pass.waitedMs;
      const ms = waiting.kind === 'cooling' ? waiting.until - this.#clock.now() : budget;
      if (budget <= 0 || ms > budget) {
        if (waiting.kind === 'saturated') {
          throw new RouterError(
            'saturated',
            role,
            attempts,
            `every candidate stayed busy for ${policy.maxWaitMs} ms`,
          );
        }
        throw new RouterError(
          'exhausted',
          role,
          attempts,
          'every candidate is cooling down beyond maxWaitMs',
        );
      }
      if (waiting.kind === 'saturated') {
        // Queue for the usable endpoints, keeping this request's place across wake-ups.
        const usable = views.flat().filter((v) => v.blocked === undefined);
        this.#fleet.slots.enqueue(pass.ticket, new Set(usable.map((v) => v.endpointId)));
      } else {
        this.#fleet.slots.leave(pass.ticket);
      }
      waits(waiting.kind);
      const waitStart = this.#clock.now();
      // Leases other processes release wake waiters through a directory watch; where that cannot be
      // trusted to fire, a saturated wait also looks again every SHARED_POLL_MS.
      // The servers' own counts change without a release here, and the machine's turn to send a request
      // they do not show yet (load: server) comes round within a look: look again within 100 ms.
      const poll =
        serverLoad && pass.chain.flat().some((c) => serverLoad.tracks(c.endpointId))
          ? Math.min(serverLoad.intervalMs, 100)
          : undefined;
      const bound = this.#fleet.shared ? Math.min(SHARED_POLL_MS, poll ?? SHARED_POLL_MS) : poll;
      const wait = waiting.kind === 'saturated' && bound !== undefined ? Math.min(ms, bound) : ms;
      try {
        await this.#fleet.slots.waitForChange(Math.max(0, wait), this.#clock, pass.options.signal);
      } catch {
        throw new RouterError('aborted', role, attempts, 'cancelled while waiting');
      }
      pass.waitedMs += this.#clock.now() - waitStart;
    }
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
    const wait = this.#fleet.firstTokenAllowance(endpoint, candidate.model);
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
      await lease.release();
      await unseen?.release(); // ended: not in the server's count any more either
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

  /**
   * `load: server` (server-load.ts): this machine's turn to send a request the server's count does not show
   * yet, and the server's room for it by a reading asked after the turn began; undefined when either is
   * missing (the turn given back), 'none' where the endpoint needs no turn.
   */
  async #unseenTurn(endpoint: EndpointConfig): Promise<Lease | 'none' | undefined> {
    const serverLoad = this.#fleet.serverLoad;
    if (!serverLoad?.confirms(endpoint.id) || !serverLoad.tracks(endpoint.id)) return 'none';
    const token = await this.#holdUnseen(endpoint.id);
    if (!token) return undefined;
    await serverLoad.readSince(endpoint.id, this.#clock.now());
    if (this.#fleet.serverHasRoom(endpoint)) return token;
    await token.release();
    return undefined;
  }

  /** The machine's unseen-send token: in the shared slots' directory, else this router's own. */
  async #holdUnseen(endpointId: string): Promise<Lease | undefined> {
    let held: Lease | undefined;
    const shared = this.#fleet.shared;
    if (shared?.tryHoldUnseen) {
      try {
        held = await shared.tryHoldUnseen(endpointId);
        if (!held) return undefined;
      } catch {
        // Not writable: the router's own token still serialises its own sends.
      }
    }
    if (!held) {
      if (this.#unseenHere.has(endpointId)) return undefined;
      this.#unseenHere.add(endpointId);
      held = { release: async () => void this.#unseenHere.delete(endpointId) };
    }
    const inner = held;
    let released: Promise<void> | undefined;
    return {
      release: () =>
        (released ??= inner
          .release()
          .catch(() => undefined)
          .then(() => this.#fleet.slots.notify())),
    };
  }

  /** The endpoint's shared slot lease (always granted when shared slots are off). */
  async #lease(endpoint: EndpointConfig): Promise<Lease | undefined> {
    const shared = this.#fleet.shared;
    if (!shared) return NO_LEASE;
    try {
      return await shared.tryAcquire(endpoint.id, this.#fleet.capOf(endpoint));
    } catch {
      // The lease files cannot be written (a full or read-only tmp): the per-process cap still holds.
      return NO_LEASE;
    }
  }
}
