/**
 * A lane with several tasks in flight (LaneRunner + lane-pool, a gated stub engine): every lane rule holds
 * with N > 1 — claims (each task once, never more than N in flight, a freed place filled in the same write),
 * the heartbeat (lists every run), pause, `maxTasks`, the error-stop rule, a run interrupted by something
 * else, and shutdown (every run in flight checkpoints and stays claimed; the restart resumes each).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LaneEngine, LaneRunOutcome } from '../../src/lanes/lane-engine.ts';
import { fixedConcurrency } from '../../src/lanes/lane-concurrency.ts';
import { ClaimStore } from '../../src/queue/claim-store.ts';
import { appendLines, mulberry32, tempDir, writeLines, type TempDir } from '../queue/helpers.ts';
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
  tmp = await tempDir('keel-lane-n-');
  queueFile = tmp.path('queue.ndjson');
  stateFile = tmp.path('queue-state.json');
});
afterEach(async () => {
  await tmp.cleanup();
});

const tasks = (ids: string[]) => ids.map((id) => ({ id, text: `task ${id}` }));
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/**
 * An engine whose runs wait until the test ends them (`end(id, outcome)`), or until the lane's signal aborts
 * (then: interrupted, as a real run checkpoints). Counts the runs in flight and the most seen at once.
 */
function gatedEngine(lane: string, calls: EngineCall[]) {
  const open = new Map<string, (outcome: Partial<LaneRunOutcome>) => void>();
  const gate = { inflight: 0, peak: 0, open };
  const engine: LaneEngine = async (task, ctx) => {
    calls.push({ lane, taskId: task.id, runId: ctx.runId, resumed: ctx.resumed });
    gate.inflight++;
    gate.peak = Math.max(gate.peak, gate.inflight);
    try {
      const outcome = await new Promise<Partial<LaneRunOutcome>>((resolve) => {
        open.set(task.id, resolve);
        ctx.signal.addEventListener('abort', () => resolve({ status: 'interrupted' }), { once: true });
      });
      return { status: 'completed', runId: ctx.runId, ...outcome };
    } finally {
      open.delete(task.id);
      gate.inflight--;
    }
  };
  const end = (id: string, outcome: Partial<LaneRunOutcome> = {}): void => {
    const resolve = open.get(id);
    if (!resolve) throw new Error(`${id} is not in flight (in flight: ${[...open.keys()].join(', ')})`);
    resolve(outcome);
  };
  return { engine, gate, end };
}

/** A claim store that counts its transactions by kind. */
function countingStore(counts: Record<string, number>): ClaimStore {
  const store = new ClaimStore({ path: stateFile, lockBackoffMs: 5, lockAttempts: 12 });
  for (const name of ['claim', 'finish', 'finishAndClaim'] as const) {
    const original = store[name].bind(store) as (...args: unknown[]) => Promise<unknown>;
    (store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      counts[name] = (counts[name] ?? 0) + 1;
      return original(...args);
    };
  }
  return store;
}

const heartbeat = (lane: string) => join(tmp.dir, 'lanes', lane, '.heartbeat');
type Beat = { status?: string; processed?: number; concurrency?: number; running?: { taskId: string }[] };
const readBeat = async (lane: string) => (await readJson(heartbeat(lane)).catch(() => ({}))) as Beat;

describe('a lane with concurrency 3', () => {
  it('keeps three runs in flight, lists them in its heartbeat, and fills a freed place in the same write', async () => {
    await writeLines(queueFile, tasks(ids('t', 7)));
    const calls: EngineCall[] = [];
    const { engine, gate, end } = gatedEngine('solo', calls);
    const counts: Record<string, number> = {};
    const lane = testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine,
      store: countingStore(counts),
      concurrency: fixedConcurrency(3),
    });
    const running = lane.run();
    await until(() => gate.inflight === 3, 'three runs in flight');
    expect(calls.map((c) => c.taskId)).toEqual(['t0', 't1', 't2']);
    // Nothing claimed beyond the three in flight.
    expect((await claimEntries(stateFile)).map((e) => [e.id, e.state])).toEqual([
      ['t0', 'claimed'],
      ['t1', 'claimed'],
      ['t2', 'claimed'],
    ]);
    await until(async () => (await readBeat('solo')).running?.length === 3, 'the heartbeat lists three runs');
    expect(await readBeat('solo')).toMatchObject({ status: 'running', concurrency: 3, processed: 0 });
    expect((await readBeat('solo')).running!.map((r) => r.taskId).sort()).toEqual(['t0', 't1', 't2']);

    end('t1');
    await until(() => calls.length === 4 && gate.inflight === 3, 't3 takes the freed place');
    expect(calls[3]).toMatchObject({ taskId: 't3', resumed: false });
    // The outcome of t1 and the claim of t3 were one write.
    expect(counts).toMatchObject({ claim: 3, finishAndClaim: 1 });
    for (const id of ['t0', 't2', 't3']) end(id);
    await until(() => calls.length === 7, 'the rest started');
    for (const id of ['t4', 't5', 't6']) end(id);
    expect(await running).toMatchObject({ stop: 'drained', processed: 7, outcomes: { done: 7 } });
    expect(gate.peak).toBe(3);
    expect(counts.claim! + counts.finishAndClaim!).toBe(7);
    expect((await claimEntries(stateFile)).every((e) => e.state === 'done' && e.attempts === 1)).toBe(true);
  });

  it('two lanes of concurrency 3 on a growing queue claim each task exactly once', async () => {
    const random = mulberry32(14);
    const all: string[] = [];
    const batch = (n: number) => {
      const batchIds = ids(`g${all.length}-`, n);
      all.push(...batchIds);
      return tasks(batchIds);
    };
    await writeLines(queueFile, batch(12));
    const calls: EngineCall[] = [];
    const inflight = new Map<string, number>();
    const peak = new Map<string, number>();
    const stop = new AbortController();
    const lanes = ['l0', 'l1'].map((name) =>
      testLane({
        lane: name,
        dir: tmp.dir,
        queueFile,
        stateFile,
        persistent: true,
        signal: stop.signal,
        concurrency: fixedConcurrency(3),
        engine: stubEngine(
          name,
          calls,
          async () => {
            const now = (inflight.get(name) ?? 0) + 1;
            inflight.set(name, now);
            peak.set(name, Math.max(peak.get(name) ?? 0, now));
            await new Promise((resolve) => setTimeout(resolve, 2 + Math.floor(random() * 8)));
            inflight.set(name, inflight.get(name)! - 1);
            return {};
          },
          () => 0,
        ),
      }),
    );
    const running = lanes.map((lane) => lane.run());
    for (let b = 0; b < 4; b++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await appendLines(queueFile, batch(6));
    }
    await until(
      async () => (await claimEntries(stateFile)).filter((e) => e.state === 'done').length === all.length,
      'all done',
      30_000,
      async () => summary(await claimEntries(stateFile), all.length),
    );
    stop.abort();
    const results = await Promise.all(running);
    expect(results.map((r) => r.stop)).toEqual(['stopped', 'stopped']);
    expect(results[0]!.processed + results[1]!.processed).toBe(all.length);
    expect(calls.map((c) => c.taskId).sort()).toEqual([...all].sort());
    const entries = await claimEntries(stateFile);
    expect(entries.every((e) => e.state === 'done' && e.attempts === 1)).toBe(true);
    for (const name of ['l0', 'l1']) {
      expect(peak.get(name) ?? 0, name).toBeLessThanOrEqual(3);
      const claimed = (await laneEvents(tmp.dir, name)).filter((e) => e.type === 'task_claimed');
      expect(new Set(claimed.map((e) => e.taskId)).size).toBe(claimed.length);
    }
    // Several at once did happen.
    expect(Math.max(...peak.values())).toBeGreaterThan(1);
  });

  it('claims nothing while paused; the runs in flight go on to their end', async () => {
    await writeLines(queueFile, tasks(ids('p', 6)));
    const pauseFlag = join(tmp.dir, 'lanes', 'solo', 'paused.flag');
    const calls: EngineCall[] = [];
    const { engine, gate, end } = gatedEngine('solo', calls);
    const stop = new AbortController();
    const lane = testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine,
      pauseFlag,
      persistent: true,
      signal: stop.signal,
      concurrency: fixedConcurrency(3),
    });
    const running = lane.run();
    await until(() => gate.inflight === 3, 'three runs in flight');
    await mkdir(join(tmp.dir, 'lanes', 'solo'), { recursive: true });
    await writeFile(pauseFlag, JSON.stringify({ at: Date.now(), by: 'me', reason: 'maintenance' }));
    // A lane at its limit looks at the flag when it has a place to fill: as each run ends.
    for (const id of ['p0', 'p1', 'p2']) end(id);
    await until(async () => (await readBeat('solo')).status === 'paused', 'paused heartbeat');
    expect(calls).toHaveLength(3);
    expect((await claimEntries(stateFile)).map((e) => [e.id, e.state])).toEqual([
      ['p0', 'done'],
      ['p1', 'done'],
      ['p2', 'done'],
    ]);
    await rm(pauseFlag);
    await until(() => gate.inflight === 3, 'three more after the pause');
    for (const id of ['p3', 'p4', 'p5']) end(id);
    await until(async () => (await readBeat('solo')).processed === 6, 'all six counted');
    stop.abort();
    expect(await running).toMatchObject({ stop: 'stopped', processed: 6 });

    // Not persistent: a pause stops the lane once the runs in flight have ended.
    await writeLines(queueFile, tasks(ids('q', 4)));
    const second = gatedEngine('solo', calls);
    const again = testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile: tmp.path('state-2.json'),
      engine: second.engine,
      pauseFlag,
      concurrency: fixedConcurrency(3),
    }).run();
    await until(() => second.gate.inflight === 3, 'three runs in flight');
    await writeFile(pauseFlag, 'pause');
    for (const id of ['q0', 'q1', 'q2']) second.end(id);
    expect(await again).toMatchObject({ stop: 'paused', processed: 3 });
    const entries = await claimEntries(tmp.path('state-2.json'));
    expect(entries.map((e) => [e.id, e.state])).toEqual([
      ['q0', 'done'],
      ['q1', 'done'],
      ['q2', 'done'],
    ]);
  });

  it('--max-tasks bounds the tasks started, not only those finished', async () => {
    await writeLines(queueFile, tasks(ids('m', 10)));
    const calls: EngineCall[] = [];
    const { engine, gate, end } = gatedEngine('solo', calls);
    const lane = testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine,
      maxTasks: 4,
      concurrency: fixedConcurrency(3),
    }).run();
    await until(() => gate.inflight === 3, 'three in flight');
    end('m0');
    await until(() => calls.length === 4, 'the fourth');
    for (const id of ['m1', 'm2']) end(id);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toHaveLength(4);
    end('m3');
    expect(await lane).toMatchObject({ stop: 'max-tasks', processed: 4 });
    expect((await claimEntries(stateFile)).map((e) => e.id)).toEqual(['m0', 'm1', 'm2', 'm3']);
  });

  it('stops after maxConsecutiveErrors failures in a row, claiming nothing more once it decided to', async () => {
    await writeLines(queueFile, tasks(ids('e', 12)));
    const calls: EngineCall[] = [];
    const result = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      concurrency: fixedConcurrency(3),
      maxConsecutiveErrors: 3,
      engine: stubEngine('solo', calls, () => {
        throw new Error('not a git repository');
      }),
    }).run();
    expect(result).toMatchObject({ stop: 'errors' });
    expect(result.detail).toMatch(/3 tasks in a row failed to run; last: not a git repository/);
    const entries = await claimEntries(stateFile);
    const failed = entries.filter((e) => e.state === 'failed');
    // The two others in flight when the third failure stopped the lane may end after it, no more.
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.length).toBeLessThanOrEqual(3 + 3 - 1);
    expect(failed.every((e) => e.detail === 'not a git repository')).toBe(true);
    expect(result.processed).toBe(failed.length);
    // Claimed with an earlier outcome and not started once the lane stopped: left for its restart, and said so.
    const left = (await laneEvents(tmp.dir, 'solo')).filter((e) => e.type === 'task_left_claimed');
    const claimed = entries.filter((e) => e.state === 'claimed');
    expect(left.map((e) => [e.taskId, e.status])).toEqual(claimed.map((e) => [e.id, 'not started']));
    expect(failed.length + claimed.length).toBeLessThanOrEqual(3 + 3 - 1);
  });

  it('a success resets the count of failures in a row, in the order the runs end', async () => {
    await writeLines(queueFile, tasks(['a', 'b', 'c', 'd', 'e', 'f', 'g']));
    const calls: EngineCall[] = [];
    // Runs that end when the test says, then fail at once on every try (the lane tries an engine that throws
    // three times).
    const fail = new Set<string>();
    const { engine: gated, gate, end } = gatedEngine('solo', calls);
    const engine: LaneEngine = async (task, ctx) => {
      if (fail.has(task.id)) throw new Error(`${task.id} broken`);
      const outcome = await gated(task, ctx);
      if (fail.has(task.id)) throw new Error(`${task.id} broken`);
      return outcome;
    };
    const failNow = (id: string): void => {
      fail.add(id);
      end(id);
    };
    const recorded = async (id: string) =>
      until(async () => (await claimEntries(stateFile)).find((e) => e.id === id)?.state !== 'claimed', id);
    const lane = testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine,
      maxConsecutiveErrors: 3,
      concurrency: fixedConcurrency(2),
    }).run();
    await until(() => gate.inflight === 2, 'a and b in flight');
    failNow('a');
    await recorded('a');
    failNow('b');
    await recorded('b');
    await until(() => gate.open.has('c') && gate.open.has('d'), 'c and d in flight');
    end('c'); // a success: the count starts again
    await recorded('c');
    failNow('d');
    await recorded('d');
    await until(() => gate.open.has('e'), 'e in flight');
    failNow('e');
    await recorded('e');
    await until(() => gate.open.has('f') && gate.open.has('g'), 'f and g in flight');
    failNow('f'); // the third in a row since c
    await recorded('f');
    end('g');
    expect(await lane).toMatchObject({ stop: 'errors', processed: 7, outcomes: { done: 2, failed: 5 } });
  });

  it('on its signal every run in flight checkpoints and stays claimed; the restart resumes each', async () => {
    await writeLines(queueFile, tasks(ids('s', 5)));
    const calls: EngineCall[] = [];
    const { engine, gate } = gatedEngine('solo', calls);
    const stop = new AbortController();
    const lane = testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine,
      persistent: true,
      signal: stop.signal,
      concurrency: fixedConcurrency(3),
    }).run();
    await until(() => gate.inflight === 3, 'three in flight');
    stop.abort();
    expect(await lane).toMatchObject({ stop: 'stopped', processed: 0 });
    expect(gate.inflight).toBe(0);
    expect((await claimEntries(stateFile)).map((e) => [e.id, e.state, e.lane])).toEqual([
      ['s0', 'claimed', 'solo'],
      ['s1', 'claimed', 'solo'],
      ['s2', 'claimed', 'solo'],
    ]);
    const left = (await laneEvents(tmp.dir, 'solo')).filter((e) => e.type === 'task_left_claimed');
    expect(left.map((e) => [e.taskId, e.status]).sort()).toEqual([
      ['s0', 'interrupted'],
      ['s1', 'interrupted'],
      ['s2', 'interrupted'],
    ]);

    // The restart, with a smaller limit than there are runs to resume: each is resumed, as the same run.
    const restart: EngineCall[] = [];
    const again = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine: stubEngine(
        'solo',
        restart,
        () => ({}),
        () => 5,
      ),
      concurrency: fixedConcurrency(2),
    }).run();
    expect(again).toMatchObject({ stop: 'drained', processed: 5 });
    expect(restart.filter((c) => c.resumed).map((c) => [c.taskId, c.runId])).toEqual([
      ['s0', 'q-s0'],
      ['s1', 'q-s1'],
      ['s2', 'q-s2'],
    ]);
    expect(restart.filter((c) => !c.resumed).map((c) => c.taskId)).toEqual(['s3', 's4']);
    const entries = await claimEntries(stateFile);
    expect(entries.every((e) => e.state === 'done' && e.attempts === 1)).toBe(true);
  });

  it('a run interrupted by something else stops the lane once the others have ended, claiming nothing more', async () => {
    await writeLines(queueFile, tasks(['ok', 'cut', 'other', 'later', 'last']));
    const calls: EngineCall[] = [];
    const { engine, gate, end } = gatedEngine('solo', calls);
    const lane = testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine,
      concurrency: fixedConcurrency(3),
    }).run();
    await until(() => gate.inflight === 3, 'three in flight');
    end('cut', { status: 'interrupted', detail: 'every endpoint down' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toHaveLength(3);
    end('ok');
    end('other', { status: 'failed' });
    expect(await lane).toMatchObject({ stop: 'interrupted', detail: 'every endpoint down', processed: 2 });
    expect((await claimEntries(stateFile)).map((e) => [e.id, e.state])).toEqual([
      ['ok', 'done'],
      ['cut', 'claimed'],
      ['other', 'blocked'],
    ]);
  });
});
