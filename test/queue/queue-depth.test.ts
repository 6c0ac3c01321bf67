/** queueDepth: what the idle guard ranks lanes by — a lane's own and unowned unclaimed tasks, plus reopened ones. */
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimStore } from '../../src/queue/claim-store.ts';
import { queueDepth } from '../../src/queue/queue-depth.ts';
import { QueueReader } from '../../src/queue/queue-reader.ts';
import { tempDir, writeLines, type TempDir } from './helpers.ts';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(async () => {
  await tmp.cleanup();
});

describe('queueDepth', () => {
  it('counts unclaimed work per lane, from the persisted cursor, without writing anything', async () => {
    const queueFile = tmp.path('q.ndjson');
    const queueStateFile = tmp.path('state.json');
    const lanes = ['a', 'b'];
    await writeLines(queueFile, [
      { id: '1', text: 'x' },
      { id: '2', text: 'x', owner: 'a' },
      { id: '3', text: 'x', owner: 'b' },
      { id: '4', text: 'x' },
      { id: 'bad', text: 'x', owner: 'nobody' },
    ]);
    const depth = (lane?: string) =>
      queueDepth({ queueFile, queueStateFile, lanes, ...(lane !== undefined ? { lane } : {}) });
    expect([await depth('a'), await depth('b'), await depth()]).toEqual([3, 3, 4]);
    const untouched = new ClaimStore({ path: queueStateFile });
    await untouched.refresh();
    expect(untouched.entries()).toEqual([]);
    expect(existsSync(queueStateFile)).toBe(false);

    // Lane a claims 1 and 2 and finishes 1; the cursor moves past them; then 1 is recycled.
    const store = new ClaimStore({ path: queueStateFile });
    const reader = new QueueReader({ path: queueFile, lanes });
    const { tasks } = await reader.read();
    for (const task of tasks.slice(0, 2)) await store.claim(task.id, 'a', { task });
    await store.advanceCursor(
      queueFile,
      reader.consumed((id) => store.isKnown(id))!,
    );
    expect(store.cursor(queueFile)?.line).toBe(2);
    expect([await depth('a'), await depth('b')]).toEqual([1, 2]);
    await store.finish('1', 'done');
    await store.update((data) => {
      data.entries.set('1', { ...data.entries.get('1')!, state: 'open', recycles: 1 });
    });
    expect([await depth('a'), await depth('b')]).toEqual([2, 3]);
  });
});
