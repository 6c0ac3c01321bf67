/**
 * `keel lane` as real processes on the real engine (the scripted simulator, a temp git repository):
 * - four persistent lanes drain one queue that keeps growing in batches, with no guard and no dispatcher
 *   anywhere (the coordinator is down): every task is claimed exactly once and done, the claim-state file
 *   and the lanes' event logs agree, and SIGTERM stops every lane cleanly;
 * - a lane killed mid-task (SIGKILL, and SIGTERM) resumes the very same run when it starts again.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import {
  createRunFixture,
  duplicateProblems,
  readState,
  setAllModes,
  startFleet,
  type RunFixture,
} from '../run/helpers/run-fixture.ts';
import { claimEntries, laneEvents, spawnLane, summary, until, type LaneProcess } from './lane-helpers.ts';

let sim: FleetSimulator;
const fixtures: RunFixture[] = [];
const processes: LaneProcess[] = [];

beforeAll(async () => {
  sim = await startFleet({ latencyMs: 5 });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  for (const p of processes.splice(0)) {
    p.child.kill('SIGKILL');
    await p.exited;
  }
  for (const fx of fixtures.splice(0)) await fx.cleanup();
  await setAllModes(sim, 'ok', 5);
});

const LANES = ['l0', 'l1', 'l2', 'l3'];

async function setup(): Promise<{ fx: RunFixture; queueFile: string; stateFile: string; lanesFile: string }> {
  const fx = await createRunFixture(sim, { maxParallel: 4, run: { validate: [], heartbeatMs: 100 } });
  fixtures.push(fx);
  const queueFile = join(fx.dir, 'queue.ndjson');
  const stateFile = join(fx.dir, 'queue-state.json');
  const lanesFile = join(fx.dir, 'keel-lanes.yml');
  await writeFile(
    lanesFile,
    stringify({
      version: 1,
      stateDir: fx.stateDir,
      lanes: LANES.map((name) => ({ name, queueFile, queueStateFile: stateFile })),
    }),
  );
  return { fx, queueFile, stateFile, lanesFile };
}

function laneArgs(fx: RunFixture, lanesFile: string, lane: string, ...extra: string[]): string[] {
  return [
    '--lanes',
    lanesFile,
    '--lane',
    lane,
    '--repo',
    fx.repo,
    '--config',
    fx.configPath,
    '--poll-ms',
    '50',
    ...extra,
  ];
}

const task = (id: string, owner?: string) =>
  `${JSON.stringify({ id, text: `Add a helper in src/${id}.js.`, ...(owner ? { owner } : {}) })}\n`;

describe('four lane processes, coordinator down', () => {
  it('drain a queue appended in batches: each task claimed once and done; SIGTERM stops them cleanly', async () => {
    const { fx, queueFile, stateFile, lanesFile } = await setup();
    const ids: string[] = [];
    const batch = async (size: number): Promise<void> => {
      let lines = '';
      for (let i = 0; i < size; i++) {
        const id = `t${ids.length}`;
        lines += task(id, ids.length % 5 === 0 ? LANES[ids.length % 4] : undefined);
        ids.push(id);
      }
      await appendFile(queueFile, lines);
    };
    await batch(6);
    const lanes = LANES.map((lane) => spawnLane(laneArgs(fx, lanesFile, lane, '--persistent')));
    processes.push(...lanes);
    const explain = async (): Promise<string> =>
      `${summary(await claimEntries(stateFile), ids.length)}\n${lanes.map((l) => l.output().slice(-3_000)).join('\n---\n')}`;
    for (let b = 0; b < 3; b++) {
      // Each batch once the previous one is under way: the lanes are waiting on the file, not exiting.
      await until(
        async () => (await claimEntries(stateFile)).length >= ids.length - 2,
        `batch ${b} claimed`,
        60_000,
        explain,
      );
      await batch(4);
    }
    // Finished, one way or another: a run that failed would show below as blocked, not as a hang.
    await until(
      async () => {
        const entries = await claimEntries(stateFile);
        return entries.length === ids.length && entries.every((e) => e.state !== 'claimed');
      },
      'every task finished',
      90_000,
      explain,
    );
    for (const lane of lanes) lane.child.kill('SIGTERM');
    const exits = await Promise.all(lanes.map((lane) => lane.exited));
    expect(exits, lanes.map((l) => l.output()).join('\n---\n')).toEqual(
      LANES.map(() => ({ code: 0, signal: null })),
    );

    const entries = await claimEntries(stateFile);
    expect(entries.map((e) => e.id).sort()).toEqual([...ids].sort());
    const byLane = new Map<string, string>();
    const retries = new Map<string, number>();
    for (const lane of LANES) {
      const events = await laneEvents(fx.stateDir, lane);
      for (const event of events) {
        expect(event.type, JSON.stringify(event)).not.toBe('queue_problem');
        // A run whose start lost a race with another lane's `git worktree add` is tried again (resumed).
        if (event.type === 'task_retry')
          retries.set(event.taskId as string, (retries.get(event.taskId as string) ?? 0) + 1);
        if (event.type !== 'task_claimed') continue;
        expect(byLane.has(event.taskId as string), `${event.taskId as string} claimed twice`).toBe(false);
        byLane.set(event.taskId as string, lane);
      }
      expect(events.at(-1)).toMatchObject({ type: 'lane_stopped', stop: 'stopped' });
    }
    for (const entry of entries) {
      expect(entry, `${entry.id}: ${entry.detail ?? ''}`).toMatchObject({
        state: 'done',
        attempts: 1,
        lane: byLane.get(entry.id),
        runId: `q-${entry.id}`,
      });
      if (entry.task.owner) expect(entry.lane).toBe(entry.task.owner);
      const state = await readState(fx, `q-${entry.id}`);
      expect(state).toMatchObject({ status: 'completed', task: { source: 'queue' } });
      // Resumed only by the lane's own retries: nothing else touched the run.
      expect(state!.resumes).toBeLessThanOrEqual(retries.get(entry.id) ?? 0);
    }
    expect(new Set(entries.map((e) => e.lane)).size).toBeGreaterThan(1);
  }, 120_000);
});

describe('a lane restarted mid-task', () => {
  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`resumes the same run after ${signal}`, async () => {
      const { fx, queueFile, stateFile, lanesFile } = await setup();
      await setAllModes(sim, 'ok', 150);
      await writeFile(queueFile, task('slow') + task('next'));
      const first = spawnLane(laneArgs(fx, lanesFile, 'l0'));
      processes.push(first);
      // Printed once the plan is checkpointed, as the coder call (150 ms) starts.
      first.killOn(/coding \d+ subtask/, signal, 30);
      const exit = await first.exited;
      if (signal === 'SIGTERM') expect(exit, first.output()).toEqual({ code: 0, signal: null });
      else expect(exit.signal).toBe('SIGKILL');
      const [claimed] = await claimEntries(stateFile);
      expect(claimed).toMatchObject({ id: 'slow', state: 'claimed', lane: 'l0', attempts: 1 });
      const before = await readState(fx, 'q-slow');
      expect(before?.steps.plan?.status).toBe('done');
      if (signal === 'SIGTERM') expect(before?.status).toBe('interrupted');

      await setAllModes(sim, 'ok', 5);
      const second = spawnLane(laneArgs(fx, lanesFile, 'l0'));
      processes.push(second);
      expect(await second.exited, second.output()).toEqual({ code: 0, signal: null });
      expect(second.output()).toMatch(/resuming run q-slow \(resume #1\)/);
      const state = (await readState(fx, 'q-slow'))!;
      expect(state).toMatchObject({ status: 'completed', resumes: 1 });
      expect(await duplicateProblems(fx, state)).toEqual([]);
      const entries = await claimEntries(stateFile);
      expect(entries.map((e) => [e.id, e.state, e.attempts])).toEqual([
        ['slow', 'done', 1],
        ['next', 'done', 1],
      ]);
      const events = await laneEvents(fx.stateDir, 'l0');
      expect(
        events.filter((e) => e.type === 'task_started').map((e) => [e.taskId, e.runId, e.resumed]),
      ).toEqual([
        ['slow', 'q-slow', false],
        ['slow', 'q-slow', true],
        ['next', 'q-next', false],
      ]);
    }, 60_000);
  }
});

describe('a lane with several runs in flight, stopped', () => {
  it('checkpoints every run on SIGTERM, each stays claimed, and the restart resumes each as the same run', async () => {
    const { fx, queueFile, stateFile, lanesFile } = await setup();
    await setAllModes(sim, 'ok', 300);
    await writeFile(queueFile, ['a', 'b', 'c', 'd'].map((id) => task(id)).join(''));
    const first = spawnLane(laneArgs(fx, lanesFile, 'l0', '--concurrency', '3'));
    processes.push(first);
    // Each run prints this once its plan is checkpointed, as its coder call (300 ms) starts.
    await until(
      () => (first.output().match(/coding \d+ subtask/g) ?? []).length >= 3,
      'three runs coding',
      60_000,
      () => first.output(),
    );
    first.child.kill('SIGTERM');
    expect(await first.exited, first.output()).toEqual({ code: 0, signal: null });
    const claimed = await claimEntries(stateFile);
    expect(claimed.map((e) => [e.id, e.state, e.lane])).toEqual([
      ['a', 'claimed', 'l0'],
      ['b', 'claimed', 'l0'],
      ['c', 'claimed', 'l0'],
    ]);
    for (const id of ['a', 'b', 'c']) {
      const state = await readState(fx, `q-${id}`);
      expect(state, id).toMatchObject({ status: 'interrupted', steps: { plan: { status: 'done' } } });
    }

    await setAllModes(sim, 'ok', 5);
    const second = spawnLane(laneArgs(fx, lanesFile, 'l0', '--concurrency', '3'));
    processes.push(second);
    expect(await second.exited, second.output()).toEqual({ code: 0, signal: null });
    for (const id of ['a', 'b', 'c']) {
      expect(second.output()).toMatch(new RegExp(`resuming run q-${id} \\(resume #1\\)`));
      const state = (await readState(fx, `q-${id}`))!;
      expect(state, id).toMatchObject({ status: 'completed', resumes: 1 });
      expect(await duplicateProblems(fx, state)).toEqual([]);
    }
    const entries = await claimEntries(stateFile);
    expect(entries.map((e) => [e.id, e.state, e.attempts])).toEqual([
      ['a', 'done', 1],
      ['b', 'done', 1],
      ['c', 'done', 1],
      ['d', 'done', 1],
    ]);
    const started = (await laneEvents(fx.stateDir, 'l0')).filter((e) => e.type === 'task_started');
    expect(started.filter((e) => e.resumed).map((e) => e.taskId)).toEqual(['a', 'b', 'c']);
  }, 90_000);
});
