/**
 * What a lane shows the outside: its heartbeat (`<stateDir>/lanes/<name>/.heartbeat`, or the file the
 * daemon's watchdog names in `KEEL_HEARTBEAT_FILE`) and the pause flag it obeys.
 *
 * The heartbeat is `{ pid, at }` — what `readHeartbeat` and the watchdog read — plus what the lane is doing,
 * for `keel guard` and humans: `{ lane, status, taskId?, runId?, processed, running?, concurrency? }`. An awaited loop, like the
 * run's heartbeat: one write per tick, a failed write is tried again at the next tick, never a throw. It
 * keeps beating while a long run is in progress (the watchdog must not take a busy lane for a hung one).
 */
import { stat } from 'node:fs/promises';
import type { Clock } from '../base/clock.ts';
import { errorCode, errorMessage } from '../base/errors.ts';
import { writeFileAtomic } from '../base/atomic-file.ts';

export type LaneState = 'starting' | 'idle' | 'running' | 'paused' | 'stopping';

export interface LaneBeat {
  status: LaneState;
  /** The task started last (with a concurrency above one, `running` lists them all). */
  taskId?: string;
  runId?: string;
  processed: number;
  /** The tasks in flight. */
  running?: { taskId: string; runId: string }[];
  /** How many tasks the lane may run at once now. */
  concurrency?: number;
}

export interface LaneHeartbeatOptions {
  file: string;
  lane: string;
  intervalMs: number;
  clock: Clock;
  signal: AbortSignal;
  /** What the lane is doing right now (read at each tick). */
  current: () => LaneBeat;
  onError?: (error: string) => void;
}

export async function runLaneHeartbeat(options: LaneHeartbeatOptions): Promise<void> {
  const { clock, signal } = options;
  while (!signal.aborted) {
    await writeLaneHeartbeat(options);
    try {
      await clock.sleep(options.intervalMs, signal);
    } catch {
      return;
    }
  }
}

/** One beat, now (also called when the status changes, so a start or a pause shows at once). */
export async function writeLaneHeartbeat(
  options: Pick<LaneHeartbeatOptions, 'file' | 'lane' | 'clock' | 'current' | 'onError'>,
): Promise<void> {
  const beat = { pid: process.pid, at: options.clock.now(), lane: options.lane, ...options.current() };
  try {
    // Disposable after a power cut: no directory fsync per tick.
    await writeFileAtomic(options.file, `${JSON.stringify(beat)}\n`, { syncDir: false });
  } catch (error) {
    options.onError?.(errorMessage(error));
  }
}

/**
 * The flag's presence pauses (its content is the guard's business). A flag that cannot even be looked at
 * (EACCES) counts as present: an operator's stop is not overridden on a guess.
 */
export async function isPaused(flag: string): Promise<boolean> {
  try {
    await stat(flag);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR';
  }
}

/**
 * A lane's status as its heartbeat shows it: the tasks in flight, how many it has finished, and whether it is
 * idle, paused or running. Changes are written behind the lane's work rather than before it goes on: the beat
 * is for the guard, the watchdog and humans, and an fsynced write before and after every task was time every
 * task waited. Writes stay in order (each writes the newest status).
 */
export class LaneStatus {
  readonly #file: string;
  readonly #lane: string;
  readonly #clock: Clock;
  readonly #concurrency: () => number;
  #beat: LaneBeat = { status: 'starting', processed: 0 };
  /** The tasks in flight: task id → run id. */
  readonly #running = new Map<string, string>();
  /** The writes queued (each settles: `writeLaneHeartbeat` never rejects). */
  #writes: Promise<void> = Promise.resolve();

  constructor(options: { file: string; lane: string; clock: Clock; concurrency: () => number }) {
    this.#file = options.file;
    this.#lane = options.lane;
    this.#clock = options.clock;
    this.#concurrency = options.concurrency;
  }

  get processed(): number {
    return this.#beat.processed;
  }

  get inFlight(): number {
    return this.#running.size;
  }

  /** The periodic beat, until `signal` aborts (see `runLaneHeartbeat`). */
  beat(intervalMs: number, signal: AbortSignal, onError: (error: string) => void): Promise<void> {
    return runLaneHeartbeat({
      file: this.#file,
      lane: this.#lane,
      intervalMs,
      clock: this.#clock,
      signal,
      current: () => this.#beat,
      onError,
    });
  }

  started(taskId: string, runId: string): void {
    this.#running.set(taskId, runId);
    this.#announce({ ...this.#beat, status: 'running', taskId, runId });
  }

  ended(taskId: string): void {
    this.#running.delete(taskId);
    this.#announce({ status: this.#running.size > 0 ? 'running' : 'idle', processed: this.#beat.processed });
  }

  /** A task's outcome is recorded (shown with the next write). */
  counted(): void {
    this.#beat = { ...this.#beat, processed: this.#beat.processed + 1 };
  }

  /** The concurrency changed. */
  resized(): void {
    this.#announce({ ...this.#beat });
  }

  /** Idle or paused — shown only when no task is in flight (a lane with runs under way is running). */
  async show(status: 'idle' | 'paused'): Promise<void> {
    if (this.#beat.status === status || this.#running.size > 0) return;
    this.#announce({ status, processed: this.#beat.processed });
    await this.#writes;
  }

  /** The last word: every queued write, then `stopping`. */
  async close(): Promise<void> {
    await this.#writes;
    this.#beat = { status: 'stopping', processed: this.#beat.processed };
    await this.#write();
  }

  #announce(beat: LaneBeat): void {
    const { running: _, ...rest } = beat;
    const running = [...this.#running].map(([taskId, runId]) => ({ taskId, runId }));
    this.#beat = { ...rest, concurrency: this.#concurrency(), ...(running.length > 0 ? { running } : {}) };
    this.#writes = this.#writes.then(() => this.#write());
  }

  #write(): Promise<void> {
    return writeLaneHeartbeat({
      file: this.#file,
      lane: this.#lane,
      clock: this.#clock,
      current: () => this.#beat,
    });
  }
}
