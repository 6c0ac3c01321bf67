/**
 * One checkpoint = the snapshot (`state.json`, through the store and its lock retries), then the manifest
 * and the metrics. The rule: a snapshot that fails after its retries never stops the manifest and
 * the metrics from being written — they are what a human and `keel status` look at, and the next
 * checkpoint will try the snapshot again. Nothing here throws into the engine: failures are logged and
 * returned.
 *
 * Checkpoints are serialised and coalesced: while one is being written, further calls wait and only the
 * newest of them is written next (it contains everything the older ones did). A thousand subtasks
 * finishing together cost a handful of writes, not a thousand, and an older snapshot can never land after
 * a newer one.
 */
import { join } from 'node:path';
import { systemClock, type Clock } from '../base/clock.ts';
import { errorMessage } from '../base/errors.ts';
import { writeFileAtomic } from '../base/atomic-file.ts';
import { MANIFEST_FILE, METRICS_FILE } from '../base/state-layout.ts';
import { buildManifest } from './manifest.ts';
import { LeaseLostError } from './run-lease.ts';
import type { RunMetrics } from './metrics.ts';
import type { RunState } from './state.ts';

export { MANIFEST_FILE } from '../base/state-layout.ts';
export { buildManifest, countSteps, type RunManifest, type StepCounts } from './manifest.ts';
export { emptyMetrics, MetricsRecorder, runMetricsSchema, type RunMetrics } from './metrics.ts';

/** What the coordinator needs of `TaskStateStore`. */
export interface SnapshotStore {
  save(state: RunState): Promise<void>;
}

export type PersistenceEvent =
  | { type: 'snapshot_failed'; runId: string; error: string }
  | { type: 'sidecar_failed'; file: string; error: string };

export type CheckpointResult = (
  | { snapshot: 'saved' }
  | { snapshot: 'failed'; error: string }
  /** The run lease was lost: nothing was written, not even the views, and nothing may be any more. */
  | { snapshot: 'fenced'; error: LeaseLostError }
) & {
  /** Manifest or metrics writes that failed (they are retried at the next checkpoint or heartbeat). */
  sidecarErrors: string[];
};

export interface PersistenceCoordinatorOptions {
  store: SnapshotStore;
  runDir: string;
  clock?: Clock;
  log?: (event: PersistenceEvent) => void;
  /**
   * While the run is `running`, the manifest and the metrics file are rewritten at most this often (and
   * whenever the status changes, and after a failed write); 0, the default: at every checkpoint. They are
   * views — the snapshot itself carries the metrics (`state.metrics`), so a resume loses no count — and a
   * run writes its snapshot about ten times in a few hundred milliseconds: three fsynced files each time
   * was most of a short run's file work. The heartbeat keeps the manifest fresh in between.
   */
  sidecarEveryMs?: number;
}

interface Pending {
  state: RunState;
  metrics: RunMetrics;
  waiters: ((result: CheckpointResult) => void)[];
}

export class PersistenceCoordinator {
  readonly runDir: string;
  readonly #store: SnapshotStore;
  readonly #clock: Clock;
  readonly #log: (event: PersistenceEvent) => void;
  #pending: Pending | undefined;
  #draining = false;
  #manifestWrittenAt: number | undefined;
  readonly #sidecarEveryMs: number;
  /** The last checkpoint that wrote the sidecars (both of them, successfully): when, and the run's status. */
  #sidecars: { at: number; status: RunState['status'] } | undefined;

  constructor(options: PersistenceCoordinatorOptions) {
    this.runDir = options.runDir;
    this.#store = options.store;
    this.#clock = options.clock ?? systemClock;
    this.#log = options.log ?? (() => undefined);
    this.#sidecarEveryMs = Math.max(0, options.sidecarEveryMs ?? 0);
  }

  /** When the manifest was last written successfully (wall-clock ms), for the heartbeat's throttle. */
  get manifestWrittenAt(): number | undefined {
    return this.#manifestWrittenAt;
  }

  /**
   * Saves the snapshot, then — whatever happened to it — the manifest and the metrics. Resolves when this
   * state (or a newer one passed meanwhile) has been through a checkpoint. Never rejects.
   */
  checkpoint(state: RunState, metrics: RunMetrics): Promise<CheckpointResult> {
    return new Promise((resolve) => {
      if (this.#pending) {
        this.#pending.state = state;
        this.#pending.metrics = metrics;
        this.#pending.waiters.push(resolve);
      } else {
        this.#pending = { state, metrics, waiters: [resolve] };
      }
      if (!this.#draining) void this.#drain();
    });
  }

  /** Writes `manifest.json` from the state. Never throws; the failure is logged and returned. */
  async writeManifest(state: RunState): Promise<{ ok: true } | { ok: false; error: string }> {
    return this.#writeSidecar(MANIFEST_FILE, () => buildManifest(state));
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#pending) {
        const job = this.#pending;
        this.#pending = undefined;
        const result = await this.#checkpointOnce(job.state, job.metrics);
        for (const resolve of job.waiters) resolve(result);
      }
    } finally {
      this.#draining = false;
    }
  }

  async #checkpointOnce(state: RunState, metrics: RunMetrics): Promise<CheckpointResult> {
    let snapshot: { snapshot: 'saved' } | { snapshot: 'failed'; error: string };
    try {
      await this.#store.save({ ...state, metrics });
      snapshot = { snapshot: 'saved' };
    } catch (error) {
      // Another process owns the run now: its views are its own to write.
      if (error instanceof LeaseLostError) return { snapshot: 'fenced', error, sidecarErrors: [] };
      snapshot = { snapshot: 'failed', error: errorMessage(error) };
      this.#log({ type: 'snapshot_failed', runId: state.runId, error: snapshot.error });
    }
    // A failed snapshot never stops the views; and then they are what is left, so they are due.
    if (snapshot.snapshot === 'saved' && !this.#sidecarsDue(state.status))
      return { ...snapshot, sidecarErrors: [] };
    const now = this.#clock.now();
    const sidecars = await Promise.all([
      this.#writeSidecar(MANIFEST_FILE, () => buildManifest(state)),
      this.#writeSidecar(METRICS_FILE, () => metrics),
    ]);
    const sidecarErrors = sidecars.flatMap((s) => (s.ok ? [] : [s.error]));
    this.#sidecars = sidecarErrors.length === 0 ? { at: now, status: state.status } : undefined;
    return { ...snapshot, sidecarErrors };
  }

  #sidecarsDue(status: RunState['status']): boolean {
    const last = this.#sidecars;
    if (this.#sidecarEveryMs === 0 || last === undefined || status !== 'running') return true;
    return last.status !== status || this.#clock.now() - last.at >= this.#sidecarEveryMs;
  }

  /** `build` runs inside the try: a state the manifest cannot be built from is a failed write, not a throw. */
  async #writeSidecar(
    file: string,
    build: () => unknown,
  ): Promise<{ ok: true } | { ok: false; error: string }> {
    try {
      await writeFileAtomic(join(this.runDir, file), `${JSON.stringify(build(), null, 2)}\n`);
      if (file === MANIFEST_FILE) this.#manifestWrittenAt = this.#clock.now();
      return { ok: true };
    } catch (error) {
      const message = `${file}: ${errorMessage(error)}`;
      this.#log({ type: 'sidecar_failed', file, error: message });
      return { ok: false, error: message };
    }
  }
}
