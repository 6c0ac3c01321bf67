/**
 * Where a lane's next task comes from: the new lines of its queue file (read on from the cursor the claim
 * store keeps), the other sources when they are due (issues labelled `keel`), and tasks reopened by
 * recycling — ordered by `LaneBacklog` and filtered against the claims.
 */
import type { Clock } from '../base/clock.ts';
import type { ClaimStore } from '../queue/claim-store.ts';
import { QueueReader } from '../queue/queue-reader.ts';
import type { QueueCursor, QueueEvent, QueueProblem, QueueTask } from '../queue/types.ts';
import { errorMessage } from '../base/errors.ts';
import type { LogEvent } from '../telemetry/event-log.ts';
import { LaneBacklog } from './lane-backlog.ts';

/** Another place tasks come from (issues labelled `keel`), read at most every `everyMs`. */
export interface TaskSource {
  name: string;
  everyMs: number;
  read(): Promise<{ tasks: QueueTask[]; problems: QueueProblem[] }>;
}

/** A task to claim, with the queue cursor that claiming it settles (written in the same transaction). */
export interface ClaimRequest {
  task: QueueTask;
  cursor?: { path: string; cursor: QueueCursor };
}

export interface LaneIntakeOptions {
  lane: string;
  /** Configured lane names: the owners a task may name. */
  lanes: readonly string[];
  queueFile: string;
  store: ClaimStore;
  sources?: TaskSource[];
  clock: Clock;
  event: (event: LogEvent | QueueEvent) => void;
}

export class LaneIntake {
  readonly #o: LaneIntakeOptions;
  readonly #reader: QueueReader;
  readonly #backlog: LaneBacklog;
  readonly #lastSourceRead = new Map<string, number>();
  /**
   * Offered by `next` and not yet claimed or given back: not offered again meanwhile (a lane with several
   * tasks in flight looks for the next one from more than one place at once).
   */
  readonly #offered = new Set<string>();

  constructor(options: LaneIntakeOptions) {
    this.#o = options;
    this.#backlog = new LaneBacklog(options.lane);
    this.#reader = new QueueReader({ path: options.queueFile, lanes: options.lanes, log: options.event });
  }

  /** Starts reading the queue file where the claim store says the lanes got to. */
  seek(cursor: QueueCursor | undefined): void {
    this.#reader.seek(cursor);
  }

  /** The task to claim next, after reading what is new; undefined when there is none. */
  async next(): Promise<ClaimRequest | undefined> {
    const { store } = this.#o;
    await this.#ingest();
    await store.refresh();
    const next = this.#backlog.next(
      (id) => store.isKnown(id) || this.#offered.has(id),
      () => store.reopened().filter((task) => !this.#offered.has(task.id)),
    );
    if (next === undefined) return undefined;
    this.#offered.add(next.id);
    // Counting `next` as settled holds only if the claim goes through, which is when the store applies it;
    // so the reader is not told to move on (`commit: false`).
    const cursor = this.#reader.consumed((id) => id === next.id || store.isKnown(id), false);
    return { task: next, ...(cursor ? { cursor: { path: this.#o.queueFile, cursor } } : {}) };
  }

  /** Claimed (by anyone): not offered again. */
  drop(id: string): void {
    this.#offered.delete(id);
    this.#backlog.drop(id);
  }

  /** Offered and not claimed after all (the claim-state lock was busy): it may be offered again. */
  giveBack(id: string): void {
    this.#offered.delete(id);
  }

  /** Saves how far the queue file is settled, when that moved (a drained lane's last word). */
  async saveCursor(): Promise<void> {
    const { store, queueFile } = this.#o;
    const cursor = this.#reader.consumed((id) => store.isKnown(id));
    const stored = store.cursor(queueFile);
    if (
      cursor === undefined ||
      (stored !== undefined && stored.ino === cursor.ino && stored.offset >= cursor.offset)
    )
      return;
    await store.advanceCursor(queueFile, cursor);
  }

  /** New lines of the queue file, and the other sources when they are due. */
  async #ingest(): Promise<void> {
    const read = await this.#reader.read();
    this.#backlog.add(read.tasks);
    const now = this.#o.clock.now();
    for (const source of this.#o.sources ?? []) {
      const last = this.#lastSourceRead.get(source.name);
      if (last !== undefined && now - last < source.everyMs) continue;
      this.#lastSourceRead.set(source.name, now);
      try {
        const found = await source.read();
        for (const problem of found.problems)
          this.#o.event({ type: 'queue_problem', source: source.name, ...problem });
        this.#backlog.add(found.tasks);
      } catch (error) {
        this.#o.event({ type: 'lane_source_failed', source: source.name, error: errorMessage(error) });
      }
    }
  }
}
