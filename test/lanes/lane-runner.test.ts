/**
 * LaneRunner in this process with a stub engine: four lanes draining one queue while it grows (every task
 * claimed exactly once: the claim-state file, the engine calls and the per-lane event logs agree),
 * outcomes, restart and resume, pause, signals, priority and ownership, recycling.
 */
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { laneRunId } from '../../src/lanes/lane-engine.ts';
import { ClaimStore } from '../../src/queue/claim-store.ts';
import type { RunStatus } from '../../src/run/state.ts';
import { appendLines, manualClock, mulberry32, tempDir, writeLines, type TempDir } from '../queue/helpers.ts';
import {
  claimEntries,
  laneEvents,
  readJson,
  stubEngine,
  summary,
  testLane,
  until,
  type EngineCall,
} from './lane-helpers.ts';

let tmp: TempDir;
let queueFile: string;
let stateFile: string;
beforeEach(async () => {
  tmp = await tempDir('keel-lanes-');
  queueFile = tmp.path('queue.ndjson');
  stateFile = tmp.path('queue-state.json');
});
afterEach(async () => {
  await tmp.cleanup();
});

describe('four lanes, one queue', () => {
  it('claims every task exactly once while the queue is appended to', async () => {
    const random = mulberry32(4);
    const lanes = ['l0', 'l1', 'l2', 'l3'];
    const stop = new AbortController();
    const calls: EngineCall[] = [];
    const all: { id: string; owner?: string }[] = [];
    let n = 0;
    const batch = (size: number) =>
      Array.from({ length: size }, () => {
        const id = `t-${n++}`;
        const owner = random() < 0.25 ? lanes[Math.floor(random() * 4)] : undefined;
        all.push({ id, ...(owner ? { owner } : {}) });
        return { id, text: `task ${id}`, ...(owner ? { owner } : {}), priority: Math.floor(random() * 3) };
      });
    await writeLines(queueFile, batch(24));
    const runners = lanes.map((lane) =>
      testLane({
        lane,
        dir: tmp.dir,
        queueFile,
        stateFile,
        persistent: true,
        signal: stop.signal,
        engine: stubEngine(
          lane,
          calls,
          () => ({}),
          () => Math.floor(random() * 4),
        ),
      }),
    );
    const running = runners.map((runner) => runner.run());
    for (let b = 0; b < 6; b++) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      await appendLines(queueFile, batch(6));
    }
    await until(
      async () => (await claimEntries(stateFile)).filter((e) => e.state === 'done').length === all.length,
      'all done',
      60_000,
      async () => summary(await claimEntries(stateFile), all.length),
    );
    stop.abort();
    const results = await Promise.all(running);
    expect(results.map((r) => r.stop)).toEqual(['stopped', 'stopped', 'stopped', 'stopped']);
    expect(results.reduce((sum, r) => sum + r.processed, 0)).toBe(all.length);

    // The claim-state file: each id once, done, by the lane that ran it.
    const entries = await claimEntries(stateFile);
    expect(entries.map((e) => e.id).sort()).toEqual(all.map((t) => t.id).sort());
    expect(entries.every((e) => e.state === 'done' && e.attempts === 1)).toBe(true);
    // The engine: each task once, on its owner when it has one.
    expect(calls.map((c) => c.taskId).sort()).toEqual(all.map((t) => t.id).sort());
    const ranOn = new Map(calls.map((c) => [c.taskId, c.lane]));
    for (const t of all) if (t.owner) expect(ranOn.get(t.id), t.id).toBe(t.owner);
    for (const e of entries) expect(e.lane).toBe(ranOn.get(e.id));
    // The per-lane logs say the same.
    const logged = new Map<string, string[]>();
    for (const lane of lanes) {
      for (const event of await laneEvents(tmp.dir, lane)) {
        if (event.type === 'task_claimed')
          logged.set(event.taskId as string, [...(logged.get(event.taskId as string) ?? []), lane]);
        expect(event.type).not.toBe('queue_problem');
      }
    }
    expect([...logged.keys()].sort()).toEqual(all.map((t) => t.id).sort());
    for (const [id, by] of logged) expect(by, id).toEqual([ranOn.get(id)]);
    // More than one lane did work.
    expect(new Set(calls.map((c) => c.lane)).size).toBeGreaterThan(1);
  }, 90_000);
});

describe('one lane', () => {
  it('maps run outcomes to claim outcomes; an interrupted run stays claimed and is resumed as the same run', async () => {
    const statuses: Record<string, RunStatus> = {
      ok: 'completed',
      part: 'partial',
      deg: 'degraded',
      bad: 'failed',
      cut: 'interrupted',
      later: 'completed',
    };
    await writeLines(
      queueFile,
      Object.keys(statuses).map((id) => ({ id, text: id })),
    );
    const calls: EngineCall[] = [];
    const first = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine: stubEngine('solo', calls, (task) => ({
        status: statuses[task.id]!,
        detail: `said ${task.id}`,
      })),
    }).run();
    expect(first).toMatchObject({
      stop: 'interrupted',
      detail: 'said cut',
      processed: 4,
      outcomes: { done: 3, blocked: 1, failed: 0 },
    });
    const entries = new Map((await claimEntries(stateFile)).map((e) => [e.id, e]));
    expect(entries.get('ok')).toMatchObject({ state: 'done', runId: 'q-ok' });
    expect(entries.get('bad')).toMatchObject({ state: 'blocked', detail: 'said bad' });
    expect(entries.get('cut')).toMatchObject({ state: 'claimed', lane: 'solo' });
    expect(entries.has('later')).toBe(false);

    // The restart resumes `cut` first, as run q-cut, then goes on with the queue.
    const again = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine: stubEngine('solo', calls),
    }).run();
    expect(again).toMatchObject({ stop: 'drained', processed: 2 });
    expect(calls.slice(-2)).toEqual([
      { lane: 'solo', taskId: 'cut', runId: 'q-cut', resumed: true },
      { lane: 'solo', taskId: 'later', runId: 'q-later', resumed: false },
    ]);
    const after = await claimEntries(stateFile);
    expect(after.every((e) => e.state === 'done' || e.state === 'blocked')).toBe(true);
    expect(after.find((e) => e.id === 'cut')!.attempts).toBe(1);
  });

  it('tries an engine that throws again, resuming the same run id; a second try that works is done', async () => {
    await writeLines(queueFile, [{ id: 'flaky', text: 'x' }]);
    const calls: EngineCall[] = [];
    const result = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine: stubEngine('solo', calls, () => {
        if (calls.length === 1) throw new Error('fatal: failed to read .git/worktrees/x/commondir');
        return {};
      }),
    }).run();
    expect(result).toMatchObject({ stop: 'drained', processed: 1, outcomes: { done: 1 } });
    expect(calls.map((c) => [c.runId, c.resumed])).toEqual([
      ['q-flaky', false],
      ['q-flaky', true],
    ]);
    const events = await laneEvents(tmp.dir, 'solo');
    expect(events.filter((e) => e.type === 'task_retry')).toMatchObject([
      { taskId: 'flaky', attempt: 1, error: 'fatal: failed to read .git/worktrees/x/commondir' },
    ]);
  });

  it('records an engine that throws three times as failed, and stops after three such tasks in a row', async () => {
    await writeLines(
      queueFile,
      ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id })),
    );
    const calls: EngineCall[] = [];
    const result = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine: stubEngine('solo', calls, () => {
        throw new Error('not a git repository');
      }),
    }).run();
    expect(result).toMatchObject({ stop: 'errors', processed: 3, outcomes: { failed: 3 } });
    expect(result.detail).toMatch(/3 tasks in a row failed to run; last: not a git repository/);
    expect(calls.map((c) => c.taskId)).toEqual(['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c']);
    const entries = await claimEntries(stateFile);
    expect(entries.map((e) => [e.id, e.state, e.detail])).toEqual([
      ['a', 'failed', 'not a git repository'],
      ['b', 'failed', 'not a git repository'],
      ['c', 'failed', 'not a git repository'],
    ]);
  });

  it('takes its own and unowned tasks, higher priority first, queue order otherwise', async () => {
    await writeLines(queueFile, [
      { id: 'low', text: 'x' },
      { id: 'theirs', text: 'x', owner: 'l1', priority: 9 },
      { id: 'mine-high', text: 'x', owner: 'solo', priority: 5 },
      { id: 'low-2', text: 'x' },
      { id: 'mid', text: 'x', priority: 2 },
    ]);
    const calls: EngineCall[] = [];
    const result = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine: stubEngine('solo', calls),
    }).run();
    expect(result.stop).toBe('drained');
    expect(calls.map((c) => c.taskId)).toEqual(['mine-high', 'mid', 'low', 'low-2']);
    // The other lane's task is left for it, and the cursor stops before it.
    const state = (await readJson(stateFile)) as { cursors: { offset: number; line: number }[] };
    expect(state.cursors[0]!.line).toBe(1);
  });

  it('claims nothing while paused; a persistent lane waits for the flag to go', async () => {
    await writeLines(queueFile, [{ id: 'a', text: 'x' }]);
    const flag = join(tmp.dir, 'lanes', 'solo', 'paused.flag');
    await mkdir(join(tmp.dir, 'lanes', 'solo'), { recursive: true });
    await writeFile(flag, JSON.stringify({ at: Date.now(), by: 'me', reason: 'maintenance' }));
    const calls: EngineCall[] = [];
    const once = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine: stubEngine('solo', calls),
    }).run();
    expect(once).toMatchObject({ stop: 'paused', processed: 0 });
    expect(await claimEntries(stateFile)).toEqual([]);

    const stop = new AbortController();
    const lane = testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      persistent: true,
      signal: stop.signal,
      engine: stubEngine('solo', calls),
    });
    const running = lane.run();
    const beat = join(tmp.dir, 'lanes', 'solo', '.heartbeat');
    await until(
      async () => ((await readJson(beat).catch(() => ({}))) as { status?: string }).status === 'paused',
      'paused heartbeat',
    );
    expect(calls).toEqual([]);
    await rm(flag);
    await until(() => calls.length === 1, 'the task after the pause');
    await until(
      async () => ((await readJson(beat)) as { processed?: number }).processed === 1,
      'heartbeat counts it',
    );
    stop.abort();
    expect(await running).toMatchObject({ stop: 'stopped', processed: 1 });
    expect(await readJson(beat)).toMatchObject({
      pid: process.pid,
      lane: 'solo',
      status: 'stopping',
      processed: 1,
    });
    const events = (await laneEvents(tmp.dir, 'solo')).map((e) => e.type);
    expect(events).toEqual(
      expect.arrayContaining([
        'lane_paused',
        'lane_unpaused',
        'task_claimed',
        'task_finished',
        'lane_stopped',
      ]),
    );
  });

  it('stops cleanly on its signal: the run in progress is left claimed; --max-tasks bounds a lane', async () => {
    await writeLines(
      queueFile,
      ['a', 'b', 'c'].map((id) => ({ id, text: id })),
    );
    const stop = new AbortController();
    const calls: EngineCall[] = [];
    const engine = stubEngine('solo', calls, async (task, signal) => {
      if (task.id !== 'b') return {};
      stop.abort();
      return signal.aborted ? { status: 'interrupted' as const } : {};
    });
    const result = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      signal: stop.signal,
      engine,
    }).run();
    expect(result).toMatchObject({ stop: 'stopped', processed: 1 });
    expect((await claimEntries(stateFile)).map((e) => [e.id, e.state])).toEqual([
      ['a', 'done'],
      ['b', 'claimed'],
    ]);
    const bounded = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      maxTasks: 1,
      engine: stubEngine('solo', calls),
    }).run();
    expect(bounded).toMatchObject({ stop: 'max-tasks', processed: 1 });
    expect(calls.at(-1)).toMatchObject({ taskId: 'b', resumed: true, runId: 'q-b' });
  });

  it('recycles finished work while idle, under a new run id each time, within maxPerTask', async () => {
    await writeLines(queueFile, [{ id: 'a', text: 'x' }]);
    const calls: EngineCall[] = [];
    const clock = manualClock();
    const stop = new AbortController();
    const result = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      clock,
      persistent: true,
      maxTasks: 5,
      pollMs: 1_000,
      recycle: { afterMs: 10_000, maxPerCycle: 1, maxPerTask: 2 },
      engine: stubEngine('solo', calls, (task) => {
        // The third run is the last recycling allows: nothing would ever come after it.
        if (calls.length === 3) stop.abort();
        return { status: calls.length === 1 ? 'failed' : 'completed', detail: task.id };
      }),
      signal: stop.signal,
    }).run();
    expect(calls.map((c) => c.runId)).toEqual(['q-a', 'q1-a', 'q2-a']);
    expect(result.stop).toBe('stopped');
    const [entry] = await claimEntries(stateFile);
    expect(entry).toMatchObject({ state: 'done', recycles: 2, attempts: 3 });
    expect(entry!.history!.map((h) => h.from)).toEqual(['blocked', 'done']);
    expect((await laneEvents(tmp.dir, 'solo')).filter((e) => e.type === 'task_recycled')).toHaveLength(2);
  });
});

describe('compaction under lanes', () => {
  it('never runs a task twice while the claim records are compacted to 3 and the queue is read whole again', async () => {
    const docFile = tmp.path('queue.json');
    const tasks = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => ({ id: `c${from + i}`, text: 'x' }));
    const calls: EngineCall[] = [];
    const lane = (name: string) =>
      testLane({
        lane: name,
        dir: tmp.dir,
        queueFile: docFile,
        stateFile,
        store: new ClaimStore({ path: stateFile, maxClaimed: 3 }),
        engine: stubEngine(name, calls),
      });
    await writeFile(docFile, JSON.stringify(tasks(0, 20)));
    expect(await lane('l0').run()).toMatchObject({ stop: 'drained', processed: 20 });
    // The whole document again, with every old id and five new ones, for two fresh lanes one after the other.
    await writeFile(docFile, JSON.stringify({ tasks: [...tasks(0, 25)].reverse() }));
    expect(await lane('l1').run()).toMatchObject({ stop: 'drained', processed: 5 });
    expect(await lane('l2').run()).toMatchObject({ stop: 'drained', processed: 0 });
    expect(calls.map((c) => c.taskId).sort()).toEqual(
      tasks(0, 25)
        .map((t) => t.id)
        .sort(),
    );
    const store = new ClaimStore({ path: stateFile });
    await store.refresh();
    expect(store.entries().length).toBeLessThanOrEqual(3);
    expect(store.compactedCount).toBeGreaterThanOrEqual(22);
  });
});

describe('laneRunId', () => {
  it('derives distinct, valid run ids', () => {
    expect(laneRunId('T-1')).toBe('q-T-1');
    expect(laneRunId('T-1', 2)).toBe('q2-T-1');
    const odd = ['issue:5', 'issue-5', '_x', 'x'.repeat(128), `${'x'.repeat(127)}y`, 'a:b', 'a-b', 'q-a'];
    const ids = odd.flatMap((id) => [laneRunId(id), laneRunId(id, 1)]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/);
    expect(laneRunId('issue:5')).toMatch(/^qh-issue-5-[0-9a-f]{12}$/);
  });
});
