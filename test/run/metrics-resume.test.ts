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

describe('metrics across a resume', () => {
  it("continue from the snapshot's counts, not from a metrics.json that lags behind", async () => {
    const first = await runKeel([
      '--task',
      'Add a helper in src/m1.js.',
      '--run-id',
      'm1',
      ...fixtureArgs(fx),
    ]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const snapshot = await readJson<{ metrics: RunMetrics }>(join(fx.runDir('m1'), 'state.json'));
    expect(snapshot.metrics).toEqual(await readJson(join(fx.runDir('m1'), 'metrics.json')));

    await reopen('m1', (state) => ((state.metrics as RunMetrics).resumes = 5));
    await setMetricsFile('m1', 0); // the view was behind when the run stopped
    const resumed = await runKeel(['--resume', 'm1', ...fixtureArgs(fx)]);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect((await readJson<RunMetrics>(join(fx.runDir('m1'), 'metrics.json'))).resumes).toBe(6);
  }, 30_000);

  it('continue from metrics.json when the snapshot has none (written by an older keel)', async () => {
    const first = await runKeel([
      '--task',
      'Add a helper in src/m2.js.',
      '--run-id',
      'm2',
      ...fixtureArgs(fx),
    ]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    await reopen('m2', (state) => delete state.metrics);
    await setMetricsFile('m2', 3);
    const resumed = await runKeel(['--resume', 'm2', ...fixtureArgs(fx)]);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect((await readJson<RunMetrics>(join(fx.runDir('m2'), 'metrics.json'))).resumes).toBe(4);
  }, 30_000);
});
