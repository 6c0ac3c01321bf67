/**
 * The guard's decisions as pure functions of what a cycle observed, the previous guard state and the
 * settings: each lane's health against the floor, its status, what the guard does about it, and how its
 * consecutive-idle counter moves. No I/O here; `guard.ts` observes, calls these and carries out the result.
 *
 * IDLE, precisely (the condition the guard exists for: endpoints healthy, work queued, nothing working it):
 * a lane is idle in a cycle when, at the cycle's start,
 *   1. nothing is working it — no live lane process or workflow run, and none on its way (a start the
 *      guard made within `startGraceMs`, a dispatched run still queued within that grace),
 *   2. its queue holds at least one unclaimed task, and
 *   3. its endpoints pass the health floor: healthy ÷ judged ≥ `healthFloor`, where an endpoint the guard
 *      cannot reach from where it runs (a LAN address seen from a GitHub-hosted runner) is not judged, a
 *      stale or missing probe counts as unhealthy, and a lane with nothing to judge passes.
 * Paused, denied and not-allowed lanes are idle by this definition too — starved work is starved work, and
 * `persistent_idle_condition` is how a forgotten pause or a wrong deny list surfaces — but the guard does
 * not start them. A lane whose start is stuck (a run queued past the grace, a process alive with a stale
 * heartbeat) is idle and is not started again either.
 *
 * The counter moves once per cycle: +1 when idle; back to 0 when work flows or there is nothing to flow
 * (active, drained, or its endpoints are down — not idle "while healthy"); unchanged while a start is on
 * its way or the lane could not be observed. Holding rather than resetting on a start means a lane whose
 * starts never take still reaches `idleCyclesBeforeAlert`.
 */
import type { EndpointConfig, KeelConfig } from '../config/schema.ts';
import type { EndpointHealth, FleetHealthBook } from '../fleet/health-book.ts';
import type { LaneGuardState } from './guard-state.ts';
import type { GuardSettings, LaneConfig } from '../lanes/index.ts';
import { isPauseStale, type PauseFlag } from '../lanes/index.ts';

/** What is working a lane right now, as the effects see it. */
export interface LaneActivity {
  /**
   * `active`: a live process with a fresh heartbeat, a workflow run in progress. `starting`: a run queued
   * for less than the grace. `stalled`: a start that is stuck (a run queued too long). `paused`: a live
   * lane process that claims nothing because of its pause flag — it resumes by itself once the flag goes.
   */
  state: 'active' | 'starting' | 'stalled' | 'paused' | 'inactive';
  detail: string;
}

export type EndpointVerdict = EndpointHealth | 'unreachable' | 'unconfigured';

export interface LaneHealth {
  endpoints: Record<string, EndpointVerdict>;
  healthy: number;
  /** Endpoints judged: all but the unreachable ones. */
  judged: number;
  /** healthy ÷ judged; null when nothing was judged. */
  share: number | null;
  floorMet: boolean;
}

export interface LaneObservation {
  lane: LaneConfig;
  /** Unclaimed tasks; null when the queue could not be read. */
  queued: number | null;
  /** Finished tasks the guard reopened this cycle (counted in `queued` too). */
  recycled?: number;
  /** Null when the activity could not be determined. */
  activity: LaneActivity | null;
  pause?: PauseFlag;
  health: LaneHealth;
  errors: string[];
}

export type LaneStatus = 'active' | 'starting' | 'drained' | 'unhealthy' | 'idle' | 'unknown';

/** What the guard does about an idle lane (`none` for every other status). */
export type LaneIntent =
  | 'none'
  | 'start'
  /** Clear the stale pause of a live, paused lane process: it resumes by itself, nothing is started. */
  | 'unpause'
  | 'limit'
  | 'paused'
  | 'denied'
  | 'not_allowed'
  | 'stalled';

export interface LanePlan {
  observation: LaneObservation;
  status: LaneStatus;
  intent: LaneIntent;
  /** A stale pause to clear before the start (or for the next cycle's, when the limit was reached). */
  clearPause: boolean;
}

export function judgeHealth(
  lane: LaneConfig,
  endpoints: ReadonlyMap<string, EndpointConfig>,
  book: FleetHealthBook,
  unreachable: ReadonlySet<string>,
  now: number,
  floor: number,
): LaneHealth {
  const verdicts: Record<string, EndpointVerdict> = {};
  let healthy = 0;
  let judged = 0;
  for (const id of lane.endpoints) {
    // An id missing from keel.yml is a typo or a removed server: it cannot be healthy, so it counts.
    const verdict: EndpointVerdict = !endpoints.has(id)
      ? 'unconfigured'
      : unreachable.has(id)
        ? 'unreachable'
        : book.health(id, now);
    verdicts[id] = verdict;
    if (verdict === 'unreachable') continue;
    judged += 1;
    if (verdict === 'healthy') healthy += 1;
  }
  const share = judged === 0 ? null : healthy / judged;
  return { endpoints: verdicts, healthy, judged, share, floorMet: share === null || share >= floor };
}

/** The lane's status this cycle; see IDLE above. `lastStartAt` gives the guard's own starts their grace. */
export function laneStatus(
  observation: LaneObservation,
  prior: LaneGuardState | undefined,
  settings: GuardSettings,
  now: number,
): LaneStatus {
  const { activity, queued } = observation;
  if (activity === null || queued === null) return 'unknown';
  if (activity.state === 'active') return 'active';
  // A paused lane process whose flag is gone (just removed) picks up work at its next look.
  if (activity.state === 'paused' && observation.pause === undefined) return 'starting';
  const inGrace = prior?.lastStartAt !== undefined && now - prior.lastStartAt < settings.startGraceMs;
  if (activity.state === 'starting' || (activity.state === 'inactive' && inGrace)) return 'starting';
  if (queued <= 0) return 'drained';
  if (!observation.health.floorMet) return 'unhealthy';
  return 'idle';
}

/**
 * Decides every lane: idle lanes that may be started are ranked by queued work (most first, then by name
 * so that ties are stable); the first `maxStartsPerCycle` keep `start` and come back in `starts`, in that
 * order, the rest get `limit`.
 */
export function planLanes(
  observations: LaneObservation[],
  prior: Record<string, LaneGuardState>,
  settings: GuardSettings,
  now: number,
): { plans: LanePlan[]; starts: LanePlan[] } {
  const plans = observations.map((observation) => planLane(observation, prior, settings, now));
  const ranked = plans
    .filter((plan) => plan.intent === 'start')
    .sort(
      (a, b) =>
        (b.observation.queued ?? 0) - (a.observation.queued ?? 0) ||
        a.observation.lane.name.localeCompare(b.observation.lane.name),
    );
  for (const plan of ranked.slice(settings.maxStartsPerCycle)) plan.intent = 'limit';
  return { plans, starts: ranked.slice(0, settings.maxStartsPerCycle) };
}

function planLane(
  observation: LaneObservation,
  prior: Record<string, LaneGuardState>,
  settings: GuardSettings,
  now: number,
): LanePlan {
  const name = observation.lane.name;
  const status = laneStatus(observation, own(prior, name), settings, now);
  const plan = (intent: LaneIntent, clearPause = false): LanePlan => ({
    observation,
    status,
    intent,
    clearPause,
  });
  if (status !== 'idle') return plan('none');
  const listed = listedFor(name, settings);
  if (listed !== 'ok') return plan(listed);
  if (observation.activity?.state === 'stalled') return plan('stalled');
  const pause = observation.pause;
  if (pause && !isPauseStale(pause, now, settings.stalePauseMs)) return plan('paused');
  if (observation.activity?.state === 'paused') return plan('unpause', true);
  return plan('start', pause !== undefined);
}

/** The allow and deny lists' verdict on a lane (an empty allow list allows every lane). */
export function listedFor(name: string, settings: GuardSettings): 'ok' | 'not_allowed' | 'denied' {
  if (settings.allow.length > 0 && !settings.allow.includes(name)) return 'not_allowed';
  return settings.deny.includes(name) ? 'denied' : 'ok';
}

/**
 * Whether to recycle the lane's finished backlog this cycle (recycled only when no directly runnable work
 * exists): nothing runs it, nothing is on its way, its queue is drained, and the guard may
 * start it. A running lane recycles its own backlog.
 */
export function wantsRecycle(
  observation: LaneObservation,
  prior: LaneGuardState | undefined,
  settings: GuardSettings,
  now: number,
): boolean {
  return (
    settings.recycle.enabled &&
    observation.activity?.state === 'inactive' &&
    laneStatus(observation, prior, settings, now) === 'drained' &&
    listedFor(observation.lane.name, settings) === 'ok'
  );
}

export interface CounterStep {
  next: LaneGuardState;
  /** The streak just reached the threshold: raise `persistent_idle_condition`. */
  raise: boolean;
  /** An alerted streak just ended. */
  resolved?: { idleSince: number; idleCycles: number; alert: NonNullable<LaneGuardState['alert']> };
}

/** Moves one lane's counter (see the header); `startedAt` is set when the guard started it this cycle. */
export function stepCounter(
  prior: LaneGuardState | undefined,
  status: LaneStatus,
  now: number,
  threshold: number,
  startedAt?: number,
): CounterStep {
  const base: LaneGuardState = { idleCycles: 0, ...prior };
  const lastStartAt = startedAt ?? base.lastStartAt;
  const withStart = (state: LaneGuardState): LaneGuardState =>
    lastStartAt !== undefined ? { ...state, lastStartAt } : state;
  if (status === 'unknown' || status === 'starting') return { next: withStart(base), raise: false };
  if (status === 'idle') {
    const idleCycles = base.idleCycles + 1;
    const next = withStart({ ...base, idleCycles, idleSince: base.idleSince ?? now });
    return { next, raise: idleCycles >= threshold && base.alert === undefined };
  }
  const next = withStart({ idleCycles: 0 });
  if (base.alert === undefined) return { next, raise: false };
  return {
    next,
    raise: false,
    resolved: {
      idleSince: base.idleSince ?? base.alert.raisedAt,
      idleCycles: base.idleCycles,
      alert: base.alert,
    },
  };
}

/** Why an idle lane is still idle after this cycle, for the alert and the report. */
export function idleReason(plan: LanePlan, startError?: string): string {
  const pause = plan.observation.pause;
  switch (plan.intent) {
    case 'start':
      return startError !== undefined
        ? `the guard could not start it: ${startError}`
        : 'the guard started it this cycle; earlier starts did not take';
    case 'unpause':
      return 'its stale pause was cleared this cycle; the paused lane process resumes by itself';
    case 'limit':
      return 'waiting for a start slot (maxStartsPerCycle)';
    case 'paused':
      return pause
        ? `paused by ${pause.by} at ${new Date(pause.at).toISOString()}: ${pause.reason}`
        : 'paused';
    case 'denied':
      return 'on the guard deny list';
    case 'not_allowed':
      return 'not on the guard allow list';
    case 'stalled':
      return `its start is stuck: ${plan.observation.activity?.detail ?? ''}`;
    case 'none':
      return 'not idle';
  }
}

export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Endpoint configs by id, for the health judgement. */
export function endpointsById(config: KeelConfig): Map<string, EndpointConfig> {
  return new Map(config.endpoints.map((endpoint) => [endpoint.id, endpoint]));
}
