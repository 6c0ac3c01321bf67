/**
 * The store in one process: round trip, the lock's retry schedule (on a recording clock: the schedule is
 * asserted, never the time it takes), stale-lock takeover, corrupt checkpoints moved aside, run listing.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLock } from '../../src/base/file-lock.ts';
import { buildManifest } from '../../src/run/manifest.ts';
import {
  latestUnfinishedRun,
  listRuns,
  STATE_LOCK_FILE,
  TaskStateStore,
  TaskStateStoreLockError,
  type StoreEvent,
} from '../../src/run/state-store.ts';
import { BASE_TIME, deadPid, makeState, recordingClock } from './fixtures/states.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeLock(
  runDir: string,
  holder: { pid: number; at: number; host?: string; token?: string },
): Promise<void> {
  await mkdir(runDir, { recursive: true });
  await writeFile(
    join(runDir, STATE_LOCK_FILE),
    JSON.stringify({ host: hostname(), token: 'someone-else', ...holder }),
  );
}

describe('TaskStateStore.save / load', () => {
  it('round-trips a state, creating the run directory, and leaves no lock or temp file', async () => {
    const runDir = join(dir, 'runs', 'run-1');
    const store = new TaskStateStore({ runDir });
    expect(await store.load()).toEqual({});
    const state = makeState('one', { subtasks: 5 });
    await store.save(state);
    expect(await store.load()).toEqual({ state });
    await store.save(makeState('two'));
    expect((await store.load()).state?.task.text).toBe('task two');
    expect(await readdir(runDir)).toEqual(['state.json']);
  });

  it('serialises parallel saves in one process without spending lock retries', async () => {
    const { clock, sleeps } = recordingClock();
    const store = new TaskStateStore({ runDir: join(dir, 'run'), clock });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(makeState(`p${i}`))));
    expect(sleeps).toEqual([]);
    // Saves run in call order, so the last call wins.
    expect((await store.load()).state?.task.text).toBe('task p19');
  });

  it('moves a corrupt checkpoint aside (never deletes it) and reports the problem', async () => {
    const runDir = join(dir, 'run');
    const { clock } = recordingClock();
    const events: StoreEvent[] = [];
    const store = new TaskStateStore({ runDir, clock, log: (e) => events.push(e) });
    await mkdir(runDir, { recursive: true });
    await writeFile(join(runDir, 'state.json'), '{"version":1,"runId":"run-1","task":');

    const loaded = await store.load();
    expect(loaded.state).toBeUndefined();
    expect(loaded.problem).toMatch(/not JSON.*moved aside/);
    expect(await readdir(runDir)).toEqual([`state.json.corrupt-${BASE_TIME}`]);
    expect(await readFile(join(runDir, `state.json.corrupt-${BASE_TIME}`), 'utf8')).toBe(
      '{"version":1,"runId":"run-1","task":',
    );
    expect(events).toContainEqual(expect.objectContaining({ type: 'state_corrupt' }));
    expect(await store.load()).toEqual({});
  });

  it('moves aside a checkpoint that is JSON but not a valid state', async () => {
    const runDir = join(dir, 'run');
    const store = new TaskStateStore({ runDir, clock: recordingClock().clock });
    await mkdir(runDir, { recursive: true });
    await writeFile(join(runDir, 'state.json'), JSON.stringify({ ...makeState('x'), steps: 'nope' }));
    expect((await store.load()).problem).toMatch(/invalid checkpoint at steps/);
    expect(await readdir(runDir)).toEqual([`state.json.corrupt-${BASE_TIME}`]);
  });

  it('leaves a checkpoint from a newer keel in place', async () => {
    const runDir = join(dir, 'run');
    const store = new TaskStateStore({ runDir });
    await mkdir(runDir, { recursive: true });
    await writeFile(join(runDir, 'state.json'), JSON.stringify({ ...makeState('x'), version: 2 }));
    expect((await store.load()).problem).toMatch(/newer keel/);
    expect(await readdir(runDir)).toEqual(['state.json']);
  });
});

describe('TaskStateStore lock', () => {
  it('retries 5 times with backoff 100, 200, 400, 800 ms, then throws TaskStateStoreLockError', async () => {
    const runDir = join(dir, 'run');
    const { clock, sleeps } = recordingClock();
    const events: StoreEvent[] = [];
    // A live holder: the test runner's parent process.
    await writeLock(runDir, { pid: process.ppid, at: BASE_TIME });
    const store = new TaskStateStore({ runDir, clock, log: (e) => events.push(e) });

    const error = await store.save(makeState('blocked')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskStateStoreLockError);
    const lockError = error as TaskStateStoreLockError;
    expect(lockError.attempts).toBe(5);
    expect(sleeps).toEqual([100, 200, 400, 800]);
    expect(lockError.waitedMs).toBe(1_500);
    expect(lockError.waitedMs).toBeLessThan(3_000);
    expect(lockError.holder?.pid).toBe(process.ppid);
    expect(
      events.filter((e) => e.type === 'lock_retry').map((e) => (e as { attempt: number }).attempt),
    ).toEqual([1, 2, 3, 4]);
    expect(events.at(-1)).toMatchObject({ type: 'lock_exhausted', attempts: 5, waitedMs: 1_500 });
    // Nothing written, and the holder's lock untouched.
    expect((await readdir(runDir)).sort()).toEqual([STATE_LOCK_FILE]);
  });

  it('gets the lock on a later attempt when the holder lets go', async () => {
    const runDir = join(dir, 'run');
    await writeLock(runDir, { pid: process.ppid, at: BASE_TIME });
    let now = BASE_TIME;
    const sleeps: number[] = [];
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
        if (sleeps.length === 2) await rm(join(runDir, STATE_LOCK_FILE));
      },
    };
    await new TaskStateStore({ runDir, clock }).save(makeState('late'));
    expect(sleeps).toEqual([100, 200]);
    expect(await readdir(runDir)).toEqual(['state.json']);
  });

  it('takes over a lock left by a dead process at once', async () => {
    const runDir = join(dir, 'run');
    const { clock, sleeps } = recordingClock();
    const events: StoreEvent[] = [];
    const pid = deadPid();
    await writeLock(runDir, { pid, at: BASE_TIME });
    await new TaskStateStore({ runDir, clock, log: (e) => events.push(e) }).save(makeState('after-crash'));
    expect(sleeps).toEqual([]);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'lock_takeover',
        reason: 'dead',
        holder: expect.objectContaining({ pid }) as unknown,
      }),
    );
    expect(await readdir(runDir)).toEqual(['state.json']);
  });

  it('takes over a lock with our own pid that this process does not hold (pid reuse in containers)', async () => {
    const runDir = join(dir, 'run');
    const { clock, sleeps } = recordingClock();
    const events: StoreEvent[] = [];
    await writeLock(runDir, { pid: process.pid, at: BASE_TIME, token: 'from-an-earlier-process' });
    await new TaskStateStore({ runDir, clock, log: (e) => events.push(e) }).save(makeState('same-pid'));
    expect(sleeps).toEqual([]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'lock_takeover', reason: 'dead' }));
  });

  it('waits for a lock this process holds through another store instance', async () => {
    const runDir = join(dir, 'run');
    let release: () => void = () => undefined;
    let holding: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const lock = new FileLock({ path: join(runDir, STATE_LOCK_FILE) });
    const holder = lock.withLock(async () => {
      holding();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await held;
    const { clock, sleeps } = recordingClock();
    await expect(new TaskStateStore({ runDir, clock }).save(makeState('blocked'))).rejects.toBeInstanceOf(
      TaskStateStoreLockError,
    );
    expect(sleeps).toEqual([100, 200, 400, 800]);
    release();
    expect(await holder).toEqual({ ok: true, value: undefined });
  });

  it('takes over a live holder older than staleLockMs, but not a younger one', async () => {
    const runDir = join(dir, 'run');
    const { clock, advance } = recordingClock();
    await writeLock(runDir, { pid: process.ppid, at: BASE_TIME });
    const store = new TaskStateStore({ runDir, clock, staleLockMs: 10_000, lockAttempts: 1 });
    await expect(store.save(makeState('young'))).rejects.toBeInstanceOf(TaskStateStoreLockError);
    advance(10_001);
    await store.save(makeState('old'));
    expect((await store.load()).state?.task.text).toBe('task old');
  });

  it('does not take over a dead pid on another host (pids are per host)', async () => {
    const runDir = join(dir, 'run');
    const { clock } = recordingClock();
    await writeLock(runDir, { pid: deadPid(), at: BASE_TIME, host: `not-${hostname()}` });
    await expect(new TaskStateStore({ runDir, clock }).save(makeState('x'))).rejects.toBeInstanceOf(
      TaskStateStoreLockError,
    );
  });
});

describe('listRuns / latestUnfinishedRun', () => {
  async function saveRun(runId: string, status: 'running' | 'completed' | 'interrupted', updatedAt: number) {
    const state = { ...makeState(runId, { runId }), status, updatedAt };
    await new TaskStateStore({ runDir: join(dir, 'runs', runId) }).save(state);
    return state;
  }

  it('lists runs newest first from manifests or states, and reports garbage without throwing', async () => {
    const a = await saveRun('run-a', 'completed', BASE_TIME + 3_000);
    await writeFile(join(dir, 'runs', 'run-a', 'manifest.json'), JSON.stringify(buildManifest(a)));
    await saveRun('run-b', 'interrupted', BASE_TIME + 2_000);
    await writeFile(join(dir, 'runs', 'run-b', 'manifest.json'), '{ garbage');
    await mkdir(join(dir, 'runs', 'empty'));
    await mkdir(join(dir, 'runs', 'junk'));
    await writeFile(join(dir, 'runs', 'junk', 'state.json'), '[1, 2');
    await writeFile(join(dir, 'runs', 'not-a-dir'), 'x');

    const runs = await listRuns(dir);
    expect(runs.map((r) => [r.runId, r.status, r.source])).toEqual([
      ['run-a', 'completed', 'manifest'],
      ['run-b', 'interrupted', 'state'],
      ['empty', 'unknown', 'none'],
      ['junk', 'unknown', 'none'],
    ]);
    expect(runs[0]).toMatchObject({ task: 'task run-a', steps: { done: 3, failed: 1 } });
    expect(runs[1]!.problem).toBeUndefined();
    expect(runs[2]!.problem).toMatch(/no manifest.json or state.json/);
    expect(runs[3]!.problem).toMatch(/not JSON/);
    expect(await listRuns(join(dir, 'nowhere'))).toEqual([]);
  });

  it('finds the newest unfinished run, trusting the state over a lagging manifest', async () => {
    await saveRun('old-interrupted', 'interrupted', BASE_TIME + 1_000);
    const lagging = await saveRun('newest', 'completed', BASE_TIME + 5_000);
    // Its manifest still says running: the process died between the snapshot and the manifest.
    await writeFile(
      join(dir, 'runs', 'newest', 'manifest.json'),
      JSON.stringify(buildManifest({ ...lagging, status: 'running' })),
    );
    await saveRun('done', 'completed', BASE_TIME + 4_000);
    expect((await latestUnfinishedRun(dir))?.runId).toBe('old-interrupted');
    await saveRun('fresh', 'running', BASE_TIME + 6_000);
    expect((await latestUnfinishedRun(dir))?.runId).toBe('fresh');
    expect(await latestUnfinishedRun(join(dir, 'nowhere'))).toBeUndefined();
  });
});
