import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/fleet/router-types.ts';
import {
  buildManifest,
  emptyMetrics,
  MetricsRecorder,
  PersistenceCoordinator,
  type PersistenceEvent,
  type RunMetrics,
  type SnapshotStore,
} from '../../src/run/persistence.ts';
import { STATE_LOCK_FILE, TaskStateStore, type StoreEvent } from '../../src/run/state-store.ts';
import type { RunState } from '../../src/run/state.ts';
import { BASE_TIME, makeState, recordingClock } from './fixtures/states.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-persist-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

describe('PersistenceCoordinator', () => {
  it('writes the snapshot, the manifest and the metrics', async () => {
    const runDir = join(dir, 'run');
    const coordinator = new PersistenceCoordinator({ store: new TaskStateStore({ runDir }), runDir });
    const state = makeState('ok', { subtasks: 4 });
    const metrics = { ...emptyMetrics(), qualityRetries: 2 };
    expect(await coordinator.checkpoint(state, metrics)).toEqual({ snapshot: 'saved', sidecarErrors: [] });
    // The snapshot carries the metrics too: a resume restores them from there.
    expect(await readJson(join(runDir, 'state.json'))).toEqual({ ...state, metrics });
    expect(await readJson(join(runDir, 'manifest.json'))).toEqual(buildManifest(state));
    expect(await readJson(join(runDir, 'metrics.json'))).toEqual(metrics);
    expect(coordinator.manifestWrittenAt).toBeTypeOf('number');
  });

  it('still writes manifest and metrics when the snapshot fails after its lock retries, and returns the error', async () => {
    const runDir = join(dir, 'run');
    await mkdir(runDir, { recursive: true });
    // A live holder (this process, another token) keeps the state lock for the whole test.
    await writeFile(
      join(runDir, STATE_LOCK_FILE),
      JSON.stringify({ pid: process.ppid, host: hostname(), at: BASE_TIME, token: 'other' }),
    );
    const { clock, sleeps } = recordingClock();
    const storeEvents: StoreEvent[] = [];
    const events: PersistenceEvent[] = [];
    const store = new TaskStateStore({ runDir, clock, log: (e) => storeEvents.push(e) });
    const coordinator = new PersistenceCoordinator({ store, runDir, clock, log: (e) => events.push(e) });
    const state = makeState('locked-out');
    const metrics = { ...emptyMetrics(), resumes: 1 };

    const result = await coordinator.checkpoint(state, metrics);
    expect(result.snapshot).toBe('failed');
    expect(result.snapshot === 'failed' && result.error).toMatch(/state snapshot not saved: .*5 attempts/);
    expect(sleeps).toEqual([100, 200, 400, 800]);
    expect(storeEvents.filter((e) => e.type === 'lock_retry')).toHaveLength(4);
    expect(events).toEqual([
      { type: 'snapshot_failed', runId: 'run-1', error: expect.stringMatching(/5 attempts/) as unknown },
    ]);
    expect(await readJson(join(runDir, 'manifest.json'))).toEqual(buildManifest(state));
    expect(await readJson(join(runDir, 'metrics.json'))).toEqual(metrics);
    expect(await readdir(runDir)).not.toContain('state.json');
    expect(coordinator.manifestWrittenAt).toBe(BASE_TIME + 1_500);
  });

  it('never rejects: a store that throws anything, a manifest that cannot be built, a directory that cannot be written', async () => {
    const runDir = join(dir, 'file-not-dir');
    await writeFile(runDir, 'in the way');
    const events: PersistenceEvent[] = [];
    const store: SnapshotStore = { save: () => Promise.reject(new Error('EIO')) };
    const coordinator = new PersistenceCoordinator({ store, runDir, log: (e) => events.push(e) });
    const broken = { ...makeState('x'), steps: undefined } as unknown as RunState;
    const result = await coordinator.checkpoint(broken, emptyMetrics());
    expect(result).toMatchObject({ snapshot: 'failed', error: 'EIO' });
    expect(result.sidecarErrors).toHaveLength(2);
    expect(events.map((e) => e.type)).toEqual(['snapshot_failed', 'sidecar_failed', 'sidecar_failed']);
    expect(await coordinator.writeManifest(makeState('y'))).toMatchObject({ ok: false });
  });

  it('with sidecarEveryMs, rewrites manifest and metrics of a running run at most that often, and always on a status change', async () => {
    const runDir = join(dir, 'run');
    let now = BASE_TIME;
    const clock = { now: () => now, sleep: () => Promise.resolve() };
    const store = new TaskStateStore({ runDir, clock });
    const coordinator = new PersistenceCoordinator({ store, runDir, clock, sidecarEveryMs: 1_000 });
    const metricsOnDisk = async () => ((await readJson(join(runDir, 'metrics.json'))) as RunMetrics).batches;
    const snapshotMetrics = async () =>
      ((await readJson(join(runDir, 'state.json'))) as { metrics: RunMetrics }).metrics.batches;
    const at = (batches: number) => ({ ...emptyMetrics(), batches });

    await coordinator.checkpoint(makeState('a'), at(1)); // the first: written
    expect(await metricsOnDisk()).toBe(1);
    now += 999;
    await coordinator.checkpoint(makeState('b'), at(2));
    expect(await metricsOnDisk()).toBe(1); // not yet due…
    expect(await snapshotMetrics()).toBe(2); // …and the snapshot has the count all the same
    expect(coordinator.manifestWrittenAt).toBe(BASE_TIME);
    now += 1;
    await coordinator.checkpoint(makeState('c'), at(3));
    expect(await metricsOnDisk()).toBe(3);
    now += 10;
    await coordinator.checkpoint({ ...makeState('d'), status: 'completed' }, at(4));
    expect(await metricsOnDisk()).toBe(4);
    expect(((await readJson(join(runDir, 'manifest.json'))) as { status: string }).status).toBe('completed');
    now += 10;
    await coordinator.checkpoint({ ...makeState('e'), status: 'completed' }, at(5)); // not running: always
    expect(await metricsOnDisk()).toBe(5);
  });

  it('with sidecarEveryMs, writes the views at the next checkpoint after a failed write, and whenever the snapshot fails', async () => {
    const runDir = join(dir, 'run');
    const { clock, advance } = recordingClock();
    let failSnapshot = false;
    const store: SnapshotStore = {
      save: () => (failSnapshot ? Promise.reject(new Error('EIO')) : Promise.resolve()),
    };
    const coordinator = new PersistenceCoordinator({ store, runDir, clock, sidecarEveryMs: 60_000 });
    await writeFile(join(dir, 'blocker'), 'a file where the run directory should be');
    const blocked = new PersistenceCoordinator({
      store,
      runDir: join(dir, 'blocker'),
      clock,
      sidecarEveryMs: 60_000,
    });
    expect((await blocked.checkpoint(makeState('a'), emptyMetrics())).sidecarErrors).toHaveLength(2);
    advance(10);
    // Not written last time, so due now (and failing again here, which is reported again).
    expect((await blocked.checkpoint(makeState('b'), emptyMetrics())).sidecarErrors).toHaveLength(2);

    await coordinator.checkpoint(makeState('c'), { ...emptyMetrics(), batches: 1 });
    advance(10);
    failSnapshot = true;
    const result = await coordinator.checkpoint(makeState('d'), { ...emptyMetrics(), batches: 2 });
    expect(result.snapshot).toBe('failed');
    expect(((await readJson(join(runDir, 'metrics.json'))) as RunMetrics).batches).toBe(2);
  });

  it('serialises checkpoints and writes only the newest of those that queued meanwhile', async () => {
    const runDir = join(dir, 'run');
    const saved: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store: SnapshotStore = {
      save: async (state) => {
        saved.push(state.task.text);
        if (saved.length === 1) await gate;
      },
    };
    const coordinator = new PersistenceCoordinator({ store, runDir });
    const results = [
      coordinator.checkpoint(makeState('1'), emptyMetrics()),
      coordinator.checkpoint(makeState('2'), emptyMetrics()),
      coordinator.checkpoint(makeState('3'), { ...emptyMetrics(), batches: 3 }),
    ];
    release();
    expect((await Promise.all(results)).map((r) => r.snapshot)).toEqual(['saved', 'saved', 'saved']);
    expect(saved).toEqual(['task 1', 'task 3']);
    expect(((await readJson(join(runDir, 'metrics.json'))) as RunMetrics).batches).toBe(3);
    expect(((await readJson(join(runDir, 'manifest.json'))) as { task: string }).task).toBe('task 3');
  });
});

describe('buildManifest', () => {
  it('summarises the run: counts by status, a redacted 200-character task preview, the resume command', () => {
    const state = makeState('m', { subtasks: 6 });
    state.task.text = `use Bearer abcdefghijkl then ${'x'.repeat(300)}`;
    state.status = 'interrupted';
    state.interruption = { reason: 'SIGTERM', at: BASE_TIME };
    const manifest = buildManifest(state);
    expect(manifest).toMatchObject({
      version: 1,
      runId: 'run-1',
      status: 'interrupted',
      steps: { pending: 0, running: 0, done: 5, failed: 2, skipped: 0 },
      resume: 'keel run --resume run-1',
      interruption: 'SIGTERM',
    });
    expect(manifest.task.startsWith('use [REDACTED] then xxx')).toBe(true);
    expect(manifest.task).toHaveLength(201);
  });
});

describe('MetricsRecorder', () => {
  const attempt = (
    endpointId: string,
    tier: number,
    outcome: Attempt['outcome'],
    latencyMs: number,
  ): Attempt => ({
    key: `${endpointId}/m`,
    endpointId,
    model: 'm',
    tier,
    outcome,
    latencyMs,
  });

  it('counts router events and the engine’s explicit bumps', () => {
    const recorder = new MetricsRecorder();
    recorder.onRouterEvent({
      type: 'attempt',
      role: 'coder',
      attempt: attempt('lan', 1, 'timeout_total', 30_000),
    });
    recorder.onRouterEvent({ type: 'attempt', role: 'coder', attempt: attempt('cloud', 2, 'ok', 800) });
    recorder.onRouterEvent({ type: 'attempt', role: 'coder', attempt: attempt('lan', 1, 'ok', 200) });
    recorder.onRouterEvent({ type: 'breaker', key: 'lan/m', to: 'open', failures: 5 });
    recorder.onRouterEvent({ type: 'breaker', key: 'lan/m', to: 'halfOpen', failures: 5 });
    recorder.onRouterEvent({ type: 'cooldown', endpointId: 'lan', until: 1, strikes: 1 });
    recorder.onRouterEvent({ type: 'disabled', target: 'cloud', reason: '401' });
    recorder.onRouterEvent({ type: 'wait', role: 'coder', reason: 'saturated', ms: 250 });
    recorder.degraded('reviewer');
    recorder.degraded('reviewer');
    recorder.qualityRetry();
    recorder.batch(0.75);
    recorder.batch(0.5);
    recorder.resumed();
    recorder.tokens({ promptTokens: 100, completionTokens: 20 });
    recorder.tokens(undefined);

    expect(recorder.snapshot()).toEqual({
      ...emptyMetrics(),
      attempts: { lan: 2, cloud: 1 },
      failures: { lan: 1 },
      latency: { cloud: { sumMs: 800, count: 1 }, lan: { sumMs: 200, count: 1 } },
      answers: 2,
      fallbacks: 1,
      degradations: { reviewer: 2 },
      qualityRetries: 1,
      batches: 2,
      lastBatchSuccessRate: 0.5,
      breakerOpens: 1,
      cooldowns: 1,
      disabled: 1,
      waits: 1,
      waitedMs: 250,
      resumes: 1,
      tokens: { in: 100, out: 20, reported: 1 },
    });
  });

  it('restores saved counts (a resumed run continues them) and ignores invalid input', () => {
    const first = new MetricsRecorder();
    first.qualityRetry();
    first.onRouterEvent({ type: 'attempt', role: 'coder', attempt: attempt('lan', 1, 'ok', 10) });
    const saved = JSON.parse(JSON.stringify(first.snapshot())) as unknown;

    const second = new MetricsRecorder();
    expect(second.restore(saved)).toEqual({ ok: true });
    second.resumed();
    second.qualityRetry();
    expect(second.snapshot()).toMatchObject({ qualityRetries: 2, resumes: 1, attempts: { lan: 1 } });

    const third = new MetricsRecorder();
    third.qualityRetry();
    expect(third.restore({ version: 1, attempts: 'many' })).toMatchObject({ ok: false, problem: /attempts/ });
    expect(third.snapshot().qualityRetries).toBe(1);
  });

  it('hands out copies', () => {
    const recorder = new MetricsRecorder();
    const snapshot = recorder.snapshot();
    recorder.degraded('coder');
    expect(snapshot.degradations).toEqual({});
  });
});
