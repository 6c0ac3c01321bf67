/**
 * How a lane runs a task: through the run engine (`startRun`), under a run id derived from the task id, so
 * that a lane killed mid-task resumes the very same run when it comes back — its checkpoint, its work
 * branch, its effects — instead of starting the task over.
 */
import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../base/clock.ts';
import { errorMessage } from '../base/errors.ts';
import type { KeelConfig } from '../config/schema.ts';
import type { RouterEvent } from '../fleet/router-types.ts';
import type { QueueTask } from '../queue/types.ts';
import { RUN_ID_PATTERN } from '../base/run-id.ts';
import { LeaseHeldError, readRunLease } from '../run/run-lease.ts';
import type { ProcessEvents } from '../run/shutdown.ts';
import { RunStartError, startRun } from '../run/start-run.ts';
import { WorkspaceError } from '../git/workspace.ts';
import type { RemoteAuth } from '../git/git-runner.ts';
import type { BaseBranchHint } from '../run/run-base.ts';
import { TaskStateStore } from '../run/state-store.ts';
import { isUnfinished, type RunState, type RunStatus } from '../run/state.ts';
import type { Effects } from '../run/effects.ts';
import { stateLayout } from '../base/state-layout.ts';
import { fanOutProcessEvents } from './shared-process-events.ts';

export interface LaneTaskContext {
  runId: string;
  /** The lane found the task claimed by itself at start: a restart after a crash or a stop. */
  resumed: boolean;
  signal: AbortSignal;
  /** The run's router events (the lane's `auto` concurrency reads how long requests ran and waited). */
  onRouterEvent?: (event: RouterEvent) => void;
}

export interface LaneRunOutcome {
  status: RunStatus;
  runId: string;
  detail?: string;
}

/**
 * Whether an engine failure is the task's own — it can never run as written (no task text left, a run id or
 * branch name git refuses, a checkout keel refuses) — rather than the machine's (disk, locks, git, the
 * network). A task fault is recorded `failed` at once, without retries, and does not count toward stopping
 * the lane: one bad task must not hold up the queue behind it.
 */
export function isTaskFault(error: unknown): boolean {
  return error instanceof RunStartError || (error instanceof WorkspaceError && error.reason === 'invalid');
}

/** Runs one task to an end (or to an interruption); the lane records the outcome. */
export type LaneEngine = (task: QueueTask, ctx: LaneTaskContext) => Promise<LaneRunOutcome>;

/**
 * `q-<id>` for the first run of a task, `q<n>-<id>` for its n-th recycle (a finished run is not run again
 * under its own id). Ids that are not valid run ids as they stand (a `:`, over 60 characters) become
 * `qh…-<sanitised head>-<hash>`. The prefix before the first `-` tells the forms apart, so two task ids
 * never share a run id (short of a 48-bit hash collision).
 */
export function laneRunId(taskId: string, recycles = 0): string {
  const n = recycles > 0 ? String(recycles) : '';
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,60}$/.test(taskId)) return `q${n}-${taskId}`;
  const hash = createHash('sha256').update(taskId).digest('hex').slice(0, 12);
  const head = taskId.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40);
  const runId = `qh${n}-${head}-${hash}`;
  return RUN_ID_PATTERN.test(runId) ? runId : `qh${n}-${hash}`;
}

/**
 * The engine, tried again when it throws (up to `attempts`, backing off `backoffMs` more per attempt): a run
 * that could not even start is often weather — concurrent `git worktree add`s in one repository race on
 * each other's half-made admin directories — and the same run id resumes whatever the last try left.
 */
export async function attemptEngine(
  engine: LaneEngine,
  task: QueueTask,
  options: LaneTaskContext & {
    attempts: number;
    backoffMs: number;
    clock: Clock;
    onRetry: (attempt: number, error: string) => void;
  },
): Promise<{ outcome: LaneRunOutcome } | { error: string; taskFault: boolean }> {
  const { attempts, backoffMs, clock, onRetry, ...ctx } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return { outcome: await engine(task, { ...ctx, resumed: ctx.resumed || attempt > 1 }) };
    } catch (error) {
      const taskFault = isTaskFault(error);
      // A task that cannot run as written will not run on a second try either.
      if (ctx.signal.aborted || taskFault || attempt >= attempts)
        return { error: errorMessage(error), taskFault };
      onRetry(attempt, errorMessage(error));
      await clock.sleep(backoffMs * attempt, ctx.signal).catch(() => undefined);
    }
  }
}

export interface EngineLaneOptions {
  config: KeelConfig;
  repo: string;
  stateDir: string;
  env: Record<string, string | undefined>;
  progress: (line: string) => void;
  clock?: Clock;
  /** Tests pass an EventEmitter; by default the run listens to the process's signals. */
  processEvents?: ProcessEvents;
  /** How a human resumes the run, for its recovery record (default: `keel run --resume …`). */
  resumeCommand?: (runId: string) => string;
  /** Where the lane's runs publish; without it, as records under the state directory (`LocalEffects`). */
  publish?: LanePublish;
}

/**
 * A lane that publishes like the Action (on GitHub: issues, the pull request from the pushed work branch, the
 * checkpoint on the state branch), behind one small interface so the lane runner knows nothing of where.
 */
export interface LanePublish {
  /** Brings the run's checkpoint here when another machine had it (a resume on a fresh runner). */
  restore?(runId: string): Promise<void>;
  effects(runDir: string, state: RunState): Effects;
  /** The remote the work branch is pushed to before the pull request is opened. */
  pushTo?: string;
  /** What those pushes (and the run's fetches) authenticate with; without it, the checkout's credential. */
  remoteAuth?: RemoteAuth;
  /** Where a new run's pull request goes when the checkout is a detached HEAD (`run/run-base.ts`). */
  baseBranch?: BaseBranchHint;
  /** After the run ended or stopped: its durable copies (never throws). */
  saved?(run: { runId: string; runDir: string }): Promise<void>;
}

export function engineLane(options: EngineLaneOptions): LaneEngine {
  const clock = options.clock ?? systemClock;
  // One set of listeners on the process for all the lane's runs in flight (`shared-process-events.ts`).
  const processEvents = options.processEvents ?? fanOutProcessEvents();
  return async (task, ctx) => {
    const runDir = stateLayout(options.stateDir).run(ctx.runId).dir;
    const publish = options.publish;
    await publish?.restore?.(ctx.runId);
    for (;;) {
      await waitForOtherRunner(runDir, options.config, clock, ctx.signal);
      // A run that ended before the lane could record it (killed in between): its outcome, not a second go —
      // `startRun` would retry a failed run.
      const saved = await new TaskStateStore({ runDir, clock }).load();
      if (saved.state && !isUnfinished(saved.state)) return outcomeOf(saved.state);
      try {
        const outcome = await runTask(task, ctx, publish);
        // Taken over by another process meanwhile: its outcome is the run's, once it ends.
        if (outcome !== 'superseded' || ctx.signal.aborted)
          return outcome === 'superseded' ? stopped(ctx) : outcome;
      } catch (error) {
        // Another process took the run between the wait and the start: wait for that one instead.
        if (!(error instanceof LeaseHeldError) || ctx.signal.aborted) throw error;
      }
    }
  };

  async function runTask(
    task: QueueTask,
    ctx: LaneTaskContext,
    publish: LanePublish | undefined,
  ): Promise<LaneRunOutcome | 'superseded'> {
    const runDir = stateLayout(options.stateDir).run(ctx.runId).dir;
    let outcome: LaneRunOutcome | 'superseded';
    try {
      outcome = await startTask(task, ctx, publish);
    } catch (error) {
      // Also after a throw: whatever the run saved is worth keeping where other machines see it — unless
      // another process holds the run, whose copies are its own to make.
      if (!(error instanceof LeaseHeldError)) await publish?.saved?.({ runId: ctx.runId, runDir });
      throw error;
    }
    if (outcome !== 'superseded') await publish?.saved?.({ runId: ctx.runId, runDir });
    return outcome;
  }

  async function startTask(
    task: QueueTask,
    ctx: LaneTaskContext,
    publish: LanePublish | undefined,
  ): Promise<LaneRunOutcome | 'superseded'> {
    const { state, superseded } = await startRun({
      config: options.config,
      repo: options.repo,
      stateDir: options.stateDir,
      task: task.text,
      taskSource: 'queue',
      runId: ctx.runId,
      env: options.env,
      progress: options.progress,
      signal: ctx.signal,
      clock,
      processEvents,
      ...(ctx.onRouterEvent ? { onRouterEvent: ctx.onRouterEvent } : {}),
      ...(options.resumeCommand ? { resumeCommand: options.resumeCommand } : {}),
      ...(publish
        ? {
            effects: (dir: string, current: RunState) => publish.effects(dir, current),
            ...(publish.pushTo !== undefined ? { pushTo: publish.pushTo } : {}),
            ...(publish.remoteAuth ? { remoteAuth: publish.remoteAuth } : {}),
            ...(publish.baseBranch ? { baseBranch: publish.baseBranch } : {}),
          }
        : {}),
    });
    return superseded ? 'superseded' : outcomeOf(state);
  }
}

/** The lane stopped while another process had its run: the run is unfinished, to be resumed. */
function stopped(ctx: LaneTaskContext): LaneRunOutcome {
  return { status: 'interrupted', runId: ctx.runId, detail: 'another process holds the run' };
}

function outcomeOf(state: {
  runId: string;
  status: RunStatus;
  interruption?: { reason: string };
}): LaneRunOutcome {
  return {
    status: state.status,
    runId: state.runId,
    ...(state.interruption ? { detail: state.interruption.reason } : {}),
  };
}

/**
 * The guard may have dispatched `keel run --resume` for this run while the lane was down: two processes
 * must not drive one run. While another process holds the run's lease (alive, heartbeat fresh), wait for it
 * to end — `startRun` would refuse.
 */
async function waitForOtherRunner(runDir: string, config: KeelConfig, clock: Clock, signal: AbortSignal) {
  const staleMs = Math.max(config.run.leaseStaleMs, 3 * config.run.heartbeatMs);
  for (;;) {
    const lease = await readRunLease(runDir, clock.now(), staleMs);
    if (lease.state !== 'live' || lease.record?.pid === process.pid) return;
    try {
      await clock.sleep(config.run.heartbeatMs, signal);
    } catch {
      return; // stopping: startRun sees the signal and checkpoints at once
    }
  }
}
