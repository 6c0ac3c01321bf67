/**
 * Between two tasks a lane writes the claim state once: the outcome of the task it finished and the claim
 * of the next go in one transaction (`finishAndClaim`) — unless the lane is not going on (paused, at
 * `maxTasks`, stopping), when it records the outcome alone and claims nothing it would leave waiting.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimStore } from '../../src/queue/claim-store.ts';
import { tempDir, writeLines, type TempDir } from '../queue/helpers.ts';
import { claimEntries, stubEngine, testLane, type EngineCall } from './lane-helpers.ts';

let tmp: TempDir;
let queueFile: string;
let stateFile: string;
beforeEach(async () => {
  tmp = await tempDir('keel-handover-');
  queueFile = tmp.path('queue.ndjson');
  stateFile = tmp.path('queue-state.json');
});
afterEach(async () => {
  await tmp.cleanup();
});

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

const tasks = (ids: string[]) => ids.map((id) => ({ id, text: `task ${id}` }));

describe('a lane between two tasks', () => {
  it('records the outcome and claims the next in one write; the last outcome alone', async () => {
    await writeLines(queueFile, tasks(['a', 'b', 'c']));
    const counts: Record<string, number> = {};
    const calls: EngineCall[] = [];
    const result = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      store: countingStore(counts),
      engine: stubEngine('solo', calls),
    }).run();
    expect(result).toMatchObject({ stop: 'drained', processed: 3 });
    expect(calls.map((c) => c.taskId)).toEqual(['a', 'b', 'c']);
    expect(counts).toEqual({ claim: 1, finishAndClaim: 2, finish: 1 });
    expect((await claimEntries(stateFile)).map((e) => [e.id, e.state, e.lane])).toEqual([
      ['a', 'done', 'solo'],
      ['b', 'done', 'solo'],
      ['c', 'done', 'solo'],
    ]);
  });

  it('claims nothing ahead when the lane stops after this task: at maxTasks, or paused meanwhile', async () => {
    await writeLines(queueFile, tasks(['a', 'b', 'c']));
    const counts: Record<string, number> = {};
    const limited = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      maxTasks: 2,
      store: countingStore(counts),
      engine: stubEngine('solo', []),
    }).run();
    expect(limited).toMatchObject({ stop: 'max-tasks', processed: 2 });
    expect(counts).toEqual({ claim: 1, finishAndClaim: 1, finish: 1 });
    expect((await claimEntries(stateFile)).map((e) => e.id)).toEqual(['a', 'b']); // c is nobody's yet

    const pauseFlag = join(tmp.dir, 'paused.flag');
    const paused = await testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      pauseFlag,
      engine: stubEngine('solo', [], async () => {
        await writeFile(pauseFlag, 'stop after this one');
        return {};
      }),
    }).run();
    expect(paused).toMatchObject({ stop: 'paused', processed: 1 });
    expect((await claimEntries(stateFile)).map((e) => [e.id, e.state])).toEqual([
      ['a', 'done'],
      ['b', 'done'],
      ['c', 'done'],
    ]);
  });
});
