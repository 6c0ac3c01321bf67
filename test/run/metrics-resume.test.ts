/**
 * A resumed run continues its counts. The snapshot carries them (`state.json` → `metrics`), because
 * `metrics.json` is a view rewritten at most once per heartbeat interval while the run is running; a state
 * written by an older keel, without them, is continued from `metrics.json`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunMetrics } from '../../src/run/metrics.ts';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import {
  createRunFixture,
  fixtureArgs,
  runKeel,
  startFleet,
  type RunFixture,
} from './helpers/run-fixture.ts';

let sim: FleetSimulator;
let fx: RunFixture;

beforeAll(async () => {
  sim = await startFleet({ latencyMs: 5 });
  fx = await createRunFixture(sim);
});
afterAll(async () => {
  await fx?.cleanup();
  await sim?.close();
});

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** A finished run made resumable again: interrupted before its publish step. */
async function reopen(runId: string, edit: (state: Record<string, unknown>) => void): Promise<void> {
  const path = join(fx.runDir(runId), 'state.json');
  const state = await readJson<Record<string, unknown> & { steps: Record<string, { status: string }> }>(path);
  state.status = 'interrupted';
  state.steps.publish!.status = 'pending';
  edit(state);
  await writeFile(path, JSON.stringify(state));
}

async function setMetricsFile(runId: string, resumes: number): Promise<void> {
  const path = join(fx.runDir(runId), 'metrics.json');
  await writeFile(path, JSON.stringify({ ...(await readJson<RunMetrics>(path)), resumes }));
}

/** Runs a task to its end, then `between` (the run on disk), then the resume: its metrics.json. */
async function runThenResume(runId: string, between: () => Promise<void>): Promise<RunMetrics> {
  const args = ['--task', `Add a helper in src/${runId}.js.`, '--run-id', runId, ...fixtureArgs(fx)];
  const first = await runKeel(args);
  expect(first.code, first.stdout + first.stderr).toBe(0);
  await between();
  const resumed = await runKeel(['--resume', runId, ...fixtureArgs(fx)]);
  expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
  return readJson<RunMetrics>(join(fx.runDir(runId), 'metrics.json'));
}

describe('metrics across a resume', () => {
  it("continue from the snapshot's counts, not from a metrics.json that lags behind", async () => {
    const after = await runThenResume('m1', async () => {
      const snapshot = await readJson<{ metrics: RunMetrics }>(join(fx.runDir('m1'), 'state.json'));
      expect(snapshot.metrics).toEqual(await readJson(join(fx.runDir('m1'), 'metrics.json')));
      await reopen('m1', (state) => ((state.metrics as RunMetrics).resumes = 5));
      await setMetricsFile('m1', 0); // the view was behind when the run stopped
    });
    expect(after.resumes).toBe(6);
  }, 30_000);

  it('continue from metrics.json when the snapshot has none (written by an older keel)', async () => {
    const after = await runThenResume('m2', async () => {
      await reopen('m2', (state) => delete state.metrics);
      await setMetricsFile('m2', 3);
    });
    expect(after.resumes).toBe(4);
  }, 30_000);
});
