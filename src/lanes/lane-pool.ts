/**
 * The lane's loop around the per-task flow: it keeps up to `limit()` tasks in flight, asks the lane for the
 * next one whenever there is room, and ends the lane once a stop is decided and every task in flight has
 * ended. With a limit of one it is the one-task-at-a-time lane it always was.
 *
 * - Room: a task ending frees its place at once (its finish may already have claimed the next task in the
 *   same claim-store write: the lane hands that one over first).
 * - Stop: once the intake says stop (drained, paused, `maxTasks`, the lane's signal) or a task's end does
 *   (interrupted, too many errors), nothing new is started; the tasks in flight run to their end (on the
 *   lane's signal they checkpoint and stay claimed: a restart resumes each). The lane's result is the first
 *   stop a task asked for, else the intake's.
 * - A task whose flow threw (the claim store became unreadable) is rethrown once the others have ended.
 */
import { abortReason, type Clock } from '../base/clock.ts';
import type { ClaimEntry } from '../queue/claim-store.ts';
import type { LaneConcurrency } from './lane-concurrency.ts';

export type LaneStop = 'drained' | 'max-tasks' | 'stopped' | 'paused' | 'interrupted' | 'errors';
export type StopStep = { stop: LaneStop; detail?: string };
export type Step = 'continue' | StopStep;

/** What the lane's intake came to. */
export type Intake =
  | { entry: ClaimEntry; resumed: boolean }
  /** Look again at once (a task reopened, a claim lost to another lane). */
  | 'again'
  /** Nothing to take now: wait a poll (or less: woken), or until a task ends. */
  | 'idle'
  | 'paused'
  /** No room for another task before one ends (`maxTasks`). */
  | 'full'
  | StopStep;

export interface PoolHost {
  concurrency: LaneConcurrency;
  clock: Clock;
  signal: AbortSignal;
  /** The next task to start, `running` being the tasks in flight. */
  next(running: number): Promise<Intake>;
  /** One task's whole flow: run, record the outcome (maybe claiming the next), report. */
  run(entry: ClaimEntry, resumed: boolean): Promise<Step>;
  /** Waits one poll, or less when woken or when `until` aborts; never throws. */
  idle(status: 'idle' | 'paused', until: AbortSignal): Promise<void>;
  /** A stop was decided: no task is to be claimed from now on (the handover included). */
  stopTaking(): void;
  /** The limit changed (auto). */
  resized?(change: { from: number; to: number; why: string }): void;
}

type Settled = { ok: true; step: Step } | { ok: false; error: unknown };

export async function runPool(host: PoolHost): Promise<StopStep> {
  const flight = new InFlight();
  let intakeStop: StopStep | undefined;
  let taskStop: StopStep | undefined;
  let failure: { error: unknown } | undefined;
  const collect = (): void => {
    for (const settled of flight.take()) {
      if (!settled.ok) failure ??= { error: settled.error };
      else if (settled.step !== 'continue') taskStop ??= settled.step;
    }
  };
  for (;;) {
    collect();
    if (taskStop || failure) break;
    const change = host.concurrency.review(flight.size);
    if (change) host.resized?.(change);
    // Full: wait for a place (or the next review). Once the lane is told to stop, the intake says so.
    if (flight.size >= host.concurrency.limit() && !host.signal.aborted) {
      await flight.oneEnds(host.clock, host.concurrency.nextReviewIn(), host.signal);
      continue;
    }
    const intake = await host.next(flight.size);
    if (typeof intake === 'object' && 'entry' in intake) {
      const { entry, resumed } = intake;
      flight.start(() => host.run(entry, resumed));
    } else if (typeof intake === 'object') {
      intakeStop = intake;
      break;
    } else if (intake === 'full') {
      await flight.oneEnds(host.clock, host.concurrency.nextReviewIn(), host.signal);
    } else if (intake !== 'again') {
      await waitIdle(host, flight, intake);
    }
  }
  host.stopTaking();
  await flight.all();
  collect();
  if (failure) throw failure.error;
  return taskStop ?? intakeStop ?? { stop: 'stopped' };
}

/** A poll's wait, cut short by a task ending (its place is free again) or by the next review. */
async function waitIdle(host: PoolHost, flight: InFlight, status: 'idle' | 'paused'): Promise<void> {
  if (flight.size === 0) {
    await host.idle(status, host.signal);
    return;
  }
  const stop = new AbortController();
  try {
    await Promise.race([
      host.idle(status, stop.signal),
      flight.oneEnds(host.clock, host.concurrency.nextReviewIn(), stop.signal),
    ]);
  } finally {
    stop.abort();
  }
}

/** The tasks in flight, as promises that never reject, and what the ended ones came to. */
class InFlight {
  readonly #running = new Set<Promise<void>>();
  #ended: Settled[] = [];
  #wake: (() => void) | undefined;

  get size(): number {
    return this.#running.size;
  }

  start(work: () => Promise<Step>): void {
    const task: Promise<void> = work().then(
      (step) => this.#end(task, { ok: true, step }),
      (error: unknown) => this.#end(task, { ok: false, error }),
    );
    this.#running.add(task);
  }

  /** What ended since the last call. */
  take(): Settled[] {
    const ended = this.#ended;
    this.#ended = [];
    return ended;
  }

  /** Resolves when a task ends (at once if one has and was not taken yet), after `ms`, or when `signal` aborts. */
  async oneEnds(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
    if (this.#ended.length > 0 || this.#running.size === 0) return;
    const timer = new AbortController();
    const onAbort = (): void => timer.abort(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const ended = new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      const waits = [ended];
      if (Number.isFinite(ms)) waits.push(clock.sleep(ms, timer.signal).catch(() => undefined));
      if (!signal.aborted) await Promise.race(waits);
    } finally {
      this.#wake = undefined;
      signal.removeEventListener('abort', onAbort);
      timer.abort();
    }
  }

  async all(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }

  #end(task: Promise<void>, settled: Settled): void {
    this.#running.delete(task);
    this.#ended.push(settled);
    this.#wake?.();
  }
}
