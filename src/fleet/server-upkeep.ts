/**
 * What the router does to know a chain's servers before it picks among them: scan an endpoint on first
 * use when only its server knows its window or slots, watch a llama.cpp that is loading its model until
 * `/health` says it is ready, and have servers that count tokens count a prompt near their window. Every
 * look is awaited by the request that needs it (never fire-and-forget), shared between concurrent
 * requests, and bounded by the probe timeout.
 */
import type { Clock } from '../base/clock.ts';
import type { Candidate, EndpointConfig } from '../config/schema.ts';
import type { FleetView, RequestShape } from './fleet-view.ts';
import type { FleetHealthBook } from './health-book.ts';
import { checkReady, probeHttpDeps, scanCapabilities, type ProbeDeps } from './probe.ts';
import type { RouterEvent } from './router-types.ts';
import { countPromptTokens, countsTokens } from './token-count.ts';
import type { ChatRequest } from './types.ts';

/** A prompt this share of a candidate's usable window or more is counted by its server where it can. */
export const NEAR_WINDOW = 0.75;

/** The parts of one request's journey the upkeep reads and fills in. */
export interface UpkeepPass {
  chain: Candidate[][];
  request: ChatRequest;
  options: { signal?: AbortSignal };
  shape: RequestShape & { excluded: Set<string> };
  /** Prompt sizes counted by candidates' servers, and the candidates already asked. */
  exactTokens: Map<string, number>;
  counted: Set<string>;
}

export interface UpkeepDeps {
  fleet: FleetView;
  health: FleetHealthBook;
  clock: Clock;
  probeDeps: (signal: AbortSignal | undefined) => ProbeDeps;
  emit: (event: RouterEvent) => void;
  scanOnFirstUse: boolean;
}

export class ServerUpkeep {
  readonly #fleet: FleetView;
  readonly #health: FleetHealthBook;
  readonly #clock: Clock;
  readonly #probeDeps: (signal: AbortSignal | undefined) => ProbeDeps;
  readonly #emit: (event: RouterEvent) => void;
  readonly #scanOnFirstUse: boolean;
  /** `/health` looks at loading endpoints in flight, one per endpoint. */
  readonly #readyChecks = new Map<string, Promise<void>>();
  /** Scans on first use: in flight, and when each endpoint was last tried (wall clock). */
  readonly #firstScans = new Map<string, Promise<void>>();
  readonly #scanTriedAt = new Map<string, number>();

  constructor(deps: UpkeepDeps) {
    this.#fleet = deps.fleet;
    this.#health = deps.health;
    this.#clock = deps.clock;
    this.#probeDeps = deps.probeDeps;
    this.#emit = deps.emit;
    this.#scanOnFirstUse = deps.scanOnFirstUse;
  }

  /**
   * Everything the next pick of `pass` depends on, looked at where due, in this order: a loading server's
   * `/health` (ready: re-scanned), first-use scans, token counts near a window. Undefined when nothing is
   * due, the common case: the caller then goes on without an await (no promise per step per request).
   */
  beforeChoosing(pass: UpkeepPass): Promise<void> | undefined {
    const loading = this.#pollLoading(pass.chain);
    return loading ? loading.then(() => this.#scanThenCount(pass)) : this.#scanThenCount(pass);
  }

  #scanThenCount(pass: UpkeepPass): Promise<void> | undefined {
    const scans = this.#scanOnFirstUse ? this.#scanUnknown(pass.chain) : undefined;
    return scans ? scans.then(() => this.#countNearWindow(pass)) : this.#countNearWindow(pass);
  }

  /**
   * Scans, before its first use, every endpoint of the chain whose window or slot count only its server
   * can tell (no `contextWindow`, or no `maxParallel`, in the config) and of which no fresh scan is known
   * (none saved, or older than `capabilityIntervalMs`): `keel run` and `keel ask` then fit limits to real
   * windows, cap at real slots and allow for cold loads without a probe loop of their own. Tried at most
   * once per interval per endpoint, in parallel, each bounded by the probe timeout — and waited for no
   * longer than the endpoint's first-token deadline since the scan began, where that is the shorter: a
   * request would not wait longer for the server's answer either (a hung primary with `firstTokenMs: 200`
   * held the first requests 3 s, the probe timeout, before they could fail over). The scan itself goes on.
   */
  #scanUnknown(chain: Candidate[][]): Promise<void> | undefined {
    const { capabilityIntervalMs } = this.#fleet.config.policy.probe;
    const now = this.#clock.now();
    const due = new Set<string>();
    for (const candidate of chain.flat()) {
      const endpoint = this.#fleet.endpoint(candidate.endpointId);
      if (endpoint.contextWindow !== undefined && endpoint.maxParallelDefaulted !== true) continue;
      if (this.#fleet.unreachable(endpoint) || this.#fleet.disabledReason(endpoint.id) !== undefined)
        continue;
      const scanned = this.#health.latestScan(endpoint.id)?.checkedAt;
      const tried = this.#scanTriedAt.get(endpoint.id);
      if (scanned !== undefined && now - scanned <= capabilityIntervalMs) continue;
      if (tried !== undefined && now - tried <= capabilityIntervalMs && !this.#firstScans.has(endpoint.id)) {
        continue;
      }
      due.add(endpoint.id);
    }
    if (due.size === 0) return undefined;
    return Promise.all([...due].map((id) => this.#awaitScan(this.#fleet.endpoint(id)))).then(noValue);
  }

  /** The endpoint's first-use scan, as long as a request waits for it (`#scanUnknown`). */
  #awaitScan(endpoint: EndpointConfig): Promise<void> {
    const scan = this.#firstScan(endpoint);
    const { firstTokenMs } = endpoint.timeouts;
    if (firstTokenMs >= this.#fleet.config.policy.probe.timeoutMs) return scan;
    const left = this.#scanTriedAt.get(endpoint.id)! + firstTokenMs - this.#clock.now();
    if (left <= 0) return Promise.resolve();
    const stop = new AbortController();
    const deadline = this.#clock.sleep(left, stop.signal).catch(noValue);
    return Promise.race([scan, deadline]).finally(() => stop.abort());
  }

  #firstScan(endpoint: EndpointConfig): Promise<void> {
    let scan = this.#firstScans.get(endpoint.id);
    if (scan === undefined) {
      this.#scanTriedAt.set(endpoint.id, this.#clock.now());
      scan = scanCapabilities(endpoint, this.#probeDeps(undefined))
        .then((result) => this.#health.recordScan(result))
        .finally(() => this.#firstScans.delete(endpoint.id));
      this.#firstScans.set(endpoint.id, scan);
    }
    return scan;
  }

  /**
   * Has the servers that can count tokens (llama.cpp, vLLM: token-count.ts) count the prompt for each
   * candidate whose window it comes near (`NEAR_WINDOW` of the usable part): there the estimate, which errs
   * high, could skip a candidate that fits, or let through one that does not. Once per candidate per
   * request, in parallel, each bounded by the probe timeout; a failure leaves the estimate.
   */
  #countNearWindow(pass: UpkeepPass): Promise<void> | undefined {
    const { contextFraction } = this.#fleet.config.policy;
    const counting: Promise<void>[] = [];
    for (const candidate of pass.chain.flat()) {
      if (pass.counted.has(candidate.key) || pass.shape.excluded.has(candidate.key)) continue;
      const endpoint = this.#fleet.endpoint(candidate.endpointId);
      if (this.#fleet.unreachable(endpoint) || this.#fleet.disabledReason(endpoint.id) !== undefined)
        continue;
      const window = this.#health.contextWindow(endpoint, candidate.model);
      if (window === undefined || pass.shape.promptTokens < NEAR_WINDOW * window * contextFraction) continue;
      const flavor = this.#fleet.flavorOf(endpoint);
      if (!countsTokens(flavor)) continue;
      pass.counted.add(candidate.key);
      const http = probeHttpDeps(endpoint, this.#probeDeps(pass.options.signal));
      counting.push(
        countPromptTokens(endpoint, flavor, candidate.model, pass.request.messages, http).then((count) => {
          if (count !== undefined) pass.exactTokens.set(candidate.key, count);
        }),
      );
    }
    return counting.length > 0 ? Promise.all(counting).then(noValue) : undefined;
  }

  /**
   * Asks `/health` of every endpoint of the chain that is loading its model and due for a look (one look
   * per endpoint at a time, shared by the requests waiting on it). Ready: the hold ends and the endpoint is
   * re-scanned at once, since its model (and window) may be a new one. No `/health` or no answer: the hold
   * ends too, and the next attempt finds out what is wrong the usual way.
   */
  #pollLoading(chain: Candidate[][]): Promise<void> | undefined {
    const due = this.#fleet.loadingChecksDue(endpointIdsOf(chain), this.#clock.now());
    if (due.size === 0) return undefined;
    // The look is shared, so one request's cancellation must not cut it short; the probe timeout bounds it.
    return Promise.all([...due].map((id) => this.#readyCheck(this.#fleet.endpoint(id)))).then(noValue);
  }

  #readyCheck(endpoint: EndpointConfig): Promise<void> {
    let check = this.#readyChecks.get(endpoint.id);
    if (check === undefined) {
      check = this.#checkReadyOnce(endpoint).finally(() => this.#readyChecks.delete(endpoint.id));
      this.#readyChecks.set(endpoint.id, check);
    }
    return check;
  }

  async #checkReadyOnce(endpoint: EndpointConfig): Promise<void> {
    const deps = this.#probeDeps(undefined);
    const state = await checkReady(endpoint, deps);
    if (state === 'loading') {
      this.#fleet.noteLoading(endpoint.id);
      return;
    }
    if (state === 'ready') this.#health.recordScan(await scanCapabilities(endpoint, deps));
    this.#fleet.loadingEnded(endpoint.id);
    this.#emit({ type: 'loading', endpointId: endpoint.id, loading: false });
    this.#fleet.slots.notify();
  }
}

function noValue(): void {
  return undefined;
}

/** Lazily: when no endpoint is loading (nearly always), `loadingChecksDue` reads none of them. */
function* endpointIdsOf(chain: Candidate[][]): Generator<string> {
  for (const tier of chain) for (const candidate of tier) yield candidate.endpointId;
}
