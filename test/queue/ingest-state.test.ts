/**
 * The reader's per-line state: dedupe by id through number keys (exact also when two ids share one), and
 * the pending lines, compacted in place under a line sink that holds on to their arrays.
 */
import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  firstOccurrence,
  firstRef,
  idKey,
  PendingLines,
  type SeenIds,
} from '../../src/queue/ingest-state.ts';
import { QueueReader } from '../../src/queue/queue-reader.ts';
import type { QueueTask } from '../../src/queue/types.ts';
import { line, tempDir, type TempDir } from './helpers.ts';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await tempDir('keel-pending-');
});
afterEach(async () => {
  await tmp.cleanup();
});

/** Two distinct ids with the same `idKey` (a 30-bit hash: a pair turns up every ~2^15 ids). */
function collidingPair(prefix: string): [string, string] {
  const byKey = new Map<number, string>();
  for (let n = 0; ; n++) {
    const id = `${prefix}${n}`;
    const other = byKey.get(idKey(id));
    if (other !== undefined) return [other, id];
    byKey.set(idKey(id), id);
  }
}

const task = (id: string, ref: string): QueueTask => ({ id, text: 'x', priority: 0, source: 'file', ref });

describe('idKey', () => {
  it('is a non-negative small integer, the same for the same id', () => {
    for (const id of ['', 'a', 'T-1', 'x'.repeat(128), 'é😀', '__proto__']) {
      const key = idKey(id);
      expect(Number.isInteger(key) && key >= 0 && key < 2 ** 30, id).toBe(true);
      expect(idKey(`${id}`)).toBe(key);
    }
    expect(idKey('task-1')).not.toBe(idKey('task-2'));
  });
});

describe('firstOccurrence', () => {
  it('is exact when ids share a key, in either order and again after both', () => {
    const [a, b] = collidingPair('c-');
    const [c, d] = collidingPair('d-');
    expect(a).not.toBe(b);
    expect(idKey(a)).toBe(idKey(b));
    const seen: SeenIds = new Map();
    const tasks: QueueTask[] = [];
    const earlier = new Map<string, string>();
    expect(firstOccurrence(seen, earlier, tasks, task(a, 'q:1'))).toBeUndefined();
    expect(firstOccurrence(seen, earlier, tasks, task(b, 'q:2'))).toBeUndefined();
    expect(firstOccurrence(seen, earlier, tasks, task(d, 'q:3'))).toBeUndefined();
    expect(firstOccurrence(seen, earlier, tasks, task(c, 'q:4'))).toBeUndefined();
    expect(firstOccurrence(seen, earlier, tasks, task(b, 'q:5'))).toBe('q:2');
    expect(firstOccurrence(seen, earlier, tasks, task(a, 'q:6'))).toBe('q:1');
    expect(firstOccurrence(seen, earlier, tasks, task(c, 'q:7'))).toBe('q:4');
    expect(firstOccurrence(seen, earlier, tasks, task(d, 'q:8'))).toBe('q:3');
    expect(tasks.map((t) => t.id)).toEqual([a, b, d, c]);
    const firstRefs = { [a]: 'q:1', [b]: 'q:2', [d]: 'q:3', [c]: 'q:4' };
    for (const [id, ref] of Object.entries(firstRefs)) expect(firstRef(seen, id)).toBe(ref);
    expect(firstRef(seen, `${a}-not`)).toBeUndefined();
    // An id that only shares a key with a known one is not known.
    const [e, f] = collidingPair('e-');
    expect(firstOccurrence(seen, earlier, tasks, task(e, 'q:9'))).toBeUndefined();
    expect(firstRef(seen, f)).toBeUndefined();
    expect(seen.get(idKey(f))).toEqual({ id: e, ref: 'q:9' });
  });

  it('a task an earlier version handed out is recorded but not handed out again', () => {
    const seen: SeenIds = new Map();
    const tasks: QueueTask[] = [];
    const earlier = new Map([['old', 'q:1']]);
    expect(firstOccurrence(seen, earlier, tasks, task('old', 'q:3'))).toBeUndefined();
    expect(firstOccurrence(seen, earlier, tasks, task('new', 'q:4'))).toBeUndefined();
    expect(firstOccurrence(seen, earlier, tasks, task('old', 'q:5'))).toBe('q:3');
    expect(tasks.map((t) => t.id)).toEqual(['new']);
  });

  it('the reader dedupes colliding ids exactly, across reads and rewrites', async () => {
    const [a, b] = collidingPair('job:');
    const path = tmp.path('q.ndjson');
    await writeFile(path, line({ id: a, text: 'one' }) + line({ id: b, text: 'two' }));
    const reader = new QueueReader({ path, lanes: [], displayPath: 'q' });
    const first = await reader.read();
    expect(first.tasks.map((t) => t.id)).toEqual([a, b]);
    expect(reader.has(a) && reader.has(b)).toBe(true);
    const [c, d] = collidingPair('other:');
    expect(reader.has(c) || reader.has(d)).toBe(false);
    await writeFile(
      path,
      line({ id: a, text: 'one' }) + line({ id: b, text: 'two' }) + `${line({ id: b, text: 'again' })}`,
    );
    const again = await reader.read();
    expect(again.tasks).toEqual([]);
    expect(again.problems).toEqual([{ ref: 'q:3', reason: `duplicate id "${b}" (first at q:2)` }]);
    // A rewrite: the ids handed out before are neither new nor duplicates.
    await writeFile(path, line({ id: b, text: 'two' }) + line({ id: c, text: 'three' }));
    const rewritten = await reader.read();
    expect(rewritten.restarted).toBeDefined();
    expect(rewritten.tasks.map((t) => t.id)).toEqual([c]);
    expect(rewritten.problems).toEqual([]);
    expect(reader.has(a) && reader.has(b) && reader.has(c)).toBe(true);
  });
});

describe('PendingLines', () => {
  it('compacts in place: arrays held elsewhere stay the ones it keeps', () => {
    const pending = new PendingLines(1);
    const { ends, ids } = pending;
    for (let i = 0; i < 3000; i++) {
      ends.push((i + 1) * 10);
      ids.push(i % 3 === 0 ? undefined : `t${i}`);
    }
    pending.drop(500);
    expect(pending.ends.length).toBe(3000);
    expect([pending.start, pending.lineOf(pending.start)]).toEqual([500, 501]);
    pending.drop(2000);
    expect(pending.ends).toBe(ends);
    expect(pending.ids).toBe(ids);
    expect([pending.start, pending.firstLine, ends.length, ids.length]).toEqual([0, 2001, 1000, 1000]);
    expect([ends[0], ids[0], ids[1], pending.lineOf(0)]).toEqual([20010, 't2000', undefined, 2001]);
    // The sink goes on pushing to the arrays it holds.
    ends.push(99_999);
    ids.push('last');
    expect([pending.ends.at(-1), pending.ids.at(-1), pending.lineOf(pending.ends.length - 1)]).toEqual([
      99_999,
      'last',
      3001,
    ]);
  });
});
