/** Backlog recycling on a fake clock: the delay, the per-cycle and per-task bounds, the recorded reason. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimEntry } from '../../src/queue/claim-state.ts';
import { ClaimStore } from '../../src/queue/claim-store.ts';
import { applyRecycle, planRecycle, recycleCycle } from '../../src/queue/recycle.ts';
import type { QueueEvent, QueueTask } from '../../src/queue/types.ts';
import { manualClock, tempDir, type TempDir } from './helpers.ts';

const HOUR = 3_600_000;
const settings = { afterMs: 2 * HOUR, maxPerCycle: 2, maxPerTask: 2 };

function entry(
  id: string,
  state: ClaimEntry['state'],
  finishedAt: number | undefined,
  recycles = 0,
): ClaimEntry {
  return {
    id,
    state,
    attempts: 1,
    recycles,
    ...(finishedAt !== undefined ? { finishedAt } : {}),
    task: { text: id, priority: 0, source: 'file', ref: `q:${id}` },
  };
}

describe('planRecycle (pure)', () => {
  it('reopens finished tasks older than the delay, oldest first, within both bounds', () => {
    const now = 10 * HOUR;
    const entries = [
      entry('young', 'done', now - HOUR),
      entry('old-done', 'done', now - 5 * HOUR),
      entry('older-blocked', 'blocked', now - 6 * HOUR),
      entry('oldest-but-spent', 'blocked', now - 9 * HOUR, 2),
      entry('failed', 'failed', now - 9 * HOUR),
      entry('running', 'claimed', undefined),
      entry('reopened', 'open', now - 9 * HOUR, 1),
      entry('just-due', 'done', now - 2 * HOUR),
    ];
    const plan = planRecycle(entries, now, settings);
    expect(plan.map((d) => [d.taskId, d.from, d.recycles])).toEqual([
      ['older-blocked', 'blocked', 1],
      ['old-done', 'done', 1],
    ]);
    expect(plan[0]!.reason).toBe('blocked 6 h ago (recycle after 2 h): reopened, 1 of 2');
    expect(planRecycle(entries, now, { ...settings, maxPerCycle: 10 }).map((d) => d.taskId)).toEqual([
      'older-blocked',
      'old-done',
      'just-due',
    ]);
    expect(planRecycle(entries, now, { ...settings, outcomes: ['failed'] }).map((d) => d.taskId)).toEqual([
      'failed',
    ]);
    expect(planRecycle(entries, now, { ...settings, maxPerCycle: 0 })).toEqual([]);
  });
});

describe('applyRecycle', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await tempDir();
  });
  afterEach(async () => {
    await tmp.cleanup();
  });

  const task = (id: string): QueueTask => ({ id, text: id, priority: 0, source: 'file', ref: `q:${id}` });

  it('reopens with the reason recorded, is claimable again, and stops at maxPerTask', async () => {
    const clock = manualClock();
    const store = new ClaimStore({ path: tmp.path('state.json'), clock });
    const events: QueueEvent[] = [];
    await store.claim('a', 'lane', { task: task('a') });
    await store.finish('a', 'blocked', 'endpoint down', { runId: 'q-a' });
    clock.advance(HOUR);
    expect(await recycleCycle(store, settings, clock, (e) => events.push(e))).toEqual({
      reopened: [],
      skipped: [],
    });

    clock.advance(HOUR);
    const first = await recycleCycle(store, settings, clock, (e) => events.push(e));
    expect(first).toMatchObject({ reopened: [{ taskId: 'a', from: 'blocked', recycles: 1 }], skipped: [] });
    expect(store.entry('a')).toMatchObject({
      state: 'open',
      recycles: 1,
      recycledAt: clock.now(),
      history: [
        {
          from: 'blocked',
          detail: 'endpoint down',
          reason: expect.stringMatching(/^blocked 2 h ago/) as string,
        },
      ],
    });
    expect(events).toEqual([
      {
        type: 'task_recycled',
        taskId: 'a',
        from: 'blocked',
        recycles: 1,
        reason: expect.any(String) as string,
      },
    ]);
    expect(store.reopened().map((t) => t.id)).toEqual(['a']);
    expect(store.isKnown('a')).toBe(true);

    // Claimed and finished again, recycled again, then never more.
    expect(await store.claim('a', 'other')).toMatchObject({
      kind: 'claimed',
      entry: { attempts: 2, recycles: 1 },
    });
    await store.finish('a', 'done');
    clock.advance(3 * HOUR);
    expect(await recycleCycle(store, settings, clock)).toMatchObject({ reopened: [{ recycles: 2 }] });
    await store.claim('a', 'lane');
    await store.finish('a', 'done');
    clock.advance(30 * HOUR);
    expect(await recycleCycle(store, settings, clock)).toEqual({ reopened: [], skipped: [] });
    expect(store.entry('a')).toMatchObject({ state: 'done', recycles: 2, attempts: 3 });
    expect(store.entry('a')!.history).toHaveLength(2);
  });

  it('skips a decision whose entry changed before the lock', async () => {
    const clock = manualClock();
    const store = new ClaimStore({ path: tmp.path('state.json'), clock });
    await store.claim('a', 'lane', { task: task('a') });
    await store.finish('a', 'done');
    clock.advance(3 * HOUR);
    const plan = planRecycle(store.entries(), clock.now(), settings);
    // A second recycler got there first.
    await applyRecycle(store, plan);
    expect(await applyRecycle(store, plan)).toMatchObject({ reopened: [], skipped: [{ taskId: 'a' }] });
    expect(store.entry('a')).toMatchObject({ state: 'open', recycles: 1 });
  });
});
