/**
 * A lane: a worker bound to one queue. It claims tasks (its own — `owner` = its name — and unowned ones),
 * runs each through the engine, and records how each ended in the claim store; many lanes, in one process
 * or many, drain one queue and each task is claimed exactly once.
 *
 * - Restart: the lane first resumes the tasks it had claimed and not finished (a crash, a SIGTERM): the
 *   run id is derived from the task id, so the run picks up from its checkpoint.
 * - Outcomes: completed / partial / degraded → `done`; failed → `blocked`; interrupted → left claimed (the
 *   lane stops; its restart resumes the run); a task that cannot run as written (`isTaskFault`) → `failed` at
 *   once, and the lane goes on; the engine throwing anything else three times → `failed`, and after
 *   `maxConsecutiveErrors` of those in a row the lane stops (a broken setup must not burn the queue). Only
 *   those count: one bad task never stops a lane.
 * - Concurrency (`lane-pool.ts`, `lane-concurrency.ts`): up to `concurrency.limit()` tasks in flight, each
 *   its own run and worktree; every rule here holds per task, and a stop waits for every task in flight.
 * - Pause: while the pause flag exists it claims nothing (the runs under way go on to their end).
 * - Persistent (`--persistent`): a drained queue is waited on — polled, and woken early by `wake` (a file
 *   watch) — instead of ending the lane. This is what keeps work flowing while the coordinator is down.
 * - Order (`LaneBacklog`): new work before recycled work; higher priority first, then queue order.
 * - Between two tasks, one write: the finished task's outcome and the claim of the next go in one claim-store
 *   transaction (unless the lane stops after this task: paused, at `maxTasks`, stopping, too many errors, or
 *   the place it frees is not to be filled: the limit shrank).
 * - The heartbeat beats all along, also during a long run.
 */
import { abortReason, systemClock, type Clock } from '../base/clock.ts';
import { taskOf, type ClaimEntry, type ClaimResult } from '../queue/claim-store.ts';
import { recycleCycle } from '../queue/recycle.ts';
import type { ClaimOutcome, QueueEvent, QueueTask } from '../queue/types.ts';
import type { LogEvent } from '../telemetry/event-log.ts';
import { LaneIntake, type ClaimRequest, type TaskSource } from './lane-intake.ts';
import { attemptEngine, laneRunId } from './lane-engine.ts';
import { fixedConcurrency, type LaneConcurrency } from './lane-concurrency.ts';
import { runPool, type Intake, type LaneStop, type Step, type StopStep } from './lane-pool.ts';
import { isPaused, LaneStatus } from './lane-status.ts';
import { stateLayout } from '../base/state-layout.ts';
import type { LaneResult, LaneRunnerOptions, TaskFinish } from './lane-runner-options.ts';

export type { LaneResult, LaneRunnerOptions } from './lane-runner-options.ts';
export type { TaskSource, LaneStop };

export const DEFAULT_POLL_MS = 2_000;
const FINISH_ATTEMPTS = 10;
/** Engine calls per task and lane start when the engine throws (a run that ends badly is not retried). */
const MAX_ATTEMPTS = 3;

export class LaneRunner {
  readonly #o: LaneRunnerOptions;
  readonly #clock: Clock;
  readonly #signal: AbortSignal;
  readonly #pollMs: number;
  readonly #intake: LaneIntake;
  readonly #concurrency: LaneConcurrency;
  #lastRecycle = Number.NEGATIVE_INFINITY;
  readonly #status: LaneStatus;
  #paused = false;
  #consecutiveErrors = 0;
  /** Claimed before the restart and not finished: started first. */
  #resumable: ClaimEntry[] = [];
  /** Claimed together with an outcome, to be started next. */
  readonly #handedOver: ClaimEntry[] = [];
  /** False once a stop is decided: nothing more is claimed. */
  #taking = true;
  /** Reads of the queue one at a time (the main loop and a finish's handover may both look). */
  #intakeTurn: Promise<unknown> = Promise.resolve();
  readonly #outcomes: Record<ClaimOutcome, number> = { done: 0, blocked: 0, failed: 0 };

  constructor(options: LaneRunnerOptions) {
    this.#o = options;
    this.#clock = options.clock ?? systemClock;
    this.#signal = options.signal ?? new AbortController().signal;
    this.#pollMs = Math.max(1, options.pollMs ?? DEFAULT_POLL_MS);
    this.#concurrency = options.concurrency ?? fixedConcurrency(1);
    this.#status = new LaneStatus({
      file: options.heartbeatFile,
      lane: options.lane,
      clock: this.#clock,
      concurrency: () => this.#concurrency.limit(),
    });
    this.#intake = new LaneIntake({
      ...options,
      clock: this.#clock,
      event: (event) => this.#event(event),
    });
  }

  async run(): Promise<LaneResult> {
    const stopBeat = new AbortController();
    const beat = this.#status.beat(
      // At most 5 s also with a long poll (the watchdog judges a lane by its heartbeat's age), and at least 1 s
      // with a short one: each beat is an fsynced write, and staleness is judged in minutes.
      Math.min(Math.max(this.#pollMs, 1_000), 5_000),
      stopBeat.signal,
      (error) => this.#event({ type: 'lane_heartbeat_failed', error }),
    );
    let result: LaneResult | undefined;
    try {
      const end = await this.#work();
      result = { ...end, processed: this.#status.processed, outcomes: { ...this.#outcomes } };
      return result;
    } finally {
      stopBeat.abort();
      await beat;
      await this.#status.close();
      this.#event({ type: 'lane_stopped', lane: this.#o.lane, stop: result?.stop ?? 'error', ...result });
      await this.#o.events.flush();
    }
  }

  async #work(): Promise<StopStep> {
    const { store, lane, queueFile } = this.#o;
    await store.refresh();
    this.#intake.seek(store.cursor(queueFile));
    this.#resumable = store.inFlight(lane);
    this.#event({
      type: 'lane_started',
      lane,
      queueFile,
      persistent: this.#o.persistent ?? false,
      resumable: this.#resumable.length,
      concurrency: this.#concurrency.setting,
    });
    const end = await runPool({
      concurrency: this.#concurrency,
      clock: this.#clock,
      signal: this.#signal,
      next: (running) => this.#next(running),
      run: (entry, resumed) => this.#runClaimed(entry, resumed),
      idle: (status, until) => this.#idle(status, until),
      stopTaking: () => {
        this.#taking = false;
      },
      resized: (change) => {
        this.#event({ type: 'lane_concurrency', lane, ...change });
        this.#status.resized();
      },
    });
    // Claimed with an outcome just before the stop: the restart resumes them like any claimed task.
    for (const entry of this.#handedOver.splice(0))
      this.#event({ type: 'task_left_claimed', taskId: entry.id, status: 'not started' });
    return end;
  }

  /** The next task to start: one claimed before the restart, one handed over, or a new claim. */
  async #next(running: number): Promise<Intake> {
    const { store, lane, maxTasks } = this.#o;
    if (this.#signal.aborted) return { stop: 'stopped' };
    const resumable = this.#resumable.shift();
    if (resumable) {
      this.#progress(`resuming ${resumable.id} (claimed before the restart)`);
      return { entry: resumable, resumed: true };
    }
    const handedOver = this.#handedOver.shift();
    if (handedOver) return { entry: handedOver, resumed: false };
    if (maxTasks !== undefined && this.#status.processed + running >= maxTasks)
      return running === 0 ? { stop: 'max-tasks' } : 'full';
    if (await this.#checkPause()) {
      if (!this.#o.persistent) return { stop: 'paused', detail: this.#o.pauseFlag };
      return 'paused';
    }
    const next = await this.#look(() => this.#intake.next());
    if (next === undefined) {
      await this.#look(() => this.#intake.saveCursor());
      if (await this.#recycled()) return 'again';
      // Drained only when nothing runs any more: a run still in flight may end interrupted, or claim more.
      if (!this.#o.persistent && running === 0) return { stop: 'drained' };
      return 'idle';
    }
    if (this.#o.shared && !(await this.#o.shared.take(next.task, laneRunId(next.task.id)))) {
      this.#intake.drop(next.task.id);
      this.#event({ type: 'task_claimed_elsewhere', taskId: next.task.id, ref: next.task.ref });
      return 'again';
    }
    const claim = await store.claim(next.task.id, lane, next);
    const entry = this.#claimed(next.task, claim);
    if (entry) return { entry, resumed: false };
    return claim.kind === 'lock-busy' ? 'idle' : 'again';
  }

  /** One look at the queue at a time. */
  #look<T>(read: () => Promise<T>): Promise<T> {
    const turn = this.#intakeTurn.then(read);
    this.#intakeTurn = turn.catch(() => undefined);
    return turn;
  }

  /** What a claim came to: the entry to run, or undefined (someone else has it, or the lock was busy). */
  #claimed(task: QueueTask, claim: ClaimResult): ClaimEntry | undefined {
    switch (claim.kind) {
      case 'claimed':
        this.#intake.drop(task.id);
        this.#event({ type: 'task_claimed', taskId: task.id, ref: task.ref, attempt: claim.entry.attempts });
        return claim.entry;
      case 'already-claimed':
      case 'unknown-task':
        this.#intake.drop(task.id);
        return undefined;
      case 'lock-busy':
        this.#intake.giveBack(task.id);
        this.#event({ type: 'lane_claim_busy', taskId: task.id });
        return undefined;
    }
  }

  /**
   * The task to claim in the same transaction that records the one just finished (the next cycle runs it),
   * when the lane goes on: not stopping, not at `maxTasks` after this one, not paused. A look that fails
   * (a claim-state file gone bad) claims nothing here; the next cycle meets the problem and stops the lane.
   */
  async #handoverCandidate(): Promise<ClaimRequest | undefined> {
    const { maxTasks } = this.#o;
    if (this.#signal.aborted || !this.#taking) return undefined;
    // This task's place is the one to fill: the others in flight and the ones handed over keep theirs.
    const committed = this.#status.inFlight + this.#handedOver.length;
    if (committed > this.#concurrency.limit()) return undefined;
    if (maxTasks !== undefined && this.#status.processed + committed >= maxTasks) return undefined;
    if (this.#o.shared) return undefined;
    try {
      if (await this.#checkPause()) return undefined;
      return await this.#look(() => this.#intake.next());
    } catch {
      return undefined;
    }
  }

  async #runClaimed(entry: ClaimEntry, resumed: boolean): Promise<Step> {
    const task = taskOf(entry);
    const runId = laneRunId(task.id, entry.recycles);
    this.#status.started(task.id, runId);
    this.#event({ type: 'task_started', taskId: task.id, runId, resumed });
    this.#progress(`${resumed ? 'resuming' : 'running'} ${task.id} as run ${runId}`);
    let step: Step = 'continue';
    const attempt = await attemptEngine(this.#o.engine, task, {
      runId,
      resumed,
      signal: this.#signal,
      onRouterEvent: (event) => this.#concurrency.observe(event),
      attempts: MAX_ATTEMPTS,
      backoffMs: this.#pollMs,
      clock: this.#clock,
      onRetry: (attempt, error) =>
        this.#event({ type: 'task_retry', taskId: task.id, runId, attempt, error }),
    });
    if ('outcome' in attempt) {
      this.#consecutiveErrors = 0;
      const { status, detail } = attempt.outcome;
      if (status === 'interrupted' || status === 'running') {
        // Left claimed: the lane's restart resumes the run from its checkpoint.
        this.#event({ type: 'task_left_claimed', taskId: task.id, runId, status, detail });
        this.#progress(`${task.id}: run ${runId} ${status}; left claimed for the restart to resume`);
        step = this.#signal.aborted ? { stop: 'stopped' } : { stop: 'interrupted', detail };
      } else {
        const result: ClaimOutcome = status === 'failed' ? 'blocked' : 'done';
        await this.#finish({
          taskId: task.id,
          outcome: result,
          detail: detail ?? `run ${runId}: ${status}`,
          runId,
          status,
        });
      }
    } else if (this.#signal.aborted) {
      this.#event({ type: 'task_left_claimed', taskId: task.id, runId, error: attempt.error });
      step = { stop: 'stopped' };
    } else if (attempt.taskFault) {
      // The task's own fault: recorded, and the next task runs. Not the machine's, so no streak.
      this.#event({ type: 'task_cannot_run', taskId: task.id, runId, error: attempt.error });
      await this.#finish({
        taskId: task.id,
        outcome: 'failed',
        detail: attempt.error,
        runId,
        status: 'error',
      });
    } else {
      this.#consecutiveErrors++;
      const max = this.#o.maxConsecutiveErrors ?? 3;
      const goesOn = this.#consecutiveErrors < max;
      await this.#finish({
        taskId: task.id,
        outcome: 'failed',
        detail: attempt.error,
        runId,
        status: 'error',
        goesOn,
      });
      if (!goesOn)
        step = { stop: 'errors', detail: `${max} tasks in a row failed to run; last: ${attempt.error}` };
    }
    this.#status.ended(task.id);
    return step;
  }

  /**
   * Records the outcome — and claims the next task in the same write when there is one (`#handedOver`); a
   * busy lock is tried again (the outcome of a finished run must not be lost).
   */
  async #finish({ taskId, outcome, detail, runId, status, goesOn = true }: TaskFinish) {
    const { store, lane } = this.#o;
    const next = goesOn ? await this.#handoverCandidate() : undefined;
    for (let attempt = 1; attempt <= FINISH_ATTEMPTS; attempt++) {
      const written = next
        ? await store.finishAndClaim(
            { taskId, outcome, detail, lane, runId },
            { taskId: next.task.id, ...next },
          )
        : { finish: await store.finish(taskId, outcome, detail, { lane, runId }) };
      const finished = 'finish' in written ? written.finish : written;
      if (finished.kind === 'lock-busy') {
        await this.#clock.sleep(this.#pollMs);
        continue;
      }
      this.#status.counted();
      this.#outcomes[outcome]++;
      if (finished.kind === 'not-claimed') {
        // Someone changed the entry under us (a human, a recycle of a stale claim): say so, keep theirs.
        this.#event({ type: 'task_finish_conflict', taskId, runId, outcome, state: finished.entry?.state });
      } else {
        this.#event({ type: 'task_finished', taskId, runId, outcome, status, detail: detail.slice(0, 300) });
      }
      this.#progress(`${taskId}: ${outcome} (run ${runId}: ${status})`);
      if (next && 'claim' in written) {
        const entry = this.#claimed(next.task, written.claim);
        if (entry) this.#handedOver.push(entry);
      }
      return;
    }
    // Still claimed: the restart resumes the run, finds it finished and records the outcome then.
    if (next) this.#intake.giveBack(next.task.id);
    this.#event({ type: 'task_finish_deferred', taskId, runId, outcome });
  }

  /** A recycle cycle when one is configured and due (at most once per `afterMs / 10`); whether it reopened any. */
  async #recycled(): Promise<boolean> {
    const settings = this.#o.recycle;
    if (settings === undefined) return false;
    const now = this.#clock.now();
    if (now - this.#lastRecycle < Math.max(this.#pollMs, settings.afterMs / 10)) return false;
    this.#lastRecycle = now;
    const applied = await recycleCycle(this.#o.store, settings, this.#clock, (event) => this.#event(event));
    return applied !== 'lock-busy' && applied.reopened.length > 0;
  }

  async #checkPause(): Promise<boolean> {
    const paused = await isPaused(this.#o.pauseFlag);
    if (paused !== this.#paused) {
      this.#paused = paused;
      this.#event({
        type: paused ? 'lane_paused' : 'lane_unpaused',
        lane: this.#o.lane,
        flag: this.#o.pauseFlag,
      });
      this.#progress(paused ? `paused (${this.#o.pauseFlag})` : 'pause lifted');
    }
    return paused;
  }

  /**
   * Waits one poll (or less, when woken or when `until` aborts); never throws, also not when the signal
   * aborts. The status shows only when no task is in flight (a lane with runs under way is running).
   */
  async #idle(status: 'idle' | 'paused', until: AbortSignal): Promise<void> {
    await this.#status.show(status);
    if (this.#signal.aborted || until.aborted) return;
    const stop = new AbortController();
    const onAbort = (): void => stop.abort(abortReason(this.#signal));
    this.#signal.addEventListener('abort', onAbort, { once: true });
    until.addEventListener('abort', onAbort, { once: true });
    try {
      // Each wait settles quietly: the loser is aborted below and must not become an unhandled rejection.
      const waits = [this.#clock.sleep(this.#pollMs, stop.signal).catch(() => undefined)];
      if (this.#o.wake && status === 'idle') waits.push(this.#o.wake(stop.signal).catch(() => undefined));
      await Promise.race(waits);
    } finally {
      stop.abort();
      this.#signal.removeEventListener('abort', onAbort);
      until.removeEventListener('abort', onAbort);
    }
  }

  #event(event: LogEvent | QueueEvent): void {
    void this.#o.events.append(event);
  }

  #progress(line: string): void {
    this.#o.progress?.(`[lane ${this.#o.lane}] ${line}`);
  }
}

/** `<stateDir>/lanes/<name>`: the lane's heartbeat, events and default pause flag. */
export function laneDirOf(stateDir: string, lane: string): string {
  return stateLayout(stateDir).lane(lane).dir;
}
