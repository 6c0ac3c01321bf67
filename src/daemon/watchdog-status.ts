/**
 * `<stateDir>/daemon/status.json`: what the watchdog is doing right now, for `cat`, for scripts and for the
 * next daemon. Rewritten atomically on every change of state; writes are coalesced (while one is on its
 * way, later changes wait and only the newest snapshot follows), so a crash loop costs one write per
 * change, never a queue of stale snapshots.
 */
import { errorMessage } from '../base/errors.ts';
import { writeFileAtomic } from '../base/atomic-file.ts';

export type ChildState =
  /** Spawned and not yet seen to exit. */
  | 'running'
  /** Being stopped: SIGTERM sent, waiting for the group to go (SIGKILL after the grace). */
  | 'stopping'
  /** Dead, waiting for its backoff to pass before the restart. */
  | 'backoff'
  /**
   * Ended its work: a child that runs to an end (a lane that is not persistent) exited 0 — drained its
   * queue, paused, or reached --max-tasks. Not restarted until its start request appears.
   */
  | 'finished'
  /** Stopped for good (the daemon is shutting down). */
  | 'stopped';

export type ExitReason =
  /** It exited on its own (any code, any signal, including a SIGKILL from outside): a failure. */
  | 'exited'
  /** A child that runs to an end exited with code 0: its work is done, not a failure. */
  | 'finished'
  /** Its heartbeat was stale and the watchdog stopped it. */
  | 'stale_heartbeat'
  /** It could not be spawned. */
  | 'spawn_failed'
  /** The daemon stopped it on shutdown. */
  | 'shutdown';

export interface LastExit {
  pid: number | null;
  code: number | null;
  signal: string | null;
  reason: ExitReason;
  /** Wall-clock ms (the watchdog's clock). */
  at: number;
  uptimeMs: number;
  error?: string;
}

export interface ChildStatus {
  name: string;
  pid: number | null;
  state: ChildState;
  /** Starts after the first. */
  restarts: number;
  /** Consecutive failures the backoff is counting (0 until the first failure, and again once finished). */
  failures: number;
  startedAt: number | null;
  lastExit: LastExit | null;
  /** When the pending restart is due; null unless `state` is `backoff`. */
  nextRestartAt: number | null;
  /** When the watchdog last saw the heartbeat change (its clock); null when unwatched or not seen yet. */
  lastHeartbeatSeenAt: number | null;
  logFile: string | null;
}

export interface WatchdogStatus {
  /** The supervising process. */
  pid: number;
  state: 'running' | 'stopping' | 'stopped';
  startedAt: number;
  updatedAt: number;
  children: ChildStatus[];
}

export class StatusWriter {
  readonly path: string;
  readonly #onError: (error: string) => void;
  #pending: string | undefined;
  #writing: Promise<void> | undefined;

  constructor(path: string, onError: (error: string) => void) {
    this.path = path;
    this.#onError = onError;
  }

  /** Schedules `status` to be written; resolves when it (or a newer snapshot) is on disk. Never rejects. */
  write(status: WatchdogStatus): Promise<void> {
    this.#pending = `${JSON.stringify(status, null, 2)}\n`;
    this.#writing ??= this.#drain();
    return this.#writing;
  }

  /** Resolves when nothing is waiting to be written. */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending !== undefined) {
        const text = this.#pending;
        this.#pending = undefined;
        try {
          // A status file is disposable: no directory fsync per change.
          await writeFileAtomic(this.path, text, { syncDir: false });
        } catch (error) {
          this.#onError(errorMessage(error));
        }
      }
    } finally {
      this.#writing = undefined;
    }
  }
}
