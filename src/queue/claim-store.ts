/**
 * The claim-state file (`--queue-state-file`): which task ids are claimed, by which lane, and how each
 * ended; the NDJSON cursors; recycling records. Shared by every lane draining the queue — processes on one
 * box, or lanes in one process — so every change is a transaction: take the inter-process lock, read the
 * file, change it, write it atomically, release. Claims are idempotent: the second claim of an id, by
 * anyone, is `already-claimed`. See `claim-state.ts` for why compaction can never re-issue a claimed task.
 *
 * Results are values (`lock-busy` included: a lane tries again at its next poll). A claim-state file that
 * exists but cannot be understood throws `ClaimStoreError`: handing out tasks without knowing what was
 * claimed would run work twice, so the lane stops and says so instead — the file is left as it is.
 */
import { stat } from 'node:fs/promises';
import { systemClock, type Clock } from '../base/clock.ts';
import { errorCode } from '../base/errors.ts';
import { readJsonFile, writeFileAtomic } from '../base/atomic-file.ts';
import { FileLock, type LockEvent } from '../base/file-lock.ts';
import {
  claimFileSchema,
  compact,
  DEFAULT_MAX_CLAIMED,
  emptyClaimData,
  fromFile,
  isFinished,
  isKnown,
  storedTask,
  taskOf,
  toFile,
  type ClaimData,
  type ClaimEntry,
} from './claim-state.ts';
import type { ClaimOutcome, QueueCursor, QueueEvent, QueueTask } from './types.ts';

export const MAX_CLAIMED_ENV = 'KEEL_TASK_QUEUE_MAX_CLAIMED';
/** What a transaction that never got the lock returns. */
const BUSY: unique symbol = Symbol('lock-busy');
const MAX_DETAIL = 1_000;

export class ClaimStoreError extends Error {
  override name = 'ClaimStoreError';
  readonly expected = true;
}

export type ClaimResult =
  | { kind: 'claimed'; entry: ClaimEntry }
  /** `entry` is undefined when only the compacted hash remembers the id. */
  | { kind: 'already-claimed'; entry?: ClaimEntry }
  | { kind: 'unknown-task' }
  | { kind: 'lock-busy' };

export type FinishResult =
  | { kind: 'finished'; entry: ClaimEntry }
  | { kind: 'not-claimed'; entry?: ClaimEntry }
  | { kind: 'lock-busy' };

export interface ClaimStoreOptions {
  path: string;
  clock?: Clock;
  /** `KEEL_TASK_QUEUE_MAX_CLAIMED`; see `maxClaimedFrom`. */
  maxClaimed?: number;
  lockAttempts?: number;
  lockBackoffMs?: number;
  log?: (event: QueueEvent | LockEvent) => void;
}

/** The bound from the environment: a positive integer, else the default (a typo must not unbound it). */
export function maxClaimedFrom(env: Record<string, string | undefined>): number {
  const raw = env[MAX_CLAIMED_ENV]?.trim();
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isSafeInteger(value) && value >= 1 ? value : DEFAULT_MAX_CLAIMED;
}

export class ClaimStore {
  readonly path: string;
  readonly maxClaimed: number;
  readonly #clock: Clock;
  readonly #lock: FileLock;
  readonly #log: (event: QueueEvent | LockEvent) => void;
  #data: ClaimData = emptyClaimData();
  /** The file's identity when `#data` was read, so an unchanged file is not parsed again. */
  #signature: string | undefined;

  constructor(options: ClaimStoreOptions) {
    this.path = options.path;
    this.maxClaimed = Math.max(1, options.maxClaimed ?? DEFAULT_MAX_CLAIMED);
    this.#clock = options.clock ?? systemClock;
    this.#log = options.log ?? (() => undefined);
    // A claim holds the lock for one small write (1–3 ms), and lanes claim often: a first retry after 5 ms,
    // not the checkpoint's 100 (a lane waiting longer than the write takes is drain rate lost), and nine
    // attempts, so the bounded total (1.275 s) is still about the checkpoint's.
    this.#lock = new FileLock({
      path: `${options.path}.lock`,
      clock: this.#clock,
      attempts: options.lockAttempts ?? 9,
      backoffMs: options.lockBackoffMs ?? 5,
      log: this.#log,
    });
  }

  /** Reads the file if it changed since the last read (no lock: writes are atomic renames). */
  async refresh(): Promise<void> {
    const signature = await signatureOf(this.path);
    if (signature !== undefined && signature === this.#signature) return;
    this.#data = await this.#read();
    this.#signature = signature;
  }

  /** Whether the id was ever claimed (as far as the last read knows). */
  isKnown(id: string): boolean {
    return isKnown(this.#data, id);
  }

  entry(id: string): ClaimEntry | undefined {
    return this.#data.entries.get(id);
  }

  entries(): ClaimEntry[] {
    return [...this.#data.entries.values()];
  }

  get compactedCount(): number {
    return this.#data.compacted.size;
  }

  /** The tasks among `tasks` nobody has claimed (as far as the last read knows). */
  unclaimed(tasks: readonly QueueTask[]): QueueTask[] {
    return tasks.filter((task) => !isKnown(this.#data, task.id));
  }

  /** Tasks reopened by recycling, waiting to be claimed again. */
  reopened(): QueueTask[] {
    return this.entries()
      .filter((entry) => entry.state === 'open')
      .map(taskOf);
  }

  /** A lane's claimed-but-unfinished tasks: what it resumes after a restart. */
  inFlight(lane: string): ClaimEntry[] {
    return this.entries().filter((entry) => entry.state === 'claimed' && entry.lane === lane);
  }

  cursor(queuePath: string): QueueCursor | undefined {
    return this.#data.cursors.get(queuePath);
  }

  /**
   * Claims `taskId` for `lane`. A new id needs its `task` (stored, so a restarted lane can resume it and a
   * recycle can run it again); a reopened one has it already. `cursor` is written in the same transaction.
   */
  async claim(
    taskId: string,
    lane: string,
    options: { task?: QueueTask; cursor?: { path: string; cursor: QueueCursor } } = {},
  ): Promise<ClaimResult> {
    const outcome = await this.#transaction<ClaimResult>((data, now) => {
      const result = claimIn(data, now, taskId, lane, options.task);
      // The cursor counts this id as settled: true once it is claimed, by us or by anyone before.
      if (options.cursor && result.kind !== 'unknown-task')
        advance(data, options.cursor.path, options.cursor.cursor);
      return result;
    }, true);
    return outcome === BUSY ? { kind: 'lock-busy' } : outcome;
  }

  /** Records how a claimed task ended. Only the claiming lane may, when `lane` is given. */
  async finish(
    taskId: string,
    outcome: ClaimOutcome,
    detail?: string,
    options: { lane?: string; runId?: string } = {},
  ): Promise<FinishResult> {
    const written = await this.#transaction<FinishResult>(
      (data, now) => finishIn(data, now, taskId, outcome, detail, options),
      true,
    );
    return written === BUSY ? { kind: 'lock-busy' } : written;
  }

  /**
   * `finish`, then `claim` of the lane's next task, in one transaction: one lock and one write between two
   * tasks instead of two. The claim is tried whatever the finish found.
   */
  async finishAndClaim(
    finished: { taskId: string; outcome: ClaimOutcome; detail?: string; lane: string; runId?: string },
    next: { taskId: string; task?: QueueTask; cursor?: { path: string; cursor: QueueCursor } },
  ): Promise<{ finish: FinishResult; claim: ClaimResult } | { kind: 'lock-busy' }> {
    const { taskId, outcome, detail, ...options } = finished;
    const written = await this.#transaction((data, now) => {
      const finish = finishIn(data, now, taskId, outcome, detail, options);
      const claim = claimIn(data, now, next.taskId, options.lane, next.task);
      if (next.cursor && claim.kind !== 'unknown-task') advance(data, next.cursor.path, next.cursor.cursor);
      return { finish, claim };
    }, true);
    return written === BUSY ? { kind: 'lock-busy' } : written;
  }

  /** Moves a queue's consumed cursor forward (never back: a reset is a new file identity, i.e. a new cursor). */
  async advanceCursor(queuePath: string, cursor: QueueCursor): Promise<boolean | 'lock-busy'> {
    const current = this.#data.cursors.get(queuePath);
    if (current && sameCursor(current, cursor)) return false;
    const outcome = await this.#transaction((data) => advance(data, queuePath, cursor), false);
    return outcome === BUSY ? 'lock-busy' : outcome;
  }

  /**
   * Runs `change` on the current content under the lock, then writes the result (when `write` says so or
   * `change` returns true). For recycling and for tools; `change` must be synchronous and must not throw.
   */
  async update<T>(change: (data: ClaimData, now: number) => T, write = true): Promise<T | 'lock-busy'> {
    const outcome = await this.#transaction(change, write);
    return outcome === BUSY ? 'lock-busy' : outcome;
  }

  async #transaction<T>(
    change: (data: ClaimData, now: number) => T,
    write: boolean,
  ): Promise<T | typeof BUSY> {
    const outcome = await this.#lock.withLock(async () => {
      const data = await this.#read();
      const now = this.#clock.now();
      const result = change(data, now);
      if (write || result === true) {
        const compaction = compact(data, this.maxClaimed);
        if (compaction.removed > 0) {
          this.#log({
            type: 'queue_compacted',
            path: this.path,
            removed: compaction.removed,
            kept: data.entries.size,
            compactedTotal: data.compacted.size,
          });
        }
        if (compaction.overBound) {
          const inFlight = [...data.entries.values()].filter((e) => !isFinished(e.state)).length;
          this.#log({
            type: 'queue_over_bound',
            path: this.path,
            entries: data.entries.size,
            maxClaimed: this.maxClaimed,
            inFlight,
          });
        }
        await writeFileAtomic(this.path, `${JSON.stringify(toFile(data, now))}\n`);
      }
      this.#data = data;
      this.#signature = await signatureOf(this.path);
      return result;
    });
    return outcome.ok ? outcome.value : BUSY;
  }

  async #read(): Promise<ClaimData> {
    const read = await readJsonFile(this.path);
    if (!read.ok) {
      if (read.reason === 'missing') return emptyClaimData();
      throw new ClaimStoreError(
        `claim state ${read.detail}; not handing out tasks until it is fixed or removed`,
      );
    }
    const parsed = claimFileSchema.safeParse(read.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ClaimStoreError(
        `claim state ${this.path} is not a keel claim-state file (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}); not handing out tasks until it is fixed or removed`,
      );
    }
    return fromFile(parsed.data);
  }
}

function finishIn(
  data: ClaimData,
  now: number,
  taskId: string,
  outcome: ClaimOutcome,
  detail: string | undefined,
  options: { lane?: string; runId?: string },
): FinishResult {
  const existing = data.entries.get(taskId);
  if (existing?.state !== 'claimed' || (options.lane !== undefined && existing.lane !== options.lane))
    return { kind: 'not-claimed', ...(existing ? { entry: existing } : {}) };
  const entry: ClaimEntry = {
    ...existing,
    state: outcome,
    finishedAt: now,
    ...(options.runId !== undefined ? { runId: options.runId } : {}),
    ...(detail !== undefined ? { detail: detail.slice(0, MAX_DETAIL) } : {}),
  };
  data.entries.set(taskId, entry);
  return { kind: 'finished', entry };
}

function claimIn(
  data: ClaimData,
  now: number,
  taskId: string,
  lane: string,
  task: QueueTask | undefined,
): ClaimResult {
  const existing = data.entries.get(taskId);
  if (existing === undefined && isKnown(data, taskId)) return { kind: 'already-claimed' };
  if (existing !== undefined && existing.state !== 'open')
    return { kind: 'already-claimed', entry: existing };
  if (existing === undefined && task === undefined) return { kind: 'unknown-task' };
  const entry: ClaimEntry = {
    ...(existing ?? { id: taskId, attempts: 0, recycles: 0, task: storedTask(task!) }),
    state: 'claimed',
    lane,
    claimedAt: now,
  };
  entry.attempts += 1;
  delete entry.finishedAt;
  delete entry.detail;
  data.entries.set(taskId, entry);
  return { kind: 'claimed', entry };
}

/**
 * Lanes on the same file move its cursor forward only; a cursor of another file identity (a new inode, or
 * different head bytes) replaces it. Either way is safe: a lane that seeks to a cursor whose identity does
 * not match the file reads the file again from the top, deduplicating against the claims.
 */
function advance(data: ClaimData, path: string, cursor: QueueCursor): boolean {
  const current = data.cursors.get(path);
  const sameFile =
    current !== undefined &&
    current.ino === cursor.ino &&
    !(current.headBytes === cursor.headBytes && current.head !== cursor.head);
  if (sameFile && current.offset >= cursor.offset) return false;
  data.cursors.set(path, cursor);
  return true;
}

function sameCursor(a: QueueCursor, b: QueueCursor): boolean {
  return a.offset === b.offset && a.ino === b.ino && a.head === b.head;
}

async function signatureOf(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
}

export { taskOf };
export type { ClaimEntry };
