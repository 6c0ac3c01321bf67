/**
 * Issue 12 §8: one bad queue task never stops a lane. Ids like `a..b`, `x.lock` and `a.` fit the queue's
 * character rule but make branch names git refuses (`keel/q-a..b`); three of them in a row used to stop the
 * lane ("3 tasks in a row failed to run") with six valid tasks waiting for a restart. Ids are now checked
 * against git's ref-name rules when the queue is read (a problem event names the line and the rule), and a task
 * that cannot run as written is recorded failed while the lane goes on; only the machine's failures count
 * toward stopping.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceError } from '../../src/git/workspace.ts';
import { LaneRunner } from '../../src/lanes/lane-runner.ts';
import { normalizeTask } from '../../src/queue/normalize.ts';
import { tempDir, writeLines, type TempDir } from '../queue/helpers.ts';
import { claimEntries, laneEvents, stubEngine, testLane, type EngineCall } from '../lanes/lane-helpers.ts';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await tempDir('keel-sec-queue-');
});
afterEach(async () => {
  await tmp.cleanup();
});

const BAD = ['a..b', 'x.lock', 'a.'];
const GOOD = ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6'];

describe('queue ids and git’s ref-name rules', () => {
  it('an id git would refuse in the run’s branch name is a problem naming the rule', () => {
    for (const id of BAD) {
      const result = normalizeTask({ id, text: 'do it' }, 'queue.ndjson:3', { lanes: [] });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problem.ref).toBe('queue.ndjson:3');
        expect(result.problem.reason).toMatch(/which git refuses in a branch name/);
      }
    }
    expect(normalizeTask({ id: 'a.b:c-d', text: 'do it' }, 'q:1', { lanes: [] }).ok).toBe(true);
  });

  it('a lane reads past them, events naming each line, and runs the six valid tasks', async () => {
    const queueFile = tmp.path('queue.ndjson');
    const stateFile = tmp.path('queue-state.json');
    await writeLines(
      queueFile,
      [...BAD, ...GOOD].map((id) => ({ id, text: `task ${id}` })),
    );
    const calls: EngineCall[] = [];
    const lane = testLane({
      lane: 'solo',
      dir: tmp.dir,
      queueFile,
      stateFile,
      engine: stubEngine('solo', calls),
    });
    const result = await lane.run();
    expect(result.stop).toBe('drained');
    expect(calls.map((c) => c.taskId)).toEqual(GOOD);
    const problems = (await laneEvents(tmp.dir, 'solo')).filter((e) => e.type === 'queue_problem');
    expect(problems.map((p) => p.ref)).toEqual([1, 2, 3].map((line) => `${queueFile}:${line}`));
    for (const p of problems) expect(p.reason).toMatch(/git refuses in a branch name/);
  });

  it('tasks the engine cannot run are recorded failed; the lane goes on to the rest', async () => {
    const queueFile = tmp.path('queue.ndjson');
    const stateFile = tmp.path('queue-state.json');
    const ids = ['x-1', 'x-2', 'x-3', 'x-4', ...GOOD];
    await writeLines(
      queueFile,
      ids.map((id) => ({ id, text: `task ${id}` })),
    );
    const calls: EngineCall[] = [];
    const engine = stubEngine('solo', calls, (task) => {
      if (task.id.startsWith('x-'))
        throw new WorkspaceError('invalid', `not a branch name: keel/q-${task.id}`);
      return {};
    });
    const lane: LaneRunner = testLane({ lane: 'solo', dir: tmp.dir, queueFile, stateFile, engine });
    const result = await lane.run();
    expect(result.stop).toBe('drained');
    const entries = await claimEntries(stateFile);
    const state = (id: string) => entries.find((e) => e.id === id)?.state;
    expect(ids.slice(0, 4).map(state)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(GOOD.map(state)).toEqual(GOOD.map(() => 'done'));
    // Not retried: a task that cannot run does not run on a second try either.
    expect(calls.filter((c) => c.taskId === 'x-1')).toHaveLength(1);
  });
});
