/**
 * One idle-guard cycle (the recovery loop that keeps an idle fleet working), the same locally (`keel guard once|loop`, the daemon)
 * and in Actions (`actions/guard`); only the effects differ:
 *
 *   1. probe the lanes' endpoints when `probeIntervalMs` has passed, scan capabilities when
 *      `capabilityIntervalMs` has (the timestamps live in the guard state, so a cron-driven `once` keeps
 *      the slower rhythm too);
 *   2. observe every lane: unclaimed queue depth, activity, pause flag, health against the floor; with
 *      `guard.recycle.enabled`, reopen the finished backlog of drained lanes nothing runs;
 *   3. decide (`guard-decide.ts`, where "idle" is defined): clear stale pauses on idle lanes, respect fresh
 *      ones, honour allow/deny, start the highest-work idle lanes first, at most `maxStartsPerCycle`;
 *   4. move the consecutive-idle counters, raise `persistent_idle_condition` when a lane's streak reaches
 *      `idleCyclesBeforeAlert` (once per streak) and resolve it when the streak ends;
 *   5. dispatch one resume per interruption for interrupted runs that nothing is running
 *      (`maxResumesPerCycle`);
 *   6. write `last-cycle.json` (the report), `state.json` and a line per event plus one per cycle to
 *      `history.ndjson`, all under `<stateDir>/guard/`.
 *
 * A failing effect is recorded against its lane, endpoint or run and the cycle goes on: the guard exists
 * for the days when things are broken. Only its own files failing to be written fails a cycle. Cycles are
 * serialised by a lock file, so a `once` from cron and a looping guard never both start the same lane.
 */
import { join } from 'node:path';
import { systemClock } from '../base/clock.ts';
import { redact as redactSecrets } from '../base/secrets.ts';
import { readJsonFile, writeFileAtomic } from '../base/atomic-file.ts';
import { FileLock } from '../base/file-lock.ts';
import { EventLog } from '../telemetry/event-log.ts';
import { endpointsById, judgeHealth, planLanes } from './guard-decide.ts';
import { readGuardState, serializeGuardState, type GuardState } from './guard-state.ts';
import {
  actOnLanes,
  dispatchResumes,
  moveCounters,
  observe,
  recycleDrained,
  refreshHealth,
  type CycleContext,
  type CycleScope,
  type DecisionScope,
} from './guard-steps.ts';
import { endpointReport } from './guard-report.ts';
import type { GuardCycleOptions, GuardCycleOutcome, GuardCycleReport, GuardEvent } from './guard-types.ts';
import type { LanesFile } from '../lanes/index.ts';
import {
  GUARD_STATE_FILE,
  GUARD_REPORT_FILE,
  GUARD_HISTORY_FILE,
  stateLayout,
} from '../base/state-layout.ts';

export type * from './guard-types.ts';

const LOCK_FILE = 'cycle.lock';
/** A cycle holding the lock longer than this is hung (probes are bounded by their timeout). */
const LOCK_STALE_MS = 10 * 60_000;

export function guardDirOf(lanesFile: LanesFile): string {
  return stateLayout(lanesFile.stateDir).guard.dir;
}

/** One cycle under the guard's lock; `busy` when another cycle holds it (it is doing this job right now). */
export async function runGuardCycle(options: GuardCycleOptions): Promise<GuardCycleOutcome> {
  const clock = options.clock ?? systemClock;
  const dir = options.guardDir ?? guardDirOf(options.lanesFile);
  const lock = new FileLock({ path: join(dir, LOCK_FILE), clock, attempts: 1, staleMs: LOCK_STALE_MS });
  const result = await lock.withLock(() => cycle({ ...options, clock, dir }));
  if (result.ok) return { kind: 'ran', report: result.value };
  return { kind: 'busy', lock: lock.path, ...(result.holder ? { holder: result.holder } : {}) };
}

async function cycle(ctx: CycleContext): Promise<GuardCycleReport> {
  const { lanesFile, config, effects, clock, dir } = ctx;
  const settings = lanesFile.guard;
  const startedAt = clock.now();
  const history = new EventLog({
    path: join(dir, GUARD_HISTORY_FILE),
    clock,
    redact: ctx.redact ?? ((text) => redactSecrets(text, [])),
  });
  const emit = (event: GuardEvent): void => {
    effects.events?.(event);
    void history.append(event);
  };

  const { state: prior, problem } = await loadState(join(dir, GUARD_STATE_FILE));
  if (problem !== undefined) emit({ type: 'guard_state_reset', problem });

  // 1. Probes and scans, when due.
  const endpoints = endpointsById(config);
  const scope: CycleScope = { effects, settings, prior, clock, emit };
  const health = await refreshHealth(ctx, scope, endpoints, startedAt);
  const { book, unreachable, wanted, probed, scanned } = health;

  // 2. Observe the lanes. Decisions are taken at `now`, after the probes came in (a probe stamped after
  // the decision time would read as a clock running ahead).
  const observations = await Promise.all(lanesFile.lanes.map((lane) => observe(scope, lane)));
  const now = clock.now();
  const decision: DecisionScope = { ...scope, now };
  for (const observation of observations) {
    observation.health = judgeHealth(
      observation.lane,
      endpoints,
      book,
      unreachable,
      now,
      settings.healthFloor,
    );
  }

  if (effects.recycle) await recycleDrained(decision, observations);

  // 3. Decide and act on the lanes.
  const { plans, starts } = planLanes(observations, prior.lanes, settings, now);
  const acted = await actOnLanes(decision, plans, starts, ctx.actor ?? 'keel-guard');

  // 4. Counters and alerts.
  const next: GuardState = {
    ...prior,
    cycle: prior.cycle + 1,
    updatedAt: now,
    unreachable: [...unreachable].sort(),
    health: book.snapshot(),
  };
  if (probed) next.lastProbeAt = startedAt;
  if (scanned) next.lastScanAt = startedAt;
  const moved = await moveCounters(decision, plans, acted.outcomes);
  next.lanes = moved.lanes;
  const { alerts, laneReports } = moved;
  const idleLanes = laneReports.filter((lane) => lane.status === 'idle').map((lane) => lane.lane);
  const activeLanes = laneReports.filter((lane) => lane.status === 'active').length;
  const fleetIdle = idleLanes.length > 0 && activeLanes === 0;
  next.fleet = fleetIdle
    ? { idleCycles: prior.fleet.idleCycles + 1, idleSince: prior.fleet.idleSince ?? now }
    : { idleCycles: 0 };

  // 5. Resumes.
  const resumes = await dispatchResumes(decision);
  next.resumes = resumes.records;

  const report: GuardCycleReport = {
    version: 1,
    cycle: next.cycle,
    startedAt,
    finishedAt: clock.now(),
    probed,
    scanned,
    ...(next.lastProbeAt !== undefined ? { lastProbeAt: next.lastProbeAt } : {}),
    ...(next.lastScanAt !== undefined ? { lastScanAt: next.lastScanAt } : {}),
    endpoints: wanted.map((endpoint) => endpointReport(endpoint.id, book, unreachable, now)),
    lanes: laneReports,
    fleet: { idle: fleetIdle, idleCycles: next.fleet.idleCycles, active: activeLanes, idleLanes },
    started: acted.started,
    pausesCleared: acted.pausesCleared,
    resumes: resumes.reports,
    ...(resumes.error !== undefined ? { resumeError: resumes.error } : {}),
    alerts,
    ...(problem !== undefined ? { stateProblem: problem } : {}),
  };

  // 6. The files. The state goes last: if anything before it fails, the next cycle sees the old one.
  void history.append({
    type: 'guard_cycle',
    cycle: report.cycle,
    started: acted.started,
    idleLanes,
    fleetIdleCycles: report.fleet.idleCycles,
    lanes: Object.fromEntries(
      laneReports.map((lane) => [
        lane.lane,
        { status: lane.status, action: lane.action, queued: lane.queued, idleCycles: lane.idleCycles },
      ]),
    ),
    resumed: resumes.reports.filter((run) => run.action === 'dispatched').map((run) => run.runId),
  });
  await history.flush();
  await writeFileAtomic(join(dir, GUARD_REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  await writeFileAtomic(join(dir, GUARD_STATE_FILE), serializeGuardState(next));
  return report;
}

async function loadState(path: string): Promise<{ state: GuardState; problem?: string }> {
  const read = await readJsonFile(path);
  if (read.ok) return readGuardState(read.value);
  if (read.reason === 'missing') return readGuardState(undefined);
  return { ...readGuardState(undefined), problem: `previous guard state ignored: ${read.detail}` };
}
