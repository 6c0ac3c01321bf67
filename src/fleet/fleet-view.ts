/**
 * The router's live knowledge of the fleet — breakers, cooldowns, slots, disabled endpoints, probe results —
 * and the snapshot of it that selection works on.
 */
import type { Clock } from '../base/clock.ts';
import type { Candidate, EndpointConfig, KeelConfig } from '../config/schema.ts';
import { BreakerBoard, type BreakerTransition } from './circuit-breaker.ts';
import { fitMaxTokens } from './context-budget.ts';
import { recordFailure, recordSuccess, type CooldownEntry } from './cooldown.ts';
import type { FleetState } from './fleet-state.ts';
import type { HealthView } from './router-types.ts';
import type { DetectedFlavor } from './context-discovery.ts';
import { LearnedShapes } from './learned-shapes.ts';
import { planRequest, type RequestPlan } from './request-plan.ts';
import type { ChatRequest, Refusal } from './types.ts';
import { prefersLocal, type BlockReason, type CandidateView } from './selection.ts';
import type { ServerLoad } from './server-load.ts';
import type { SharedSlots } from './shared-slots.ts';
import { SlotBook } from './slots.ts';

/** How long a request waits before re-checking a half-open breaker whose single trial is in flight. */
const TRIAL_RECHECK_MS = 1_000;
/** How often a llama.cpp endpoint that answered "Loading model" is asked `/health` again. */
export const LOADING_POLL_MS = 2_000;

export interface RequestShape {
  promptTokens: number;
  requestedMaxTokens?: number;
  excluded: ReadonlySet<string>;
  /**
   * What kind of request this is, apart from its text (`requestSignature`): a candidate that refused one
   * request of a shape with a 4xx is not asked again for that shape during the run.
   */
  signature: string;
  /** The prompt's size as a candidate's server counted it (near the window only), by candidate key. */
  exactTokens?: ReadonlyMap<string, number>;
}

function otherParam(param: 'max_tokens' | 'max_completion_tokens'): 'max_tokens' | 'max_completion_tokens' {
  return param === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
}

/**
 * A request's shape for refusals: the role and what goes with the text (`response_format`, schema name,
 * streaming). Two requests of one shape differ only in their words, which a 4xx rarely depends on.
 */
export function requestSignature(
  role: string,
  request: Pick<ChatRequest, 'json' | 'jsonSchema' | 'stream'>,
): string {
  let format = 'text';
  if (request.jsonSchema !== undefined && request.json === true) format = `schema:${request.jsonSchema.name}`;
  else if (request.json === true) format = 'json';
  return `${role}/${format}/${request.stream === true ? 'stream' : 'plain'}`;
}

/** A candidate's refusal of one request shape: requests of it from `minPromptTokens` tokens are skipped. */
interface ShapeRefusal {
  minPromptTokens: number;
  reason: string;
}

export class FleetView {
  readonly config: KeelConfig;
  readonly clock: Clock;
  readonly health: HealthView;
  readonly slots = new SlotBook();
  readonly breakers: BreakerBoard;
  // The mutable knowledge below changes only through the methods that keep its rules: a cooldown never
  // shortens, a disabled target stays disabled, a refusal only widens, a loading hold ends only by a look.
  /** Leases shared with the other keel processes on this machine; undefined when off. */
  #shared: SharedSlots | undefined;
  /** Endpoints' load as their servers report it (`server-load.ts`); undefined when none is asked. */
  #serverLoad: ServerLoad | undefined;
  readonly #cooldowns = new Map<string, CooldownEntry>();
  /**
   * Endpoints refused with 401/403 or out of quota, and candidates answered with 404: skipped for the rest
   * of the run.
   */
  readonly #disabled = new Map<string, string>();
  /** Candidate key → request signature → the refusal (a 4xx keel cannot reshape its way around). */
  readonly #refusals = new Map<string, Map<string, ShapeRefusal>>();
  /** Endpoints loading their model (llama.cpp's 503 "Loading model"): when `/health` is asked next. */
  readonly #loading = new Map<string, { since: number; checkAt: number }>();
  /** When each endpoint last answered with each model (wall clock): a model that answered is loaded. */
  readonly #served = new Map<string, Map<string, number>>();
  /** What the servers refused and how requests to them are reshaped (kept across runs). */
  readonly learned: LearnedShapes;
  readonly endpoints: ReadonlyMap<string, EndpointConfig>;
  readonly #onGithubHostedRunner: boolean;
  readonly #prefersLocal: boolean;

  constructor(
    config: KeelConfig,
    clock: Clock,
    health: HealthView,
    runnerEnvironment: string | undefined,
    onTransition: (transition: BreakerTransition) => void,
    saved?: FleetState,
  ) {
    this.config = config;
    this.clock = clock;
    this.health = health;
    this.endpoints = new Map(config.endpoints.map((endpoint) => [endpoint.id, endpoint]));
    this.#onGithubHostedRunner = runnerEnvironment === 'github-hosted';
    this.#prefersLocal = prefersLocal(runnerEnvironment);
    const known = new Set(
      Object.values(config.roles)
        .flat(2)
        .map((candidate) => candidate.key),
    );
    const breakers = Object.fromEntries(
      Object.entries(saved?.breakers ?? {}).filter(([key]) => known.has(key)),
    );
    this.breakers = new BreakerBoard(config.policy.breaker, clock, onTransition, breakers);
    for (const [endpointId, entry] of Object.entries(saved?.cooldowns ?? {})) {
      if (this.endpoints.has(endpointId)) this.#cooldowns.set(endpointId, entry);
    }
    if (saved?.health !== undefined) health.restore(saved.health);
    this.learned = new LearnedShapes(saved?.learned);
  }

  get shared(): SharedSlots | undefined {
    return this.#shared;
  }

  get serverLoad(): ServerLoad | undefined {
    return this.#serverLoad;
  }

  /** Once, while the router is built: the machine's shared slot leases and the servers' load readers. */
  attach(parts: { shared?: SharedSlots | undefined; serverLoad?: ServerLoad | undefined }): void {
    if ('shared' in parts) this.#shared = parts.shared;
    if ('serverLoad' in parts) this.#serverLoad = parts.serverLoad;
  }

  cooldownOf(endpointId: string): CooldownEntry | undefined {
    return this.#cooldowns.get(endpointId);
  }

  /** The cooldowns worth saving at `now`: still running, or with strikes the next failure builds on. */
  cooldownsToSave(now: number): Record<string, CooldownEntry> {
    const saved: Record<string, CooldownEntry> = {};
    for (const [endpointId, entry] of this.#cooldowns) {
      if (entry.until > now || entry.strikes > 0) saved[endpointId] = { ...entry };
    }
    return saved;
  }

  /** Skips `target` (an endpoint id or a candidate key) for the rest of the run; false if it already was. */
  disable(target: string, reason: string): boolean {
    if (this.#disabled.has(target)) return false;
    this.#disabled.set(target, reason);
    return true;
  }

  disabledReason(target: string): string | undefined {
    return this.#disabled.get(target);
  }

  isLoading(endpointId: string): boolean {
    return this.#loading.has(endpointId);
  }

  /** Endpoints of `endpointIds` loading their model whose next `/health` look is due at `now`. */
  loadingChecksDue(endpointIds: Iterable<string>, now: number): Set<string> {
    const due = new Set<string>();
    if (this.#loading.size === 0) return due;
    for (const id of endpointIds) {
      const entry = this.#loading.get(id);
      if (entry !== undefined && entry.checkAt <= now) due.add(id);
    }
    return due;
  }

  /** A `/health` look found the endpoint ready (or could not tell): the hold ends. */
  loadingEnded(endpointId: string): void {
    this.#loading.delete(endpointId);
  }

  get selfHosted(): boolean {
    return this.#prefersLocal;
  }

  endpoint(endpointId: string): EndpointConfig {
    const endpoint = this.endpoints.get(endpointId);
    if (!endpoint) throw new Error(`unknown endpoint ${endpointId}`);
    return endpoint;
  }

  /** On a GitHub-hosted runner, LAN endpoints are skipped without a connection attempt. */
  unreachable(endpoint: EndpointConfig): boolean {
    return this.#onGithubHostedRunner && endpoint.kind === 'local' && endpoint.reachable !== true;
  }

  maxTokensFor(candidate: Candidate, shape: RequestShape): { ok: true; maxTokens?: number } | { ok: false } {
    const endpoint = this.endpoint(candidate.endpointId);
    const fit = fitMaxTokens({
      window: this.health.contextWindow(endpoint, candidate.model),
      contextFraction: this.config.policy.contextFraction,
      promptTokens: shape.exactTokens?.get(candidate.key) ?? shape.promptTokens,
      requested: shape.requestedMaxTokens,
      minOutputTokens: this.config.policy.minOutputTokens,
    });
    return fit.ok ? { ok: true, maxTokens: fit.maxTokens } : { ok: false };
  }

  /** How a request goes out to a candidate, given what is known of its server (`request-plan.ts`). */
  planFor(
    candidate: Candidate,
    request: ChatRequest,
    fitted: number | undefined,
    exactPrompt = false,
  ): RequestPlan {
    const endpoint = this.endpoint(candidate.endpointId);
    const scan = this.health.latestScan(endpoint.id);
    const listedOutputCap = scan?.outputCaps?.[candidate.model];
    return planRequest({
      kind: endpoint.kind,
      model: candidate.model,
      request,
      fitted,
      flavor: endpoint.flavor !== 'auto' ? endpoint.flavor : scan?.flavor,
      ...(listedOutputCap !== undefined ? { listedOutputCap } : {}),
      exactPrompt,
      learned: this.learned.facts(endpoint, candidate.key),
    });
  }

  /**
   * Learns from a refusal what to send instead. Returns the fact learned (for the event) when the plan
   * for this candidate now differs from the refused one; undefined when nothing can be reshaped.
   */
  learnFrom(candidate: Candidate, refusal: Refusal, sent: RequestPlan): string | undefined {
    const endpoint = this.endpoint(candidate.endpointId);
    const { learned } = this;
    switch (refusal.kind) {
      case 'response_format':
        if (sent.responseFormat === 'none') return undefined;
        learned.refuseFormat(endpoint, sent.responseFormat);
        return `refuses response_format ${sent.responseFormat}`;
      case 'token_param': {
        if (sent.maxTokens === undefined || refusal.param !== sent.tokenParam) return undefined;
        const known = learned.facts(endpoint, candidate.key).tokenParam;
        const next = known === undefined ? otherParam(sent.tokenParam) : 'none';
        learned.useTokenParam(endpoint, candidate.key, next);
        return next === 'none' ? 'takes no output limit' : `takes ${next}, not ${sent.tokenParam}`;
      }
      case 'output_cap':
        if (sent.maxTokens === undefined || sent.maxTokens <= refusal.cap) return undefined;
        learned.capOutput(endpoint, candidate.key, refusal.cap);
        return `outputs at most ${refusal.cap} tokens`;
    }
  }

  /** The fleet as the request holding `ticket` sees it: slots claimed by earlier queued requests count as taken. */
  views(chain: Candidate[][], shape: RequestShape, ticket: number): CandidateView[][] {
    const now = this.clock.now();
    return chain.map((tier, tierIndex) =>
      tier.map((candidate, order) => {
        const endpoint = this.endpoint(candidate.endpointId);
        const block = this.#block(candidate, endpoint, shape, now);
        const cap = this.#effectiveCap(endpoint, now);
        const inflight = this.machineInflight(endpoint.id) + this.slots.claimsBefore(endpoint.id, ticket);
        const remote = this.#remote(endpoint.id);
        return {
          key: candidate.key,
          endpointId: candidate.endpointId,
          tier: tierIndex,
          order,
          local: endpoint.kind === 'local',
          ...block,
          unhealthy: this.health.health(endpoint.id, now) === 'unhealthy',
          inflight: remote?.full ? Math.max(cap, inflight) : inflight + (remote?.extra ?? 0),
          cap,
        };
      }),
    );
  }

  /** The server's own count, where it reports one: requests of other machines, and whether it queues. */
  #remote(endpointId: string): { extra: number; full: boolean } | undefined {
    return this.serverLoad?.remote(endpointId);
  }

  /**
   * `load: server`, with this request's slot taken and a reading asked after the machine's unseen-send
   * token: whether the server still has room for it.
   */
  serverHasRoom(endpoint: EndpointConfig): boolean {
    const remote = this.#remote(endpoint.id);
    if (!remote) return true; // no reading (metrics failing): the local count, already checked, holds
    return !remote.full && this.machineInflight(endpoint.id) + remote.extra <= this.capOf(endpoint);
  }

  /** Requests in flight at the endpoint from this machine: this router's and, with shared slots, the others'. */
  machineInflight(endpointId: string): number {
    return this.slots.inflight(endpointId) + (this.#shared?.othersInflight(endpointId) ?? 0);
  }

  noteFailure(endpointId: string, retryAfterMs: number | undefined): CooldownEntry {
    const entry = recordFailure(
      this.#cooldowns.get(endpointId),
      this.clock.now(),
      this.config.policy.cooldown,
      retryAfterMs,
    );
    this.#cooldowns.set(endpointId, entry);
    return entry;
  }

  /** A candidate refused a request of this shape: skip it for such requests (413: for as large ones). */
  noteRefusal(key: string, shape: RequestShape, reason: string, sizeBound: boolean): void {
    const byShape = this.#refusals.get(key) ?? new Map<string, ShapeRefusal>();
    const minPromptTokens = sizeBound ? shape.promptTokens : 0;
    const known = byShape.get(shape.signature);
    if (known === undefined || minPromptTokens < known.minPromptTokens) {
      byShape.set(shape.signature, { minPromptTokens, reason });
    }
    this.#refusals.set(key, byShape);
  }

  /** The endpoint answered "Loading model": hold it until `/health` says otherwise. */
  noteLoading(endpointId: string): void {
    const now = this.clock.now();
    const since = this.#loading.get(endpointId)?.since ?? now;
    this.#loading.set(endpointId, { since, checkAt: now + LOADING_POLL_MS });
  }

  noteSuccess(endpointId: string): void {
    const entry = recordSuccess(this.#cooldowns.get(endpointId));
    if (entry && entry.until <= this.clock.now()) this.#cooldowns.delete(endpointId);
    else if (entry) this.#cooldowns.set(endpointId, entry);
  }

  /** The endpoint answered a request with `model`: the server has it loaded now (`first-token.ts`). */
  noteServed(endpointId: string, model: string): void {
    const byModel = this.#served.get(endpointId) ?? new Map<string, number>();
    byModel.set(model, this.clock.now());
    this.#served.set(endpointId, byModel);
  }

  /** When the endpoint last answered with `model` (wall clock); undefined: not in this run. */
  lastServed(endpointId: string, model: string): number | undefined {
    return this.#served.get(endpointId)?.get(model);
  }

  /** The server software: as configured, else as the last scan found it. */
  flavorOf(endpoint: EndpointConfig): DetectedFlavor | undefined {
    return endpoint.flavor !== 'auto' ? endpoint.flavor : this.health.latestScan(endpoint.id)?.flavor;
  }

  /**
   * The endpoint's cap on requests in flight: `maxParallel`, or, where the file sets none, the slots its
   * server reports (llama.cpp `total_slots`, LM Studio `parallel`): more would only queue there.
   */
  capOf(endpoint: EndpointConfig): number {
    if (endpoint.maxParallelDefaulted === true) {
      const slots = this.health.latestScan(endpoint.id)?.serverSlots;
      if (slots !== undefined) return slots;
    }
    return endpoint.maxParallel;
  }

  /**
   * Slow start: an endpoint whose cooldown has just ended gets one request at a time until one succeeds.
   * Otherwise every waiting request would rush a host that may still be dead the moment its cooldown ends.
   */
  #effectiveCap(endpoint: EndpointConfig, now: number): number {
    const cooldown = this.#cooldowns.get(endpoint.id);
    return cooldown !== undefined && cooldown.strikes > 0 && cooldown.until <= now ? 1 : this.capOf(endpoint);
  }

  #block(
    candidate: Candidate,
    endpoint: EndpointConfig,
    shape: RequestShape,
    now: number,
  ): { blocked?: BlockReason; availableAt?: number } {
    if (shape.excluded.has(candidate.key)) return { blocked: 'excluded' };
    if (this.unreachable(endpoint)) return { blocked: 'unreachable' };
    if (this.#disabled.has(endpoint.id) || this.#disabled.has(candidate.key)) return { blocked: 'disabled' };
    const refusal = this.#refusals.get(candidate.key)?.get(shape.signature);
    if (refusal !== undefined && shape.promptTokens >= refusal.minPromptTokens) return { blocked: 'refused' };
    if (!this.maxTokensFor(candidate, shape).ok) return { blocked: 'context' };
    const loading = this.#loading.get(endpoint.id);
    if (loading !== undefined) return { blocked: 'loading', availableAt: Math.max(now, loading.checkAt) };
    const breaker = this.breakers.peek(candidate.key);
    if (breaker && !breaker.admits()) {
      const halfOpensAt = breaker.halfOpensAt();
      return halfOpensAt !== undefined
        ? { blocked: 'breaker_open', availableAt: halfOpensAt }
        : { blocked: 'breaker_trial', availableAt: now + TRIAL_RECHECK_MS };
    }
    const cooldown = this.#cooldowns.get(endpoint.id);
    if (cooldown && cooldown.until > now) return { blocked: 'cooldown', availableAt: cooldown.until };
    return {};
  }
}
