/**
 * The checkpoint on disk: `<runDir>/state.json`, written atomically under an inter-process lock with
 * bounded retries. Two processes may share a run directory — a resumed run while the old
 * one is still shutting down, the Action's `post` step, `keel status` — and the lock keeps their writes
 * in turn; `TaskStateStoreLockError` says the lock stayed busy for all of the retries, and the caller
 * (the persistence coordinator) carries on and tries again at the next checkpoint.
 *
 * The write path is typed and is not validated again (JSON.stringify only: the bench measures it). The
 * read path validates with zod: a file from a crashed or older process is untrusted input. A corrupt
 * checkpoint is moved aside, never deleted — it may be the only copy of someone's afternoon.
 */
import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { systemClock, type Clock } from '../base/clock.ts';
import { errorMessage } from '../base/errors.ts';
import { readJsonFile, writeFileAtomic, writeFileAtomicSync } from '../base/atomic-file.ts';
import {
  FileLock,
  LockTimeoutError,
  type LockEvent,
  type LockHolder,
  type LockResult,
} from '../base/file-lock.ts';
import { MANIFEST_FILE, RUNS_DIR, STATE_FILE } from '../base/state-layout.ts';
import { buildManifest, manifestSchema, type RunManifest, type StepCounts } from './manifest.ts';
import {
  isUnfinished,
  RUN_STATE_VERSION,
  RUN_STATUSES,
  runStateSchema,
  type RunState,
  type RunStatus,
} from './state.ts';

export const STATE_LOCK_FILE = 'state.lock';

export type StoreEvent =
  | LockEvent
  | { type: 'state_corrupt'; file: string; problem: string; movedTo?: string }
  | { type: 'state_newer'; file: string; version: unknown };

/** `save` could not get the lock within its retries; the snapshot was not written. */
export class TaskStateStoreLockError extends LockTimeoutError {
  override name = 'TaskStateStoreLockError';
  constructor(lock: string, failure: { attempts: number; waitedMs: number; holder?: LockHolder }) {
    super(lock, failure);
    this.message = `state snapshot not saved: ${this.message}`;
  }
}

export interface TaskStateStoreOptions {
  runDir: string;
  clock?: Clock;
  /** Default 5. */
  lockAttempts?: number;
  /** First backoff; doubles per attempt. Default 100 ms (100, 200, 400, 800). */
  lockBackoffMs?: number;
  /** A live holder older than this is taken over. Default 30 s. */
  staleLockMs?: number;
  log?: (event: StoreEvent) => void;
  /**
   * The run lease's check (`RunLease.check`): called under the lock before a snapshot is written and again
   * right before its rename; a throw leaves `state.json` as it was and is rethrown.
   */
  fence?: () => void;
}

export class TaskStateStore {
  readonly runDir: string;
  readonly statePath: string;
  readonly #lock: FileLock;
  readonly #clock: Clock;
  readonly #log: (event: StoreEvent) => void;
  readonly #fence: (() => void) | undefined;

  constructor(options: TaskStateStoreOptions) {
    this.runDir = options.runDir;
    this.statePath = join(options.runDir, STATE_FILE);
    this.#clock = options.clock ?? systemClock;
    this.#log = options.log ?? (() => undefined);
    this.#fence = options.fence;
    this.#lock = new FileLock({
      path: join(options.runDir, STATE_LOCK_FILE),
      clock: this.#clock,
      ...(options.lockAttempts !== undefined ? { attempts: options.lockAttempts } : {}),
      ...(options.lockBackoffMs !== undefined ? { backoffMs: options.lockBackoffMs } : {}),
      ...(options.staleLockMs !== undefined ? { staleMs: options.staleLockMs } : {}),
      log: this.#log,
    });
  }

  /** Writes the snapshot atomically under the lock; throws `TaskStateStoreLockError` when it stays busy. */
  async save(state: RunState): Promise<void> {
    // Serialised before the lock is taken: the lock is held only for the write itself.
    const json = `${JSON.stringify(state)}\n`;
    const fence = this.#fence;
    const result = await this.#lock.withLock(async () => {
      fence?.();
      await writeFileAtomic(this.statePath, json, fence ? { beforeRename: fence } : {});
    });
    if (!result.ok) throw new TaskStateStoreLockError(this.#lock.path, result);
  }

  /**
   * Writes the snapshot at once, without the lock (there is no time to wait for it): only for a forced exit,
   * the third signal of a storm. Fenced like `save`.
   */
  saveNow(state: RunState): void {
    this.#fence?.();
    writeFileAtomicSync(
      this.statePath,
      `${JSON.stringify(state)}\n`,
      this.#fence ? { beforeRename: this.#fence } : {},
    );
  }

  /** Runs `work` under the state lock: the run lease is taken and handed over under it (`run-lease.ts`). */
  withLock<T>(work: () => Promise<T>): Promise<LockResult<T>> {
    return this.#lock.withLock(work);
  }

  /**
   * The saved state, or nothing (no checkpoint yet), or a problem: unreadable, corrupt (moved aside to
   * `state.json.corrupt-<ms>`), or written by a newer keel (left alone). Never throws.
   */
  async load(): Promise<{ state?: RunState; problem?: string }> {
    const read = await readJsonFile(this.statePath);
    if (!read.ok) {
      if (read.reason === 'missing') return {};
      if (read.reason === 'unreadable') return { problem: read.detail };
      return { problem: await this.#setAside(read.text ?? '', read.detail) };
    }
    const parsed = runStateSchema.safeParse(read.value);
    if (parsed.success) return { state: parsed.data };
    const version = (read.value as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > RUN_STATE_VERSION) {
      this.#log({ type: 'state_newer', file: this.statePath, version });
      return { problem: `${this.statePath}: written by a newer keel (state version ${version})` };
    }
    return { problem: await this.#setAside(read.text, `${this.statePath}: ${describeIssue(parsed.error)}`) };
  }

  /**
   * Moves the corrupt file aside under the lock, after checking that it is still the content judged
   * corrupt: a writer may have replaced it with a good snapshot in the meantime.
   */
  async #setAside(text: string, problem: string): Promise<string> {
    const target = `${this.statePath}.corrupt-${this.#clock.now()}`;
    let moved: boolean;
    try {
      const result = await this.#lock.withLock(async () => {
        const again = await readJsonFile(this.statePath);
        const same = again.ok ? again.text === text : again.reason === 'not-json' && again.text === text;
        if (!same) return false;
        await rename(this.statePath, target);
        return true;
      });
      moved = result.ok && result.value;
    } catch (error) {
      this.#log({
        type: 'state_corrupt',
        file: this.statePath,
        problem: `${problem}; not moved: ${errorMessage(error)}`,
      });
      return `${problem} (could not move it aside: ${errorMessage(error)})`;
    }
    this.#log({
      type: 'state_corrupt',
      file: this.statePath,
      problem,
      ...(moved ? { movedTo: target } : {}),
    });
    return moved
      ? `${problem} (moved aside to ${target})`
      : `${problem} (left in place: it changed or the lock was busy)`;
  }
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `invalid checkpoint at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}

export interface RunSummary {
  runId: string;
  /** The run's directory (its name is the run id, unless someone renamed it). */
  runDir: string;
  status: RunStatus | 'unknown';
  /** The task's first 200 characters. */
  task: string;
  /** Wall-clock ms of the last checkpoint; 0 when unknown (such entries sort last). */
  updatedAt: number;
  steps: StepCounts;
  /** Where the summary came from; `none` for an entry that could not be read (see `problem`). */
  source: 'manifest' | 'state' | 'none';
  problem?: string;
}

const EMPTY_COUNTS: StepCounts = { pending: 0, running: 0, done: 0, failed: 0, skipped: 0 };

/**
 * Every run under `<stateDir>/runs/`, newest first, from its manifest (or its state when the manifest is
 * missing or damaged). Never throws: a directory that cannot be read becomes an entry with a `problem`.
 */
export async function listRuns(stateDir: string): Promise<RunSummary[]> {
  const runsDir = join(stateDir, RUNS_DIR);
  let names: string[];
  try {
    const entries = await readdir(runsDir, { withFileTypes: true });
    names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
  const summaries = await Promise.all(names.map((name) => summarizeRun(join(runsDir, name), name)));
  return summaries.sort((a, b) => b.updatedAt - a.updatedAt || a.runId.localeCompare(b.runId));
}

async function summarizeRun(runDir: string, name: string): Promise<RunSummary> {
  const manifest = await readJsonFile(join(runDir, MANIFEST_FILE));
  const problems: string[] = [];
  if (manifest.ok) {
    const parsed = manifestSchema.safeParse(manifest.value);
    if (parsed.success) return fromManifest(parsed.data, runDir, 'manifest');
    problems.push(`manifest.json: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  } else if (manifest.reason !== 'missing') {
    problems.push(manifest.detail);
  }
  const state = await readJsonFile(join(runDir, STATE_FILE));
  if (state.ok) {
    const parsed = runStateSchema.safeParse(state.value);
    if (parsed.success) return fromManifest(buildManifest(parsed.data), runDir, 'state');
    problems.push(`state.json: ${describeIssue(parsed.error)}`);
  } else {
    problems.push(state.reason === 'missing' ? 'no manifest.json or state.json' : state.detail);
  }
  return {
    runId: name,
    runDir,
    status: 'unknown',
    task: '',
    updatedAt: 0,
    steps: { ...EMPTY_COUNTS },
    source: 'none',
    problem: problems.join('; '),
  };
}

/** A checkpoint without a readable manifest is summarised through the manifest it would have written. */
function fromManifest(m: RunManifest, runDir: string, source: 'manifest' | 'state'): RunSummary {
  return {
    runId: m.runId,
    runDir,
    status: m.status,
    task: m.task,
    updatedAt: m.updatedAt,
    steps: m.steps,
    source,
  };
}

const statusOnly = z.object({ status: z.enum(RUN_STATUSES) });

/**
 * The newest run that can be resumed (`keel run --resume` without an id). The manifest may lag behind the
 * checkpoint (its write failed, or the process died between the two), so the candidate's `state.json`
 * has the last word on whether it is finished.
 */
export async function latestUnfinishedRun(stateDir: string): Promise<RunSummary | undefined> {
  for (const run of await listRuns(stateDir)) {
    if (run.status === 'unknown' || !isUnfinished({ status: run.status })) continue;
    const state = await readJsonFile(join(run.runDir, STATE_FILE));
    if (!state.ok) continue;
    const parsed = statusOnly.safeParse(state.value);
    if (parsed.success && isUnfinished(parsed.data)) return { ...run, status: parsed.data.status };
  }
  return undefined;
}
