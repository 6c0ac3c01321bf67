/**
 * The run lease (`src/run/run-lease.ts`) in-process: who may take a run, what a refusal says, and the fence
 * that stops a process which lost the run from writing anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/base/clock.ts';
import { FileLock } from '../../src/base/file-lock.ts';
import { runLayout } from '../../src/base/state-layout.ts';
import {
  acquireRunLease,
  judgeLease,
  LeaseHeldError,
  LeaseLostError,
  readRunLease,
  type LeaseRecord,
} from '../../src/run/run-lease.ts';
import { TaskStateStore } from '../../src/run/state-store.ts';

const STALE_MS = 10_000;
let dir: string;
let now: number;
// Real sleeps: a lock busy for a moment is waited for, as between two processes.
const clock: Clock = { now: () => now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-lease-'));
  now = 1_700_000_000_000;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function lock(): FileLock {
  return new FileLock({ path: join(dir, 'state.lock'), clock });
}

function acquire(takeOver = false) {
  return acquireRunLease({ runDir: dir, runId: 'r1', clock, staleMs: STALE_MS, lock: lock(), takeOver });
}

/** A pid that is surely not running: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

async function writeLease(record: Partial<LeaseRecord>): Promise<void> {
  const full: LeaseRecord = {
    runId: 'r1',
    pid: process.ppid, // alive, and not this process
    host: hostname(),
    startedAt: now,
    generation: 4,
    token: 'aaaaaaaaaaaaaaaa',
    ...record,
  };
  await writeFile(runLayout(dir).lease, JSON.stringify(full));
}

async function writeBeat(beat: Record<string, unknown>): Promise<void> {
  await writeFile(runLayout(dir).heartbeat, JSON.stringify(beat));
}

describe('judgeLease', () => {
  const record: LeaseRecord = {
    runId: 'r1',
    pid: process.ppid,
    host: hostname(),
    startedAt: 1_000,
    generation: 2,
    token: 'tttttttttttttttt',
  };

  it('a heartbeat of the holder within the bound: live', () => {
    expect(judgeLease(record, { pid: record.pid, at: 5_000, generation: 2 }, 6_000, STALE_MS).state).toBe(
      'live',
    );
  });

  it('no heartbeat for longer than the bound: stale (a suspended or hung holder)', () => {
    const view = judgeLease(record, { pid: record.pid, at: 5_000, generation: 2 }, 16_000, STALE_MS);
    expect(view).toMatchObject({ state: 'stale', lastBeatAt: 5_000 });
  });

  it("another generation's heartbeat does not count for this one", () => {
    const view = judgeLease(record, { pid: record.pid, at: 15_000, generation: 1 }, 16_000, STALE_MS);
    expect(view).toMatchObject({ state: 'stale', lastBeatAt: 1_000 });
  });

  it('a holder whose pid is gone on this host: dead at once', () => {
    expect(judgeLease({ ...record, pid: deadPid() }, undefined, 1_500, STALE_MS).state).toBe('dead');
  });

  it("another host's pid is not asked: judged by its heartbeat only", () => {
    const remote = { ...record, pid: deadPid(), host: 'elsewhere.example' };
    expect(judgeLease(remote, undefined, 1_500, STALE_MS).state).toBe('live');
  });

  it('a heartbeat further in the future than the bound is a clock jump: stale', () => {
    const view = judgeLease(record, { pid: record.pid, at: 100_000, generation: 2 }, 6_000, STALE_MS);
    expect(view.state).toBe('stale');
  });

  it('released: free for the next process', () => {
    expect(judgeLease({ ...record, releasedAt: 2_000 }, undefined, 2_500, STALE_MS).state).toBe('released');
  });
});

describe('acquireRunLease', () => {
  it('takes a free run at generation 1 and writes who holds it', async () => {
    const lease = await acquire();
    const saved = JSON.parse(await readFile(runLayout(dir).lease, 'utf8')) as LeaseRecord;
    expect(saved).toMatchObject({
      runId: 'r1',
      pid: process.pid,
      host: hostname(),
      generation: 1,
      startedAt: now,
    });
    expect(saved.token).toBe(lease.record.token);
    expect(() => lease.check()).not.toThrow();
  });

  it('refuses a live holder in one line naming its pid, host and heartbeat age', async () => {
    await writeLease({ startedAt: now - 5_000 });
    await writeBeat({ pid: process.ppid, at: now - 2_000, generation: 4 });
    const error = await acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeaseHeldError);
    const message = (error as Error).message;
    expect(message).toContain(
      `run r1 is being worked on by pid ${process.ppid} on ${hostname()}, heartbeat 2 s ago`,
    );
    expect(message).toContain('--take-over');
    expect(message).not.toContain('\n');
    // Nothing was written: the holder's lease is as it was.
    expect(JSON.parse(await readFile(runLayout(dir).lease, 'utf8'))).toMatchObject({ generation: 4 });
  });

  it('takes over a stale holder, a dead one, a released lease, and a live one with --take-over; the generation goes up', async () => {
    await writeLease({ startedAt: now - STALE_MS - 1 });
    expect((await acquire()).generation).toBe(5);
    await writeLease({ pid: deadPid(), generation: 7 });
    expect((await acquire()).generation).toBe(8);
    await writeLease({ generation: 9, releasedAt: now });
    expect((await acquire()).generation).toBe(10);
    await writeLease({ generation: 11 });
    await writeBeat({ pid: process.ppid, at: now, generation: 11 });
    expect((await acquire(true)).generation).toBe(12);
  });

  it('two processes racing: one lease, the other refused', async () => {
    // Two acquisitions with their own locks, as two processes would have.
    const results = await Promise.allSettled([acquire(), acquire()]);
    const taken = results.filter((r) => r.status === 'fulfilled');
    expect(taken).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    // Our own pid holds it: judged alive because this process holds that token.
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(LeaseHeldError);
  });
});

describe('the fence', () => {
  it('a holder that was taken over throws LeaseLostError at its next check, naming the new holder', async () => {
    const lease = await acquire();
    await writeLease({ generation: 2, pid: 4242, host: 'other-host', token: 'bbbbbbbbbbbbbbbb' });
    expect(() => lease.check()).toThrow(LeaseLostError);
    expect(() => lease.check()).toThrow(
      /lost its lease — pid 4242 on other-host holds it now \(generation 2\)/,
    );
    expect(lease.holds()).toBe(false);
    expect(lease.lost).toBeInstanceOf(LeaseLostError);
  });

  it('a lease file that is gone is lost too (the run directory was replaced)', async () => {
    const lease = await acquire();
    await rm(runLayout(dir).lease);
    expect(() => lease.check()).toThrow(/its lease file is gone/);
  });

  it('a fenced checkpoint leaves state.json untouched', async () => {
    const lease = await acquire();
    const store = new TaskStateStore({ runDir: dir, clock, fence: () => lease.check() });
    await writeFile(runLayout(dir).state, '{"before":true}\n');
    await writeLease({ generation: 2, token: 'cccccccccccccccc' });
    await expect(store.save({} as never)).rejects.toBeInstanceOf(LeaseLostError);
    expect(await readFile(runLayout(dir).state, 'utf8')).toBe('{"before":true}\n');
  });

  it('release marks the lease released (the next process need not wait) and only while it is ours', async () => {
    const lease = await acquire();
    now += 1_000;
    await lease.release(now);
    expect((await readRunLease(dir, now, STALE_MS)).state).toBe('released');
    const next = await acquire();
    expect(next.generation).toBe(2);
    await writeLease({ generation: 3, token: 'dddddddddddddddd' });
    await next.release(now);
    expect(JSON.parse(await readFile(runLayout(dir).lease, 'utf8'))).toMatchObject({ generation: 3 });
    expect(JSON.parse(await readFile(runLayout(dir).lease, 'utf8'))).not.toHaveProperty('releasedAt');
  });
});
