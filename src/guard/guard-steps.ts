/**
 * The steps of a guard cycle (`guard.ts` runs them in order): refresh endpoint health, observe a lane,
 * recycle drained backlog, clear stale pauses and start lanes, move the idle counters and alerts, dispatch
 * resumes — and the report entries. Every effect is called through `attempt`: a failure is a value,
 * recorded against its lane, endpoint or run, never a reason to abandon the cycle.
 */
import type { Clock } from '../base/clock.ts';
import type { EndpointConfig } from '../config/schema.ts';
import { FleetHealthBook, type HealthProbe } from '../fleet/probe.ts';
import { errorMessage } from '../base/errors.ts';
import { formatAge } from '../base/age.ts';
import {
  idleReason,
  own,
  stepCounter,
  wantsRecycle,
  type LaneIntent,
  type LaneObservation,
  type LanePlan,
} from './guard-decide.ts';
import type { GuardState, LaneGuardState } from './guard-state.ts';
import { laneReport } from './guard-report.ts';
import type {
  GuardCycleOptions,
  GuardCycleReport,
  GuardEffects,
  GuardEvent,
  IdleAlert,
  LaneReport,
  ResumeReport,
} from './guard-types.ts';
import type { GuardSettings, LaneConfig, PauseClearNote, PauseFlag } from '../lanes/index.ts';

export interface CycleContext extends GuardCycleOptions {
  clock: Clock;
  dir: string;
}

/** What the steps of one cycle share: the effects, the settings, last cycle's state and the event sink. */
export interface CycleScope {
  effects: GuardEffects;
  settings: GuardSettings;
  prior: GuardState;
  clock: Clock;
  emit: (event: GuardEvent) => void;
}

/** A scope at the cycle's decision time (after the probes came in): what the deciding steps act at. */
export interface DecisionScope extends CycleScope {
  now: number;
}

export interface LaneOutcome {
  action: LaneReport['action'];
  pauseCleared: boolean;
  error?: string;
}

/** Clears the stale pauses of idle lanes (all of them, started this cycle or not), then starts `starts`. */
export async function actOnLanes(
  scope: DecisionScope,
  plans: LanePlan[],
  starts: LanePlan[],
  actor: string,
): Promise<{
  outcomes: Map<string, LaneOutcome>;
  started: string[];
  pausesCleared: GuardCycleReport['pausesCleared'];
}> {
  const { effects, now, emit } = scope;
  const { stalePauseMs } = scope.settings;
  const outcomes = new Map<string, LaneOutcome>();
  const pausesCleared: GuardCycleReport['pausesCleared'] = [];
  for (const plan of plans) {
    const { lane, pause } = plan.observation;
    const outcome: LaneOutcome = { action: initialAction(plan.intent), pauseCleared: false };
    outcomes.set(lane.name, outcome);
    if (!plan.clearPause || !pause) continue;
    const note: PauseClearNote = {
      at: now,
      by: actor,
      reason: `stale: set ${formatAge(now - pause.at)} ago (older than ${formatAge(stalePauseMs)}) while the lane sat idle with queued work`,
    };
    const done = await attempt(() => effects.pauseFlags.clear(lane, pause, note));
    if (done.ok) {
      outcome.pauseCleared = true;
      pausesCleared.push({ lane: lane.name, flag: pause, cleared: note });
      emit({ type: 'guard_pause_cleared', lane: lane.name, flag: pause, cleared: note });
    } else {
      // Still paused, then: it is not started.
      outcome.action = 'paused';
      outcome.error = `clearing the stale pause failed: ${done.error}`;
      emit({ type: 'guard_pause_clear_failed', lane: lane.name, error: done.error });
    }
  }
  const started: string[] = [];
  for (const plan of starts) {
    const { lane } = plan.observation;
    const outcome = outcomes.get(lane.name)!;
    if (outcome.action === 'paused') continue;
    const queued = plan.observation.queued ?? 0;
    const reason = `idle with ${queued} queued task(s) and its endpoints above the health floor`;
    const done = await attempt(() => effects.startLane(lane, reason));
    if (done.ok) {
      outcome.action = 'started';
      started.push(lane.name);
      emit({ type: 'guard_lane_started', lane: lane.name, queued, reason });
    } else {
      outcome.error = done.error;
      emit({ type: 'guard_lane_start_failed', lane: lane.name, error: done.error });
    }
  }
  return { outcomes, started, pausesCleared };
}

/** What the report says before the starts: a start not (yet) carried out reads as failed. */
function initialAction(intent: LaneIntent): LaneReport['action'] {
  if (intent === 'start') return 'start_failed';
  if (intent === 'unpause') return 'unpaused';
  return intent;
}

interface HealthView {
  book: FleetHealthBook;
  unreachable: Set<string>;
  /** The lanes' endpoints that keel.yml knows. */
  wanted: EndpointConfig[];
  probed: boolean;
  scanned: boolean;
}

/** Probes the lanes' endpoints and scans their capabilities when each is due; the results go in the book. */
export async function refreshHealth(
  ctx: CycleContext,
  scope: CycleScope,
  endpoints: ReadonlyMap<string, EndpointConfig>,
  startedAt: number,
): Promise<HealthView> {
  const { lanesFile, config } = ctx;
  const { effects, clock, prior, emit, settings } = scope;
  const book = new FleetHealthBook({
    // A probe must stay trusted until the next one is due, whatever policy.probe says.
    staleAfterMs: Math.max(config.policy.probe.staleAfterMs, 2 * settings.probeIntervalMs),
  });
  book.restore(prior.health);
  const wanted = [...new Set(lanesFile.lanes.flatMap((lane) => lane.endpoints))]
    .map((id) => endpoints.get(id))
    .filter((endpoint): endpoint is EndpointConfig => endpoint !== undefined);
  const probed = due(prior.lastProbeAt, startedAt, settings.probeIntervalMs);
  let unreachable = new Set(prior.unreachable);
  if (probed) {
    unreachable = new Set();
    await Promise.all(
      wanted.map(async (endpoint) => {
        const probe = await attempt(() => effects.probe(endpoint));
        if (!probe.ok) {
          emit({ type: 'guard_observe_failed', endpoint: endpoint.id, what: 'probe', error: probe.error });
          book.record(failedProbe(endpoint.id, clock.now(), probe.error));
        } else if (probe.value === undefined) unreachable.add(endpoint.id);
        else book.record(probe.value);
      }),
    );
  }
  const scanned = due(prior.lastScanAt, startedAt, settings.capabilityIntervalMs);
  if (scanned) {
    await Promise.all(
      wanted
        .filter((endpoint) => !unreachable.has(endpoint.id))
        .map(async (endpoint) => {
          const scan = await attempt(() => effects.scan(endpoint));
          if (!scan.ok)
            emit({ type: 'guard_observe_failed', endpoint: endpoint.id, what: 'scan', error: scan.error });
          else if (scan.value) book.recordScan(scan.value);
        }),
    );
  }
  return { book, unreachable, wanted, probed, scanned };
}

/**
 * Moves every lane's consecutive-idle counter, raises `persistent_idle_condition` once per streak (and
 * retries its delivery until the sink takes it), resolves it when the streak ends; the lanes' reports.
 */
export async function moveCounters(
  scope: DecisionScope,
  plans: LanePlan[],
  outcomes: Map<string, LaneOutcome>,
): Promise<{
  lanes: Record<string, LaneGuardState>;
  laneReports: LaneReport[];
  alerts: GuardCycleReport['alerts'];
}> {
  const { prior, settings, now, effects, emit } = scope;
  const lanes = Object.create(null) as Record<string, LaneGuardState>;
  const alerts: GuardCycleReport['alerts'] = [];
  const laneReports: LaneReport[] = [];
  for (const plan of plans) {
    const { lane } = plan.observation;
    const outcome = outcomes.get(lane.name)!;
    const step = stepCounter(
      own(prior.lanes, lane.name),
      plan.status,
      now,
      settings.idleCyclesBeforeAlert,
      outcome.action === 'started' ? now : undefined,
    );
    const laneState = step.next;
    if (step.resolved) {
      const { idleSince, idleCycles, alert } = step.resolved;
      emit({ type: 'persistent_idle_resolved', lane: lane.name, idleSince, idleCycles });
      if (alert.delivered && effects.alerts) {
        const done = await attempt(() => effects.alerts!.resolve({ lane: lane.name, idleSince, idleCycles }));
        if (!done.ok) emit({ type: 'guard_alert_failed', lane: lane.name, error: done.error });
      }
    }
    const pending = step.raise || (laneState.alert !== undefined && !laneState.alert.delivered);
    if (plan.status === 'idle' && laneState.idleSince !== undefined && pending) {
      const alert: IdleAlert = {
        lane: lane.name,
        idleCycles: laneState.idleCycles,
        idleSince: laneState.idleSince,
        queued: plan.observation.queued,
        why: idleReason(plan, outcome.error),
      };
      if (step.raise) emit({ type: 'persistent_idle_condition', ...alert });
      const done = effects.alerts ? await attempt(() => effects.alerts!.raise(alert)) : { ok: true as const };
      if (!done.ok) emit({ type: 'guard_alert_failed', lane: lane.name, error: done.error });
      laneState.alert = { raisedAt: laneState.alert?.raisedAt ?? now, delivered: done.ok };
      alerts.push({
        lane: lane.name,
        idleCycles: alert.idleCycles,
        idleSince: alert.idleSince,
        delivered: done.ok,
        ...(done.ok ? {} : { error: done.error }),
      });
    }
    lanes[lane.name] = laneState;
    laneReports.push(laneReport(plan, outcome, laneState, now, settings.stalePauseMs));
  }
  return { lanes, laneReports, alerts };
}

export async function observe(scope: CycleScope, lane: LaneConfig): Promise<LaneObservation> {
  const { effects, clock, emit } = scope;
  const errors: string[] = [];
  const failed = (what: string, error: string): void => {
    errors.push(`${what}: ${error}`);
    emit({ type: 'guard_observe_failed', lane: lane.name, what, error });
  };
  const [queued, activity, pause] = await Promise.all([
    attempt(() => effects.queueDepth(lane)),
    attempt(() => effects.laneActive(lane)),
    attempt(() => effects.pauseFlags.read(lane)),
  ]);
  if (!queued.ok) failed('queue', queued.error);
  if (!activity.ok) failed('activity', activity.error);
  let flag: PauseFlag | undefined;
  if (pause.ok) flag = pause.value;
  else {
    // A pause we cannot read is respected as a fresh one: the operator may well have meant it.
    failed('pause flag', pause.error);
    flag = { at: clock.now(), by: 'unknown', reason: `unreadable: ${pause.error}` };
  }
  return {
    lane,
    queued: queued.ok ? Math.max(0, queued.value) : null,
    activity: activity.ok ? activity.value : null,
    ...(flag ? { pause: flag } : {}),
    // Judged once every lane is observed, at the decision time.
    health: { endpoints: {}, healthy: 0, judged: 0, share: null, floorMet: false },
    errors,
  };
}

/** Reopens the finished backlog of drained, idle-able lanes (`wantsRecycle`) and counts their queue again. */
export async function recycleDrained(scope: DecisionScope, observations: LaneObservation[]): Promise<void> {
  const { prior, settings, now, effects, emit } = scope;
  for (const observation of observations) {
    const { lane } = observation;
    if (!wantsRecycle(observation, own(prior.lanes, lane.name), settings, now)) continue;
    const failed = (error: string): void => {
      observation.errors.push(`recycle: ${error}`);
      emit({ type: 'guard_observe_failed', lane: lane.name, what: 'recycle', error });
    };
    const reopened = await attempt(() => effects.recycle!(lane));
    if (!reopened.ok) {
      failed(reopened.error);
      continue;
    }
    if (reopened.value === 0) continue;
    const queued = await attempt(() => effects.queueDepth(lane));
    if (!queued.ok) {
      failed(queued.error);
      continue;
    }
    observation.recycled = reopened.value;
    observation.queued = queued.value;
    emit({ type: 'guard_backlog_recycled', lane: lane.name, reopened: reopened.value, queued: queued.value });
  }
}

/**
 * A resume for every interrupted run that nothing runs, once per interruption (a record per run keeps the
 * `updatedAt` it was dispatched for), again after `resumeRetryMs` if it never took, at most
 * `maxResumesPerCycle`. Returns the records to keep: those of runs still unfinished (the rest are done
 * with), or the old ones untouched when the runs could not be listed.
 */
export async function dispatchResumes(
  scope: DecisionScope,
): Promise<{ reports: ResumeReport[]; records: GuardState['resumes']; error?: string }> {
  const { effects, prior, settings, now, emit } = scope;
  const listed = await attempt(() => effects.interruptedRuns());
  if (!listed.ok) return { reports: [], records: prior.resumes, error: listed.error };
  const records = Object.create(null) as GuardState['resumes'];
  const reports: ResumeReport[] = [];
  let dispatched = 0;
  // Oldest first: the run that has waited longest gets the slot.
  const runs = [...listed.value].sort((a, b) => a.updatedAt - b.updatedAt || a.runId.localeCompare(b.runId));
  for (const run of runs) {
    const record = own(prior.resumes, run.runId);
    if (record) records[run.runId] = record;
    const base = { runId: run.runId, status: run.status, updatedAt: run.updatedAt };
    if (run.active) {
      reports.push({ ...base, action: 'active' });
      continue;
    }
    if (record && record.updatedAt === run.updatedAt && now - record.dispatchedAt < settings.resumeRetryMs) {
      reports.push({ ...base, action: 'already_dispatched' });
      continue;
    }
    if (dispatched >= settings.maxResumesPerCycle) {
      reports.push({ ...base, action: 'limit' });
      continue;
    }
    dispatched += 1;
    const done = await attempt(() => effects.dispatchResume(run));
    if (done.ok) {
      records[run.runId] = { dispatchedAt: now, updatedAt: run.updatedAt };
      reports.push({ ...base, action: 'dispatched' });
      emit({ type: 'guard_resume_dispatched', runId: run.runId, updatedAt: run.updatedAt });
    } else {
      reports.push({ ...base, action: 'failed', error: done.error });
      emit({ type: 'guard_resume_failed', runId: run.runId, error: done.error });
    }
  }
  return { reports, records };
}

function failedProbe(endpointId: string, at: number, error: string): HealthProbe {
  return { endpointId, healthy: false, latencyMs: 0, models: [], checkedAt: at, error: error.slice(0, 200) };
}

function due(last: number | undefined, now: number, intervalMs: number): boolean {
  // A timestamp from the future (a clock that jumped back) must not silence probing for good.
  return last === undefined || now - last >= intervalMs || last > now;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: string };

/** Effects fail as values here: one broken lane or endpoint must not take the cycle down. */
async function attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: errorMessage(error).slice(0, 500) };
  }
}
