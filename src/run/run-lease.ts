/**
 * One run, one owner: the run lease (`<runDir>/lease.json`). The process that works on a run holds it — pid,
 * host, start, generation, a random token — and proves it is alive with the heartbeat it already writes
 * (`.heartbeat`, which now names the generation it beats for). Another process that wants the run:
 *
 * - refuses with one line (`run X is being worked on by pid N on HOST, heartbeat 2 s ago`) while the holder
 *   is alive: its pid exists (on this host; another host's pid cannot be asked) and its last sign of life is
 *   within `staleMs`;
 * - takes it over when the holder is dead (its pid is gone on this host), stale (no heartbeat for `staleMs`:
 *   a hung process, a suspended laptop, a host that vanished) or released, or when told to (`--take-over`).
 *   Taking over bumps the generation and writes a new token.
 *
 * Fencing: a holder checks, synchronously and right before every write that matters (each checkpoint — inside
 * the state lock, again just before the rename — each commit, branch move, effect and publish), that
 * `lease.json` still carries its token (`RunLease.check`). A process that wakes after losing the lease
 * (SIGSTOP, a laptop lid, a long GC) therefore stops at its next write, writes nothing, and says so.
 * What is left is the microseconds between a check and the system call it guards; the work branch's commits
 * are found again by their trailers whatever happens.
 *
 * Taking and handing over happen under the run's state lock (`TaskStateStore.withLock`), the same lock every
 * checkpoint writes under: a takeover never lands in the middle of a checkpoint's check-then-write.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { formatAge } from '../base/age.ts';
import { readJsonFile, writeFileAtomic } from '../base/atomic-file.ts';
import type { Clock } from '../base/clock.ts';
import { errorCode, errorMessage } from '../base/errors.ts';
import { isProcessAlive, type LockResult } from '../base/file-lock.ts';
import { readHeartbeat, type Heartbeat } from '../base/heartbeat.ts';
import { runLayout } from '../base/state-layout.ts';

/** A holder silent for longer than this may be taken over (`run.leaseStaleMs`). */
export const DEFAULT_LEASE_STALE_MS = 60_000;

export const leaseRecordSchema = z.object({
  runId: z.string().max(80),
  pid: z.number().int(),
  host: z.string().max(255),
  /** Wall-clock ms when this generation was taken. */
  startedAt: z.number().finite().nonnegative(),
  /** 1 for the first holder, +1 at every hand-over: what a fenced write compares, with the token. */
  generation: z.number().int().min(1),
  token: z.string().min(8).max(64),
  /** Set when the holder let go at its end: the next process takes the run without waiting. */
  releasedAt: z.number().finite().nonnegative().optional(),
});

export type LeaseRecord = z.infer<typeof leaseRecordSchema>;

/** Who has the run, as another process sees it. */
export type LeaseState =
  | 'free' // no lease file (or one that does not parse: nobody can prove they hold it)
  | 'released' // its holder let go
  | 'dead' // its pid is gone on this host
  | 'stale' // no sign of life for longer than the bound
  | 'live'; // held

export interface LeaseView {
  state: LeaseState;
  record?: LeaseRecord;
  /** The holder's last sign of life: its heartbeat for this generation, else the time it took the lease. */
  lastBeatAt?: number;
}

/** Another process holds the run; thrown before this one wrote anything. */
export class LeaseHeldError extends Error {
  override name = 'LeaseHeldError';
  readonly expected = true;
  readonly view: LeaseView;
  constructor(runId: string, view: LeaseView, now: number) {
    super(
      `run ${runId} is being worked on by ${describeHolder(view, now)} — wait for it to stop, or pass --take-over if it is hung`,
    );
    this.view = view;
  }
}

/** This process no longer holds the run: another one took it over. Nothing may be written any more. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
  readonly expected = true;
}

/** `run X: this process (pid N, generation G) lost its lease — <who has it>; it stopped …`. */
export function leaseLost(
  runId: string,
  ours: LeaseRecord,
  current: LeaseRecord | undefined,
  detail: string,
): LeaseLostError {
  const by = current
    ? `pid ${current.pid} on ${current.host} holds it now (generation ${current.generation})`
    : detail;
  return new LeaseLostError(
    `run ${runId}: this process (pid ${ours.pid}, generation ${ours.generation}) lost its lease — ${by}; it stopped without writing anything more`,
  );
}

/** `pid N on HOST, heartbeat 2 s ago`: what a refusal and `keel status` say about a holder. */
export function describeHolder(view: LeaseView, now: number): string {
  const r = view.record;
  if (!r) return 'nobody';
  const beat = view.lastBeatAt ?? r.startedAt;
  const age = now - beat;
  const when = age < 0 ? `heartbeat ${formatAge(-age)} in the future` : `heartbeat ${formatAge(age)} ago`;
  return `pid ${r.pid} on ${r.host}, ${when}`;
}

/** Reads the lease and the heartbeat and judges the holder. Never throws. */
export async function readRunLease(runDir: string, now: number, staleMs: number): Promise<LeaseView> {
  const layout = runLayout(runDir);
  const read = await readJsonFile(layout.lease);
  if (!read.ok) return { state: 'free' };
  const parsed = leaseRecordSchema.safeParse(read.value);
  if (!parsed.success) return { state: 'free' };
  return judgeLease(parsed.data, await readHeartbeat(runDir), now, staleMs);
}

/**
 * The rule, pure. A heartbeat counts for the generation it names (an older keel's heartbeat names none: then
 * it counts when its pid is the holder's). A sign of life further in the future than the bound is a clock
 * that jumped, not a promise: it is judged stale, as it cannot be judged otherwise.
 */
export function judgeLease(
  record: LeaseRecord,
  heartbeat: Heartbeat | undefined,
  now: number,
  staleMs: number,
): LeaseView {
  if (record.releasedAt !== undefined) return { state: 'released', record };
  const beats =
    heartbeat !== undefined &&
    heartbeat.pid === record.pid &&
    (heartbeat.generation === undefined || heartbeat.generation === record.generation);
  const lastBeatAt = beats ? Math.max(heartbeat.at, record.startedAt) : record.startedAt;
  if (record.host === hostname() && !holderAlive(record)) return { state: 'dead', record, lastBeatAt };
  const age = now - lastBeatAt;
  if (age > staleMs || age < -staleMs) return { state: 'stale', record, lastBeatAt };
  return { state: 'live', record, lastBeatAt };
}

/** Tokens of the leases this process holds: our own pid with another token is an earlier process's. */
const heldTokens = new Set<string>();

function holderAlive(record: LeaseRecord): boolean {
  if (record.pid === process.pid) return heldTokens.has(record.token);
  return isProcessAlive(record.pid);
}

/** The lock the lease is taken under: the run's state lock (`TaskStateStore.withLock`). */
export interface LeaseLock {
  withLock<T>(work: () => Promise<T>): Promise<LockResult<T>>;
}

export interface AcquireOptions {
  runDir: string;
  runId: string;
  clock: Clock;
  staleMs: number;
  lock: LeaseLock;
  /** Take the run even from a live holder (`--take-over`). */
  takeOver?: boolean;
  /** Told when a holder is displaced: who, and why it was allowed. */
  onTakeover?: (previous: LeaseRecord, state: LeaseState) => void;
}

/**
 * Takes the run's lease, or throws `LeaseHeldError` (a live holder), or an error saying the state lock stayed
 * busy. Nothing else of the run is written before it.
 */
export async function acquireRunLease(o: AcquireOptions): Promise<RunLease> {
  const path = runLayout(o.runDir).lease;
  const result = await o.lock.withLock(async () => {
    const now = o.clock.now();
    const view = await readRunLease(o.runDir, now, o.staleMs);
    if (view.state === 'live' && o.takeOver !== true) return { held: view, now, record: undefined };
    const record: LeaseRecord = {
      runId: o.runId,
      pid: process.pid,
      host: hostname(),
      startedAt: now,
      generation: (view.record?.generation ?? 0) + 1,
      token: randomBytes(12).toString('hex'),
    };
    heldTokens.add(record.token);
    try {
      await writeFileAtomic(path, `${JSON.stringify(record)}\n`);
    } catch (error) {
      heldTokens.delete(record.token);
      throw error;
    }
    if (view.record && view.state !== 'released') o.onTakeover?.(view.record, view.state);
    return { record };
  });
  if (!result.ok) {
    const by = result.holder ? ` (held by pid ${result.holder.pid} on ${result.holder.host})` : '';
    throw new LeaseLockBusyError(
      `run ${o.runId}: its state lock stayed busy for ${result.waitedMs} ms${by} — try again in a moment`,
    );
  }
  const outcome = result.value;
  if (outcome.record === undefined) throw new LeaseHeldError(o.runId, outcome.held, outcome.now);
  return new RunLease(o.runDir, outcome.record, o.lock);
}

export class LeaseLockBusyError extends Error {
  override name = 'LeaseLockBusyError';
  readonly expected = true;
}

/** The lease this process holds. */
export class RunLease {
  readonly record: LeaseRecord;
  readonly #path: string;
  readonly #lock: LeaseLock;
  #lost: LeaseLostError | undefined;
  #released = false;

  constructor(runDir: string, record: LeaseRecord, lock: LeaseLock) {
    this.#path = runLayout(runDir).lease;
    this.record = record;
    this.#lock = lock;
  }

  get generation(): number {
    return this.record.generation;
  }

  /** Set once a check found the lease gone; from then on every check throws it again. */
  get lost(): LeaseLostError | undefined {
    return this.#lost;
  }

  /**
   * Throws `LeaseLostError` unless `lease.json` still carries our token. Synchronous on purpose: it runs
   * immediately before the write it guards, with no turn of the event loop in between.
   */
  check(): void {
    if (this.#lost) throw this.#lost;
    if (this.#released) return;
    let current: LeaseRecord | undefined;
    try {
      const parsed = leaseRecordSchema.safeParse(JSON.parse(readFileSync(this.#path, 'utf8')));
      current = parsed.success ? parsed.data : undefined;
    } catch (error) {
      // A lease that cannot be read cannot be proved ours: a run directory removed or replaced under us.
      const detail =
        errorCode(error) === 'ENOENT'
          ? 'its lease file is gone'
          : `its lease cannot be read (${errorMessage(error)})`;
      this.#lost = leaseLost(this.record.runId, this.record, undefined, detail);
      throw this.#lost;
    }
    if (current?.token === this.record.token && current.releasedAt === undefined) return;
    this.#lost = leaseLost(this.record.runId, this.record, current, 'its lease file was replaced');
    heldTokens.delete(this.record.token);
    throw this.#lost;
  }

  /**
   * The run was lost elsewhere (another runner's claim on the state branch): from now on every check throws
   * `error`, exactly as if this file had been taken over.
   */
  lose(error: LeaseLostError): void {
    this.#lost ??= error;
  }

  /** A boolean check for loops that stop rather than throw (the heartbeat). */
  holds(): boolean {
    try {
      this.check();
      return true;
    } catch {
      return false;
    }
  }

  /** Lets go at the run's end (the next process need not wait); nothing when the lease was lost. */
  async release(now: number): Promise<void> {
    if (this.#lost || this.#released) return;
    this.#released = true;
    await this.#lock
      .withLock(async () => {
        if (!this.#holdsUnchecked()) return;
        await writeFileAtomic(this.#path, `${JSON.stringify({ ...this.record, releasedAt: now })}\n`);
      })
      .catch(() => undefined); // not released: the dead pid frees it for the next process anyway
    heldTokens.delete(this.record.token);
  }

  #holdsUnchecked(): boolean {
    try {
      const parsed = leaseRecordSchema.safeParse(JSON.parse(readFileSync(this.#path, 'utf8')));
      return parsed.success && parsed.data.token === this.record.token;
    } catch {
      return false;
    }
  }
}

/** What `keel status` and the guard say about an unfinished run: someone is on it, or nobody is. */
export interface RunOwner {
  /** `running`: a holder alive and beating; `stale`: a holder gone silent or dead; `none`: nobody holds it. */
  state: 'running' | 'stale' | 'none';
  /** `pid N on HOST, heartbeat 2 s ago` (absent for `none`). */
  detail?: string;
}

/**
 * The run's owner from its lease and heartbeat; a run directory of an older keel (a heartbeat, no lease)
 * is judged by its heartbeat alone, as before.
 */
export async function readRunOwner(runDir: string, now: number, staleMs: number): Promise<RunOwner> {
  const view = await readRunLease(runDir, now, staleMs);
  if (view.record === undefined) {
    const beat = await readHeartbeat(runDir);
    if (beat === undefined) return { state: 'none' };
    const alive = isProcessAlive(beat.pid) && beat.pid !== process.pid;
    const age = now - beat.at;
    const detail = `pid ${beat.pid}, heartbeat ${formatAge(age)} ago`;
    return { state: alive && age <= staleMs ? 'running' : 'stale', detail };
  }
  if (view.state === 'released') return { state: 'none' };
  const detail = describeHolder(view, now);
  if (view.state === 'live') return { state: 'running', detail };
  return { state: 'stale', detail: view.state === 'dead' ? `${detail} (its process is gone)` : detail };
}
