/**
 * How many tasks a lane runs at once: a fixed number (`--concurrency N`, `concurrency: N`), or `auto` —
 * enough runs to keep the lane's endpoints' slots busy.
 *
 * Why more than one: a run holds no model slot while it does local work (worktree, commits, checkpoints),
 * and only one request at a time while it plans and reviews, so one run per lane leaves slots idle that a
 * second run would fill. The slots themselves stay exact however many runs there are: every request holds a
 * shared lease (`fleet/shared-slots.ts`), so more runs than slots only means runs waiting for slots.
 *
 * `auto` looks at the lane's own runs every `stepMs` (their router events: how long their requests were in
 * flight, how long they waited for a slot) and
 * - grows while the limit is what holds the lane back (every allowed task is running), fewer than half its
 *   share of requests wait for a slot on average, and the CPU has room — doubling up to its share (a lane
 *   starts at one run), one at a time beyond;
 * - shrinks by one when its runs queue for slots: on average a whole share of the lane's requests (at least
 *   one) waited over the window, so one run fewer still leaves every freed slot a request to take; or when
 *   the CPU is saturated. In between it holds: a few requests waiting is what keeps the slots busy;
 * - stays between `1` and `max` (twice the slots of the lane's endpoints: a run spends part of its time on
 *   local work, and more runs than that only wait).
 *
 * "CPU to spare" is the lane process's event-loop utilisation (`performance.eventLoopUtilization`, which
 * counts the time its work took on the wall clock, so a loop starved by other processes looks busy too):
 * below `CPU_GROW` there is room for one more run's local work, above `CPU_SHRINK` the runs already wait for
 * the CPU and one fewer is better.
 */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../base/clock.ts';
import type { KeelConfig } from '../config/schema.ts';
import type { RouterEvent } from '../fleet/router-types.ts';

export type ConcurrencySetting = number | 'auto';

/** The largest fixed concurrency accepted (each run is a git worktree and a router). */
export const MAX_CONCURRENCY = 64;
export const DEFAULT_STEP_MS = 1_000;
/** The lane's requests waiting for a slot, on average, below which one more run is welcome: half its share… */
const GROW_WAITING_SHARE = 0.5;
/** … and from which one run fewer costs nothing: a whole share (at least one request). */
const SHRINK_WAITING_SHARE = 1;
const CPU_GROW = 0.7;
const CPU_SHRINK = 0.95;

export interface LaneConcurrency {
  /** Tasks the lane may have in flight now. */
  limit(): number;
  /** An event of one of the lane's runs' routers. */
  observe(event: RouterEvent): void;
  /**
   * Re-decides the limit when a step is due, `running` being the tasks in flight now; the change, if any.
   * `undefined` for a fixed concurrency.
   */
  review(running: number): { from: number; to: number; why: string } | undefined;
  /** Ms until the next review is due (Infinity: never). */
  nextReviewIn(): number;
  readonly setting: ConcurrencySetting;
}

export function fixedConcurrency(n: number): LaneConcurrency {
  const limit = Math.max(1, Math.min(MAX_CONCURRENCY, Math.floor(n)));
  return {
    setting: limit,
    limit: () => limit,
    observe: () => undefined,
    review: () => undefined,
    nextReviewIn: () => Number.POSITIVE_INFINITY,
  };
}

export interface AutoConcurrencyOptions {
  clock: Clock;
  /** The lane's share of its endpoints' `maxParallel` (shared endpoints divided among the lanes using them). */
  share: number;
  /** Upper bound of the limit. */
  max: number;
  stepMs?: number;
  /** The share of the last window the lane's CPU was busy, 0..1 (default: event-loop utilisation). */
  cpuBusy?: () => number;
}

export class AutoConcurrency implements LaneConcurrency {
  readonly setting = 'auto' as const;
  readonly #o: Required<Omit<AutoConcurrencyOptions, 'cpuBusy'>> & { cpuBusy: () => number };
  #limit = 1;
  /** Doubling while under the share, until the first sign of waiting. */
  #slowStart = true;
  #windowStart: number;
  #requestMs = 0;
  #waitMs = 0;

  constructor(options: AutoConcurrencyOptions) {
    this.#o = {
      stepMs: DEFAULT_STEP_MS,
      cpuBusy: eventLoopBusy(),
      ...options,
      max: Math.max(1, Math.min(MAX_CONCURRENCY, Math.floor(options.max))),
    };
    this.#windowStart = options.clock.now();
  }

  limit(): number {
    return this.#limit;
  }

  get share(): number {
    return this.#o.share;
  }

  get max(): number {
    return this.#o.max;
  }

  observe(event: RouterEvent): void {
    if (event.type === 'attempt') this.#requestMs += event.attempt.latencyMs;
    else if (event.type === 'wait' && event.reason === 'saturated') this.#waitMs += event.ms;
  }

  nextReviewIn(): number {
    return Math.max(0, this.#windowStart + this.#o.stepMs - this.#o.clock.now());
  }

  review(running: number): { from: number; to: number; why: string } | undefined {
    const now = this.#o.clock.now();
    const window = now - this.#windowStart;
    if (window < this.#o.stepMs) return undefined;
    const inflight = this.#requestMs / window;
    const waiting = this.#waitMs / window;
    this.#windowStart = now;
    this.#requestMs = 0;
    this.#waitMs = 0;
    const cpu = this.#o.cpuBusy();
    const from = this.#limit;
    const { share, max } = this.#o;
    const figures = `in flight ${round(inflight)}, waiting ${round(waiting)}, share ${round(share)}, cpu ${round(cpu)}`;
    const growBelow = Math.max(0.25, share * GROW_WAITING_SHARE);
    const shrinkFrom = Math.max(1, share * SHRINK_WAITING_SHARE);
    if (waiting >= growBelow) this.#slowStart = false;
    if (from > 1 && (waiting >= shrinkFrom || cpu >= CPU_SHRINK)) {
      this.#slowStart = false;
      this.#limit = from - 1;
      const why = waiting >= shrinkFrom ? 'runs queue for slots' : 'the CPU is saturated';
      return { from, to: this.#limit, why: `${why} (${figures})` };
    }
    const bound = running >= from;
    if (bound && waiting < growBelow && cpu < CPU_GROW && from < max) {
      const doubled = this.#slowStart && from * 2 <= Math.ceil(share) ? from * 2 : from + 1;
      this.#limit = Math.min(max, doubled);
      return { from, to: this.#limit, why: `slots to spare (${figures})` };
    }
    return undefined;
  }
}

/**
 * The lane's share of its endpoints' slots and the bound of `auto`: each endpoint's `maxParallel` divided
 * by the number of lanes that use it; the bound is twice the slots of the lane's endpoints.
 */
export function slotShare(
  endpoints: readonly { id: string; maxParallel: number }[],
  sharers: (endpointId: string) => number,
): { share: number; max: number } {
  let share = 0;
  let slots = 0;
  for (const endpoint of endpoints) {
    share += endpoint.maxParallel / Math.max(1, sharers(endpoint.id));
    slots += endpoint.maxParallel;
  }
  return { share: Math.max(1, share), max: Math.max(1, Math.min(MAX_CONCURRENCY, 2 * slots)) };
}

/** A lane as the share needs it: its name and the endpoint ids it names (none: every endpoint of the roles). */
export interface LaneEndpoints {
  name: string;
  endpoints: readonly string[];
}

/**
 * The concurrency of lane `lane` for a setting: fixed, or `auto` with the lane's share of the endpoints its
 * roles use (`lanes`: every lane of the lanes file, to count who shares an endpoint).
 */
export function laneConcurrency(
  setting: ConcurrencySetting,
  context: { config: KeelConfig; lane: LaneEndpoints; lanes: readonly LaneEndpoints[]; clock: Clock },
): LaneConcurrency {
  if (setting !== 'auto') return fixedConcurrency(setting);
  const { config, lane, lanes, clock } = context;
  const used = new Set(
    Object.values(config.roles)
      .flat(2)
      .map((candidate) => candidate.endpointId),
  );
  const usedBy = (l: LaneEndpoints): ReadonlySet<string> =>
    l.endpoints.length > 0 ? new Set(l.endpoints) : used;
  const mine = usedBy(lane);
  const endpoints = config.endpoints.filter((endpoint) => mine.has(endpoint.id) && used.has(endpoint.id));
  const sharers = (id: string): number => lanes.filter((l) => usedBy(l).has(id)).length;
  return new AutoConcurrency({ clock, ...slotShare(endpoints, sharers) });
}

/** The event loop's utilisation since the last call (0..1). */
function eventLoopBusy(): () => number {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const delta = performance.eventLoopUtilization(now, last);
    last = now;
    return delta.utilization;
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
