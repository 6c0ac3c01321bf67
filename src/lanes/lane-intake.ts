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
      (id) => store.isKnown(id),
      () => store.reopened(),
    );
    if (next === undefined) return undefined;
    // Counting `next` as settled holds only if the claim goes through, which is when the store applies it;
    // so the reader is not told to move on (`commit: false`).
    const cursor = this.#reader.consumed((id) => id === next.id || store.isKnown(id), false);
    return { task: next, ...(cursor ? { cursor: { path: this.#o.queueFile, cursor } } : {}) };
  }

  /** Claimed (by anyone): not offered again. */
  drop(id: string): void {
    this.#backlog.drop(id);
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
