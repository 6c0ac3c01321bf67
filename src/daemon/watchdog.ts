/**
 * The watchdog: keeps named child processes alive — the guard and every lane are restarted whenever they
 * die. Each child runs in a loop of its own:
 *
 *   start → run until it exits, its heartbeat goes stale, or shutdown → stop its group → wait the backoff
 *
 * - Any end is a failure and is followed by a restart after the backoff of `watchdog-backoff.ts` (1, 2, 4 …
 *   60 s, reset after 60 s of health). The wait is a `clock.sleep` that only shutdown interrupts: a child
 *   that crashes at once is restarted no faster than its backoff allows, so a crash loop never spins.
 * - Except the exit 0 of a child that runs to an end (`ChildSpec.finishes`: a lane that is not persistent
 *   and drained its queue): it is `finished` — no restart, no failure counted — until its start request
 *   file appears (`start-request.ts`), and then it starts at once.
 * - A child may be watched by a heartbeat file (its path is in the child's `KEEL_HEARTBEAT_FILE`): a
 *   heartbeat not seen to change for `maxAgeMs` after a start-up grace means hung (`heartbeat-watch.ts`),
 *   and the child is stopped like a dead one and restarted. The file is removed before each start, so a beat
 *   left by the previous incarnation cannot vouch for the new one.
 * - Every start, exit, stale heartbeat, escalation to SIGKILL and scheduled restart is an event, and the
 *   status snapshot is rewritten on every change of state.
 * - On shutdown (the signal aborts) every child is stopped at once, in parallel — SIGTERM to its group,
 *   SIGKILL after `stopGraceMs` — and `run` resolves with the final status once all are gone.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock } from '../base/clock.ts';
import { watchHeartbeat } from './heartbeat-watch.ts';
import { awaitStartRequest, DEFAULT_START_REQUEST_CHECK_MS } from './start-request.ts';
import { DEFAULT_BACKOFF, failuresAfterExit, restartDelay, type BackoffPolicy } from './watchdog-backoff.ts';
import { SupervisedLog } from './supervised-log.ts';
import { SupervisedProcess, type ProcessExit } from './supervised-process.ts';
import { StatusWriter, type ChildStatus, type ExitReason, type WatchdogStatus } from './watchdog-status.ts';
import type { ChildSpec, WatchdogEvent, WatchdogOptions } from './watchdog-types.ts';

export type { BackoffPolicy } from './watchdog-backoff.ts';
export type { HeartbeatWatch } from './heartbeat-watch.ts';
export type { ChildState, ChildStatus, ExitReason, LastExit, WatchdogStatus } from './watchdog-status.ts';
export type { ChildSpec, WatchdogEvent, WatchdogOptions } from './watchdog-types.ts';

/** The environment variable that tells a supervised child where to write its heartbeat. */
export const HEARTBEAT_FILE_ENV = 'KEEL_HEARTBEAT_FILE';
/** SIGTERM → SIGKILL, for a stale child and on shutdown. Lanes checkpoint on SIGTERM; this is their time. */
export const DEFAULT_STOP_GRACE_MS = 10_000;

/** How often a seen heartbeat alone rewrites the status file. */
const HEARTBEAT_STATUS_EVERY_MS = 30_000;

const CHILD_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

interface Slot {
  spec: ChildSpec;
  log: SupervisedLog;
  status: ChildStatus;
}

type Verdict = 'exited' | 'stale' | 'shutdown';

export class Watchdog {
  readonly #clock: Clock;
  readonly #slots: Slot[];
  readonly #backoff: BackoffPolicy;
  readonly #stopGraceMs: number;
  readonly #options: WatchdogOptions;
  readonly #statusWriter: StatusWriter;
  #state: WatchdogStatus['state'] = 'running';
  #startedAt: number;
  #running = false;

  constructor(options: WatchdogOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#stopGraceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
    this.#startedAt = this.#clock.now();
    const names = new Set<string>();
    this.#slots = options.children.map((spec) => {
      // Programmer errors (the daemon builds these names), so they are thrown, not reported.
      if (!CHILD_NAME.test(spec.name)) throw new Error(`watchdog: bad child name "${spec.name}"`);
      if (names.has(spec.name)) throw new Error(`watchdog: child "${spec.name}" named twice`);
      names.add(spec.name);
      const logFile = join(options.logDir, `${spec.name}.log`);
      return {
        spec,
        log: new SupervisedLog({ path: logFile, maxBytes: options.logMaxBytes, keep: options.logKeep }),
        status: {
          name: spec.name,
          pid: null,
          state: 'stopped',
          restarts: 0,
          failures: 0,
          startedAt: null,
          lastExit: null,
          nextRestartAt: null,
          lastHeartbeatSeenAt: null,
          logFile,
        },
      };
    });
    this.#statusWriter = new StatusWriter(options.statusFile, (error) =>
      this.#emit({ type: 'status_write_failed', error }),
    );
  }

  /** A copy of the current status. */
  status(): WatchdogStatus {
    return {
      pid: process.pid,
      state: this.#state,
      startedAt: this.#startedAt,
      updatedAt: this.#clock.now(),
      children: this.#slots.map((slot) => ({
        ...slot.status,
        lastExit: slot.status.lastExit ? { ...slot.status.lastExit } : null,
      })),
    };
  }

  /**
   * Starts every child and keeps them alive until `signal` aborts; then stops them all and resolves with
   * the final status (written to the status file before it resolves). Runs once per instance.
   */
  async run(signal: AbortSignal): Promise<WatchdogStatus> {
    if (this.#running) throw new Error('watchdog: already running');
    this.#running = true;
    this.#startedAt = this.#clock.now();
    // A bug in one child's loop must not leave the others running unsupervised: it stops them all, and is
    // rethrown once they are gone.
    const stop = new AbortController();
    let failure: { error: unknown } | undefined;
    const onAbort = (): void => {
      this.#state = 'stopping';
      this.#changed();
      stop.abort(signal.reason);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.all(
        this.#slots.map((slot) =>
          this.#supervise(slot, stop.signal).catch((error: unknown) => {
            failure ??= { error };
            this.#state = 'stopping';
            stop.abort(error);
          }),
        ),
      );
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    this.#state = 'stopped';
    const final = this.status();
    await this.#statusWriter.write(final);
    await this.#statusWriter.flush();
    await Promise.all(this.#slots.map((slot) => slot.log.flush()));
    if (failure) throw failure.error;
    return final;
  }

  async #supervise(slot: Slot, signal: AbortSignal): Promise<void> {
    try {
      let delayMs = 0;
      while (!signal.aborted) {
        if (delayMs > 0) {
          slot.status.state = 'backoff';
          slot.status.nextRestartAt = this.#clock.now() + delayMs;
          this.#changed();
          try {
            await this.#clock.sleep(delayMs, signal);
          } catch {
            break; // shutdown during the backoff
          }
          slot.status.nextRestartAt = null;
        }
        const ended = await this.#incarnation(slot, signal);
        if (ended === 'shutdown') break;
        if (ended === 'finished') {
          delayMs = 0;
          if (await this.#awaitStartRequest(slot, signal)) continue;
          break; // shutdown while finished
        }
        delayMs = restartDelay(slot.status.failures, this.#backoff);
        this.#emit({
          type: 'child_restart_scheduled',
          child: slot.spec.name,
          delayMs,
          at: this.#clock.now() + delayMs,
          failures: slot.status.failures,
        });
      }
    } finally {
      // A finished child stays finished in the final status: it ended its work, nobody stopped it.
      if (slot.status.state !== 'finished') slot.status.state = 'stopped';
      slot.status.pid = null;
      slot.status.nextRestartAt = null;
      this.#changed();
    }
  }

  /** A finished child's wait for its start request; true when it is to start again. */
  async #awaitStartRequest(slot: Slot, signal: AbortSignal): Promise<boolean> {
    const file = slot.spec.finishes?.startRequestFile;
    const everyMs = this.#options.startRequestCheckMs ?? DEFAULT_START_REQUEST_CHECK_MS;
    if (!(await awaitStartRequest(file, this.#clock, everyMs, signal))) return false;
    this.#emit({ type: 'child_start_requested', child: slot.spec.name, startRequestFile: file! });
    return true;
  }

  /** One start of the child, up to the moment it is gone (group swept, output flushed); how it ended. */
  async #incarnation(slot: Slot, signal: AbortSignal): Promise<ExitReason> {
    const { spec, status } = slot;
    const heartbeat = spec.heartbeat;
    if (heartbeat) await rm(heartbeat.file, { force: true }).catch(() => undefined);
    // A start request is used by the start it asked for (one written from now on asks for the next one).
    const startRequest = spec.finishes?.startRequestFile;
    if (startRequest !== undefined) await rm(startRequest, { force: true }).catch(() => undefined);
    if (signal.aborted) return 'shutdown';

    if (status.startedAt !== null) status.restarts++;
    const startedAt = this.#clock.now();
    status.startedAt = startedAt;
    status.lastHeartbeatSeenAt = null;
    const env = heartbeat ? { ...(spec.env ?? process.env), [HEARTBEAT_FILE_ENV]: heartbeat.file } : spec.env;
    const child = SupervisedProcess.spawn({ ...spec, env }, slot.log);

    let verdict: Verdict;
    if (child.pid === undefined) {
      verdict = 'exited';
      await child.exited;
    } else {
      const pid = child.pid;
      status.pid = pid;
      status.state = 'running';
      this.#changed();
      let stopped = false;
      try {
        this.#emit({
          type: 'child_started',
          child: spec.name,
          pid,
          restarts: status.restarts,
          argv: [spec.command, ...spec.args],
          logFile: slot.log.path,
        });
        void slot.log.write(`[keel daemon] ${this.#iso()} started pid ${pid} (restart ${status.restarts})\n`);
        verdict = await this.#await(slot, child, startedAt, signal);
        if (verdict !== 'exited') {
          status.state = 'stopping';
          this.#changed();
        }
        // Also after an exit of its own: whatever the child left in its group goes with it.
        const { escalated } = await child.stop(this.#stopGraceMs, this.#clock);
        stopped = true;
        if (escalated)
          this.#emit({ type: 'child_killed', child: spec.name, pid, graceMs: this.#stopGraceMs });
      } finally {
        // Whatever went wrong above, no child outlives its supervision.
        if (!stopped) await child.stop(this.#stopGraceMs, this.#clock);
      }
    }

    const exit: ProcessExit = child.exit ?? { code: null, signal: null };
    const now = this.#clock.now();
    const reason: ExitReason =
      child.pid === undefined
        ? 'spawn_failed'
        : verdict === 'stale'
          ? 'stale_heartbeat'
          : verdict === 'shutdown'
            ? 'shutdown'
            : spec.finishes !== undefined && exit.code === 0
              ? 'finished'
              : 'exited';
    const uptimeMs = now - startedAt;
    // Work done breaks a crash loop as surely as a minute of health does.
    if (reason === 'finished') status.failures = 0;
    else if (reason !== 'shutdown') {
      const healthyMs = heartbeat ? (status.lastHeartbeatSeenAt ?? startedAt) - startedAt : uptimeMs;
      status.failures = failuresAfterExit(status.failures, healthyMs, this.#backoff);
    }
    status.lastExit = {
      pid: child.pid ?? null,
      code: exit.code,
      signal: exit.signal,
      reason,
      at: now,
      uptimeMs,
      ...(exit.error !== undefined ? { error: exit.error } : {}),
    };
    status.pid = null;
    status.state = reason === 'shutdown' ? 'stopped' : reason === 'finished' ? 'finished' : 'backoff';
    this.#changed();
    this.#emit({
      type: 'child_exited',
      child: spec.name,
      pid: child.pid ?? null,
      reason,
      code: exit.code,
      signal: exit.signal,
      uptimeMs,
      ...(exit.error !== undefined ? { error: exit.error } : {}),
    });
    const how = exit.error ?? (exit.signal !== null ? `signal ${exit.signal}` : `code ${exit.code}`);
    await slot.log.write(`[keel daemon] ${this.#iso()} pid ${child.pid ?? '-'} ended (${reason}): ${how}\n`);
    if (reason === 'finished') {
      this.#emit({ type: 'child_finished', child: spec.name, startRequestFile: startRequest ?? null });
    }
    return reason;
  }

  /** Whichever comes first: the exit, a stale heartbeat, the shutdown. Leaves no listener or sleep behind. */
  async #await(
    slot: Slot,
    child: SupervisedProcess,
    startedAt: number,
    signal: AbortSignal,
  ): Promise<Verdict> {
    const done = new AbortController();
    let onAbort: (() => void) | undefined;
    const shutdown = new Promise<Verdict>((resolve) => {
      onAbort = () => resolve('shutdown');
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    const racers: Promise<Verdict>[] = [child.exited.then((): Verdict => 'exited'), shutdown];
    if (slot.spec.heartbeat) racers.push(this.#watchHeartbeat(slot, child, startedAt, done.signal));
    try {
      return await Promise.race(racers);
    } finally {
      done.abort();
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  /** Resolves 'stale' when the heartbeat is judged stale; never resolves otherwise (until cancelled). */
  async #watchHeartbeat(
    slot: Slot,
    child: SupervisedProcess,
    startedAt: number,
    cancel: AbortSignal,
  ): Promise<Verdict> {
    const watch = slot.spec.heartbeat!;
    let shownAt: number | undefined;
    await watchHeartbeat({
      watch,
      clock: this.#clock,
      everyMs:
        this.#options.heartbeatCheckMs ?? Math.min(5_000, Math.max(100, Math.floor(watch.maxAgeMs / 4))),
      startedAt,
      cancel,
      seen: () => slot.status.lastHeartbeatSeenAt,
      onBeat: (now) => {
        // The status file shows it too, but a beat is not a change of state: the first one of an
        // incarnation is written at once, later ones at most every 30 s.
        slot.status.lastHeartbeatSeenAt = now;
        if (shownAt === undefined || now - shownAt >= HEARTBEAT_STATUS_EVERY_MS) {
          shownAt = now;
          this.#changed();
        }
      },
    });
    this.#emit({
      type: 'child_heartbeat_stale',
      child: slot.spec.name,
      pid: child.pid!,
      lastHeartbeatSeenAt: slot.status.lastHeartbeatSeenAt,
      maxAgeMs: watch.maxAgeMs,
    });
    return 'stale';
  }

  #changed(): void {
    void this.#statusWriter.write(this.status());
  }

  #emit(event: WatchdogEvent): void {
    this.#options.onEvent?.(event);
    void this.#options.events?.append(event);
  }

  #iso(): string {
    return new Date(this.#clock.now()).toISOString();
  }
}
