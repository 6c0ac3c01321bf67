/**
 * ClaimStore: idempotent claims, outcomes, cursors, a corrupt file, contention between stores, and the
 * compaction invariant — compacting aggressively while the whole queue is read again and again never
 * hands out a task that was claimed.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimStore, ClaimStoreError, maxClaimedFrom } from '../../src/queue/claim-store.ts';
import { QueueReader } from '../../src/queue/queue-reader.ts';
import type { QueueEvent, QueueTask } from '../../src/queue/types.ts';
import { mulberry32, tempDir, writeLines, type TempDir } from './helpers.ts';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(async () => {
  await tmp.cleanup();
});

const task = (id: string, extra: Partial<QueueTask> = {}): QueueTask => ({
  id,
  text: `task ${id}`,
  priority: 0,
  source: 'file',
  ref: `q:${id}`,
  ...extra,
});

describe('claims', () => {
  it('claims once: a second claim by anyone is already-claimed, also from another store on the file', async () => {
    const path = tmp.path('state.json');
    const a = new ClaimStore({ path });
    const b = new ClaimStore({ path });
    expect(await a.claim('1', 'lane-a', { task: task('1') })).toMatchObject({
      kind: 'claimed',
      entry: { id: '1', state: 'claimed', lane: 'lane-a', attempts: 1 },
    });
    expect(await a.claim('1', 'lane-a', { task: task('1') })).toMatchObject({ kind: 'already-claimed' });
    expect(await b.claim('1', 'lane-b', { task: task('1') })).toMatchObject({
      kind: 'already-claimed',
      entry: { lane: 'lane-a' },
    });
    expect(await b.claim('2', 'lane-b')).toEqual({ kind: 'unknown-task' });
    await b.refresh();
    expect(b.isKnown('1')).toBe(true);
    expect(b.unclaimed([task('1'), task('2')]).map((t) => t.id)).toEqual(['2']);
    expect(b.inFlight('lane-a').map((e) => e.id)).toEqual(['1']);
    expect(b.inFlight('lane-b')).toEqual([]);
  });

  it('records outcomes for the claiming lane only', async () => {
    const store = new ClaimStore({ path: tmp.path('state.json') });
    await store.claim('1', 'a', { task: task('1') });
    expect(await store.finish('1', 'done', 'ok', { lane: 'b' })).toMatchObject({ kind: 'not-claimed' });
    expect(await store.finish('1', 'blocked', 'x'.repeat(5000), { lane: 'a', runId: 'q-1' })).toMatchObject({
      kind: 'finished',
      entry: { state: 'blocked', runId: 'q-1' },
    });
    expect(store.entry('1')!.detail).toHaveLength(1000);
    expect(await store.finish('1', 'done')).toMatchObject({
      kind: 'not-claimed',
      entry: { state: 'blocked' },
    });
    expect(await store.finish('nope', 'done')).toEqual({ kind: 'not-claimed' });
    expect(store.inFlight('a')).toEqual([]);
  });

  it('records an outcome and claims the next task in one write (finishAndClaim)', async () => {
    const path = tmp.path('state.json');
    const store = new ClaimStore({ path });
    const other = new ClaimStore({ path });
    await store.claim('1', 'a', { task: task('1') });
    await other.claim('3', 'b', { task: task('3') });
    const before = (await stat(path)).ino;
    const written = await store.finishAndClaim(
      { taskId: '1', outcome: 'done', detail: 'ok', lane: 'a', runId: 'q-1' },
      { taskId: '2', task: task('2') },
    );
    expect(written).toMatchObject({
      finish: { kind: 'finished', entry: { state: 'done', runId: 'q-1' } },
      claim: { kind: 'claimed', entry: { id: '2', lane: 'a', attempts: 1 } },
    });
    expect((await stat(path)).ino).not.toBe(before); // one atomic replacement carried both
    await other.refresh();
    expect(other.entry('1')).toMatchObject({ state: 'done', detail: 'ok' });
    expect(other.inFlight('a').map((e) => e.id)).toEqual(['2']);
    // Someone else's task is not taken, and the outcome is recorded all the same.
    expect(
      await store.finishAndClaim(
        { taskId: '2', outcome: 'blocked', lane: 'a' },
        { taskId: '3', task: task('3') },
      ),
    ).toMatchObject({
      finish: { kind: 'finished', entry: { state: 'blocked' } },
      claim: { kind: 'already-claimed', entry: { lane: 'b' } },
    });
  });

  it('refuses to hand out anything from a claim-state file it cannot understand, and leaves it alone', async () => {
    const path = tmp.path('state.json');
    for (const content of ['{not json', JSON.stringify({ version: 1, entries: 'x' }), '[]']) {
      await writeFile(path, content);
      const store = new ClaimStore({ path });
      await expect(store.refresh()).rejects.toBeInstanceOf(ClaimStoreError);
      await expect(store.claim('1', 'a', { task: task('1') })).rejects.toThrow(/not handing out tasks/);
      expect(await readFile(path, 'utf8')).toBe(content);
    }
  });

  it('keeps cursors per queue and only moves them forward on the same file', async () => {
    const store = new ClaimStore({ path: tmp.path('state.json') });
    const cursor = (offset: number, ino = 7, head = 'a'.repeat(64)) => ({
      offset,
      line: offset,
      ino,
      headBytes: Math.min(offset, 4096),
      head,
    });
    expect(await store.advanceCursor('/q', cursor(5000))).toBe(true);
    expect(await store.advanceCursor('/q', cursor(100, 7, 'b'.repeat(64)))).toBe(false);
    expect(store.cursor('/q')?.offset).toBe(5000);
    expect(await store.advanceCursor('/q', cursor(6000))).toBe(true);
    // Another file identity replaces it: whoever saw the rewrite starts over.
    expect(await store.advanceCursor('/q', cursor(10, 8))).toBe(true);
    expect(store.cursor('/q')).toMatchObject({ offset: 10, ino: 8 });
    expect(store.cursor('/other')).toBeUndefined();
  });

  it('reads the bound from KEEL_TASK_QUEUE_MAX_CLAIMED, falling back on nonsense', () => {
    expect(maxClaimedFrom({})).toBe(10_000);
    expect(maxClaimedFrom({ KEEL_TASK_QUEUE_MAX_CLAIMED: '250' })).toBe(250);
    for (const bad of ['0', '-3', '1.5', 'lots', ''])
      expect(maxClaimedFrom({ KEEL_TASK_QUEUE_MAX_CLAIMED: bad })).toBe(10_000);
  });

  it('serialises twenty concurrent claimers on one file: every id claimed exactly once', async () => {
    const path = tmp.path('state.json');
    const ids = Array.from({ length: 30 }, (_, i) => `t${i}`);
    const stores = Array.from(
      { length: 4 },
      () => new ClaimStore({ path, lockBackoffMs: 5, lockAttempts: 30 }),
    );
    const won = new Map<string, string[]>();
    await Promise.all(
      stores.flatMap((store, s) =>
        ids.map(async (id) => {
          const result = await store.claim(id, `lane-${s}`, { task: task(id) });
          expect(result.kind).not.toBe('lock-busy');
          if (result.kind === 'claimed') won.set(id, [...(won.get(id) ?? []), `lane-${s}`]);
        }),
      ),
    );
    expect([...won.keys()].sort()).toEqual([...ids].sort());
    for (const [id, lanes] of won) expect(lanes, id).toHaveLength(1);
    const file = JSON.parse(await readFile(path, 'utf8')) as { entries: { id: string }[] };
    expect(file.entries.map((e) => e.id).sort()).toEqual([...ids].sort());
  });
});

describe('compaction', () => {
  it('bounds the records and moves the oldest finished ones into the hashed set, never in-flight ones', async () => {
    const events: QueueEvent[] = [];
    const store = new ClaimStore({
      path: tmp.path('state.json'),
      maxClaimed: 10,
      log: (e) => events.push(e as QueueEvent),
    });
    for (let i = 0; i < 25; i++) {
      await store.claim(`t${i}`, 'a', { task: task(`t${i}`) });
      if (i % 5 !== 4) await store.finish(`t${i}`, 'done');
    }
    const entries = store.entries();
    expect(entries.length).toBeLessThanOrEqual(10);
    // t4, t9, t14, t19, t24 are still claimed: kept whatever their age.
    for (const id of ['t4', 't9', 't14', 't19', 't24']) expect(store.entry(id)?.state).toBe('claimed');
    for (let i = 0; i < 25; i++) expect(store.isKnown(`t${i}`)).toBe(true);
    expect(store.isKnown('t25')).toBe(false);
    expect(store.entries().length + store.compactedCount).toBe(25);
    expect(events.some((e) => e.type === 'queue_compacted')).toBe(true);
    for (let i = 0; i < 25; i++)
      expect((await store.claim(`t${i}`, 'b', { task: task(`t${i}`) })).kind, `t${i}`).toBe(
        'already-claimed',
      );
  });

  it('says so when in-flight work alone is over the bound', async () => {
    const events: QueueEvent[] = [];
    const store = new ClaimStore({
      path: tmp.path('state.json'),
      maxClaimed: 3,
      log: (e) => events.push(e as QueueEvent),
    });
    for (let i = 0; i < 5; i++) await store.claim(`t${i}`, 'a', { task: task(`t${i}`) });
    expect(store.entries()).toHaveLength(5);
    expect(events.at(-1)).toMatchObject({ type: 'queue_over_bound', entries: 5, maxClaimed: 3, inFlight: 5 });
  });

  it('never re-issues a claimed task while compacting aggressively and re-reading the whole queue', async () => {
    const random = mulberry32(0x5eed);
    const queue = tmp.path('q.ndjson');
    const all = Array.from({ length: 300 }, (_, i) => ({ id: `task-${i}`, text: `t ${i}` }));
    await writeLines(queue, all);
    const state = tmp.path('state.json');
    const stores = [0, 1, 2].map(() => new ClaimStore({ path: state, maxClaimed: 5 }));
    const claimedBy = new Map<string, number>();
    let round = 0;
    while (claimedBy.size < all.length) {
      round++;
      // A fresh reader each round, from the top: every id the queue ever had comes round again.
      const reader = new QueueReader({ path: queue, lanes: [] });
      if (round % 3 === 0) reader.seek(stores[0]!.cursor(queue));
      const read = await reader.read();
      const store = stores[Math.floor(random() * stores.length)]!;
      await store.refresh();
      const offered = store.unclaimed(read.tasks);
      for (const t of offered.slice(0, 1 + Math.floor(random() * 20))) {
        const result = await store.claim(t.id, 'lane', {
          task: t,
          ...(random() < 0.5
            ? {
                cursor: {
                  path: queue,
                  cursor: reader.consumed((id) => id === t.id || store.isKnown(id), false)!,
                },
              }
            : {}),
        });
        if (result.kind === 'claimed') {
          expect(claimedBy.has(t.id), `${t.id} claimed twice`).toBe(false);
          claimedBy.set(t.id, round);
          if (random() < 0.9) await store.finish(t.id, random() < 0.5 ? 'done' : 'blocked');
        }
      }
      // Every id claimed so far is known to every store, compacted or not.
      for (const s of stores) {
        await s.refresh();
        for (const id of claimedBy.keys()) expect(s.isKnown(id), id).toBe(true);
      }
      expect(round).toBeLessThan(500);
    }
    const final = new ClaimStore({ path: state });
    await final.refresh();
    expect(final.entries().length).toBeLessThanOrEqual(
      5 + final.entries().filter((e) => e.state === 'claimed').length,
    );
    expect(final.compactedCount).toBeGreaterThan(250);
    const again = await new QueueReader({ path: queue, lanes: [] }).read();
    expect(final.unclaimed(again.tasks)).toEqual([]);
  });
});
