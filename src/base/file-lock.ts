/**
 * An inter-process lock as a file, with bounded retries (5 attempts, exponential backoff from
 * 100 ms — 100, 200, 400, 800 — so at most 1.5 s of waiting, well under the 3 s budget).
 *
 * Why a file and not a package: the lock file names its holder (`{ pid, host, at, token }`), so a lock left
 * by a process that died (SIGKILL, OOM) is recognised at once by its dead pid instead of after a long
 * mtime timeout, and nothing runs a timer in the background (fake timers stay in charge in tests).
 *
 * - Acquire: write the holder to a private temp file, then `link` it to the lock path. `link` fails when
 *   the lock exists, and the lock appears with its content complete — nobody ever reads a half-written
 *   holder.
 * - Takeover: a holder whose pid is dead on this host, or older than `staleMs`, is stale. Removing it is
 *   guarded by a second lock (`<lock>.takeover`) and re-checks that the lock still has the exact content
 *   judged stale, so two processes that both saw the stale lock cannot delete each other's fresh one.
 * - Release: only a lock that still carries our token is removed.
 * - In-process callers are queued (one at a time per `FileLock`) before they touch the file, so twenty
 *   parallel calls in one process do not burn each other's retry budget.
 *
 * Outcomes are values (`LockResult`); the store and the effects turn exhaustion into their exceptions.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { systemClock, type Clock } from './clock.ts';
import { errorCode, errorMessage } from './errors.ts';

export const DEFAULT_LOCK_ATTEMPTS = 5;
export const DEFAULT_LOCK_BACKOFF_MS = 100;
/** Far beyond any save; a live holder older than this is hung, and its atomic writes stay harmless anyway. */
export const DEFAULT_STALE_LOCK_MS = 30_000;

export interface LockHolder {
  pid: number;
  host: string;
  /** Wall-clock ms when the lock was taken. */
  at: number;
  token: string;
}

export type LockEvent =
  | { type: 'lock_retry'; lock: string; attempt: number; waitMs: number; holder?: LockHolder }
  | { type: 'lock_takeover'; lock: string; reason: 'dead' | 'expired' | 'unreadable'; holder?: LockHolder }
  | { type: 'lock_exhausted'; lock: string; attempts: number; waitedMs: number; holder?: LockHolder }
  | { type: 'lock_lost'; lock: string; detail: string };

export interface FileLockOptions {
  path: string;
  clock?: Clock;
  attempts?: number;
  backoffMs?: number;
  staleMs?: number;
  log?: (event: LockEvent) => void;
}

export type LockResult<T> =
  { ok: true; value: T } | { ok: false; attempts: number; waitedMs: number; holder?: LockHolder };

/** Thrown at the edges (the effects, the store's subclass) when the lock could not be had in time. */
export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
  readonly lock: string;
  readonly attempts: number;
  readonly waitedMs: number;
  readonly holder: LockHolder | undefined;

  constructor(lock: string, failure: { attempts: number; waitedMs: number; holder?: LockHolder }) {
    const by = failure.holder ? ` (held by pid ${failure.holder.pid} on ${failure.holder.host})` : '';
    super(`lock ${lock} still busy after ${failure.attempts} attempts over ${failure.waitedMs} ms${by}`);
    this.lock = lock;
    this.attempts = failure.attempts;
    this.waitedMs = failure.waitedMs;
    this.holder = failure.holder;
  }
}

/** The backoff before attempt `n + 1` (n ≥ 1): base × 2^(n−1). */
export function lockBackoff(attempt: number, baseMs: number): number {
  return baseMs * 2 ** (attempt - 1);
}

/** What `link` says on file systems that have no hard links (some network and FUSE mounts, FAT). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Tokens of the locks this process holds right now, across all `FileLock` instances: how a lock carrying
 * our own pid is told apart from one left by a dead process that had the same pid.
 */
const heldTokens = new Set<string>();

type TryOutcome =
  | { kind: 'acquired'; token: string }
  | { kind: 'busy'; holder?: LockHolder }
  | { kind: 'stale'; observed: Observed };

interface Observed {
  text: string;
  mtimeMs: number;
  holder?: LockHolder;
  reason: 'dead' | 'expired' | 'unreadable';
}

export class FileLock {
  readonly path: string;
  readonly #clock: Clock;
  readonly #attempts: number;
  readonly #backoffMs: number;
  readonly #staleMs: number;
  readonly #log: (event: LockEvent) => void;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: FileLockOptions) {
    this.path = options.path;
    this.#clock = options.clock ?? systemClock;
    this.#attempts = Math.max(1, options.attempts ?? DEFAULT_LOCK_ATTEMPTS);
    this.#backoffMs = options.backoffMs ?? DEFAULT_LOCK_BACKOFF_MS;
    this.#staleMs = options.staleMs ?? DEFAULT_STALE_LOCK_MS;
    this.#log = options.log ?? (() => undefined);
  }

  /**
   * Runs `work` holding the lock and releases it afterwards, whatever `work` does. `work`'s own failure
   * is rethrown; a lock that could not be had is `{ ok: false }` and `work` never ran.
   */
  withLock<T>(work: () => Promise<T>): Promise<LockResult<T>> {
    const turn = this.#queue.then(() => this.#locked(work));
    // The queue only orders; one caller's failure is that caller's, not the next one's.
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /**
   * One attempt, no waiting (a stale lock is still taken over): the lock with its release, or undefined when
   * someone holds it. For locks held across long work that is not a callback (a request's slot lease).
   */
  async tryHold(): Promise<{ release: () => Promise<void> } | undefined> {
    const outcome = await this.#tryAcquire();
    if (outcome.kind !== 'acquired') return undefined;
    return { release: () => this.#release(outcome.token) };
  }

  async #locked<T>(work: () => Promise<T>): Promise<LockResult<T>> {
    const started = this.#clock.now();
    let holder: LockHolder | undefined;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#tryAcquire();
      if (outcome.kind === 'acquired') {
        try {
          return { ok: true, value: await work() };
        } finally {
          await this.#release(outcome.token);
        }
      }
      holder = outcome.kind === 'busy' ? outcome.holder : outcome.observed.holder;
      if (attempt >= this.#attempts) {
        const failure = {
          attempts: attempt,
          waitedMs: this.#clock.now() - started,
          ...(holder ? { holder } : {}),
        };
        this.#log({ type: 'lock_exhausted', lock: this.path, ...failure });
        return { ok: false, ...failure };
      }
      const waitMs = lockBackoff(attempt, this.#backoffMs);
      this.#log({ type: 'lock_retry', lock: this.path, attempt, waitMs, ...(holder ? { holder } : {}) });
      await this.#clock.sleep(waitMs);
    }
  }

  /** One attempt: create, or take over a stale lock and create. */
  async #tryAcquire(): Promise<TryOutcome> {
    const first = await this.#create(this.path);
    if (first.kind !== 'stale') return first;
    if (!(await this.#removeStale(first.observed))) return first;
    const second = await this.#create(this.path);
    // Someone else won the race for the freed lock: that is a busy lock, not a stale one.
    return second.kind === 'stale'
      ? { kind: 'busy', ...(second.observed.holder ? { holder: second.observed.holder } : {}) }
      : second;
  }

  async #create(path: string): Promise<TryOutcome> {
    const holder: LockHolder = {
      pid: process.pid,
      host: hostname(),
      at: this.#clock.now(),
      token: randomBytes(8).toString('hex'),
    };
    const text = JSON.stringify(holder);
    const temp = `${path}.${holder.token}.tmp`;
    await writeNew(temp, text);
    // Ours before the link: another FileLock of this process may read the lock between the link and its
    // callback, and must not judge our pid with an unknown token a dead predecessor's.
    heldTokens.add(holder.token);
    try {
      await link(temp, path);
      return { kind: 'acquired', token: holder.token };
    } catch (error) {
      heldTokens.delete(holder.token);
      const code = errorCode(error);
      if (code === 'EEXIST') return this.#inspect(path);
      if (!NO_HARD_LINKS.has(code ?? '')) throw error;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    // A file system without hard links: exclusive create, then the content. For an instant the lock is
    // empty; an empty lock is judged by its age, so nobody takes it over in that instant.
    try {
      heldTokens.add(holder.token);
      await writeNew(path, text);
      return { kind: 'acquired', token: holder.token };
    } catch (error) {
      heldTokens.delete(holder.token);
      if (errorCode(error) === 'EEXIST') return this.#inspect(path);
      throw error;
    }
  }

  /** Who holds the lock at `path`, and whether that holder is gone. */
  async #inspect(path: string): Promise<TryOutcome> {
    let text: string;
    let mtimeMs: number;
    try {
      [text, mtimeMs] = await Promise.all([readFile(path, 'utf8'), stat(path).then((s) => s.mtimeMs)]);
    } catch (error) {
      // Released between our link and our read: busy for this attempt, free for the next.
      if (errorCode(error) === 'ENOENT') return { kind: 'busy' };
      throw error;
    }
    const holder = parseHolder(text);
    if (holder === undefined) {
      // Empty (the no-hard-links path, mid-write) or damaged: only its age can tell, and that is the
      // file system's clock, not ours.
      return Date.now() - mtimeMs > this.#staleMs
        ? { kind: 'stale', observed: { text, mtimeMs, reason: 'unreadable' } }
        : { kind: 'busy' };
    }
    if (holder.host === hostname() && !this.#holderAlive(holder)) {
      return { kind: 'stale', observed: { text, mtimeMs, holder, reason: 'dead' } };
    }
    if (this.#clock.now() - holder.at > this.#staleMs) {
      return { kind: 'stale', observed: { text, mtimeMs, holder, reason: 'expired' } };
    }
    return { kind: 'busy', holder };
  }

  /**
   * Our own pid with a token this process does not hold is a lock left by an earlier process that had
   * the same pid — routine in containers, where a restarted process often gets the same small pid.
   */
  #holderAlive(holder: LockHolder): boolean {
    if (holder.pid === process.pid) return heldTokens.has(holder.token);
    return isProcessAlive(holder.pid);
  }

  /**
   * Removes the stale lock, unless it changed since it was judged. Returns whether the lock was removed
   * (by us, or already gone).
   */
  async #removeStale(observed: Observed): Promise<boolean> {
    const guardPath = `${this.path}.takeover`;
    const guard = await this.#create(guardPath);
    if (guard.kind !== 'acquired') {
      // A guard left by a process killed in its microseconds-long takeover: remove it; the next attempt
      // takes over properly. (Two processes doing this at the same instant after such a crash is the
      // one race left, and it needs two unlikely events at once.)
      if (guard.kind === 'stale') await unlink(guardPath).catch(() => undefined);
      return false;
    }
    try {
      let current: string;
      let mtimeMs: number;
      try {
        [current, mtimeMs] = await Promise.all([
          readFile(this.path, 'utf8'),
          stat(this.path).then((s) => s.mtimeMs),
        ]);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return true;
        throw error;
      }
      if (current !== observed.text || mtimeMs !== observed.mtimeMs) return false;
      try {
        await unlink(this.path);
      } catch (error) {
        // Released by its holder since the read: gone, as wanted.
        if (errorCode(error) === 'ENOENT') return true;
        throw error;
      }
      if (observed.holder) await unlink(`${this.path}.${observed.holder.token}.tmp`).catch(() => undefined);
      this.#log({
        type: 'lock_takeover',
        lock: this.path,
        reason: observed.reason,
        ...(observed.holder ? { holder: observed.holder } : {}),
      });
      return true;
    } finally {
      await this.#release(guard.token, guardPath);
    }
  }

  async #release(token: string, path = this.path): Promise<void> {
    // The token stays ours until the file is gone: another FileLock of this process that reads the lock
    // meanwhile must see a live holder, not a dead predecessor's pid to take over.
    try {
      const holder = parseHolder(await readFile(path, 'utf8'));
      if (holder?.token !== token) {
        this.#log({ type: 'lock_lost', lock: path, detail: 'taken over by another process while held' });
        return;
      }
      await unlink(path);
    } catch (error) {
      // A lock we cannot remove is reported, not thrown: the work under it is done, and a dead-pid lock
      // is taken over by the next process anyway.
      this.#log({ type: 'lock_lost', lock: path, detail: errorMessage(error) });
    } finally {
      heldTokens.delete(token);
    }
  }
}

/**
 * Creates `path` with `text`, or throws — and then leaves no file behind: on a full disk the create
 * succeeds and the write fails, and an empty holder file would stay for good (a temp file nobody sweeps, or
 * a lock judged only by its age).
 */
async function writeNew(path: string, text: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    // The first lock in a new run directory creates the directory.
    if (errorCode(error) !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    handle = await open(path, 'wx');
  }
  try {
    await handle.writeFile(text);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/** A lock file's holder record, or undefined for anything else (also the daemon's lock reads it). */
export function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | null;
    if (
      value !== null &&
      typeof value === 'object' &&
      Number.isInteger(value.pid) &&
      typeof value.host === 'string' &&
      typeof value.at === 'number' &&
      typeof value.token === 'string'
    ) {
      return value as LockHolder;
    }
  } catch {
    // fall through
  }
  return undefined;
}

/** `kill(pid, 0)` checks existence without sending anything; EPERM means it exists under another user. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}
