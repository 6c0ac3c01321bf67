/**
 * The heartbeat loop on fake timers, with an in-memory writer (real file I/O does not move with fake time);
 * one test on real files checks the writer the loop uses by default.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/base/clock.ts';
import { HEARTBEAT_FILE } from '../../src/base/state-layout.ts';
import {
  isHeartbeatStale,
  readHeartbeat,
  runHeartbeat,
  type HeartbeatEvent,
} from '../../src/base/heartbeat.ts';

const START = Date.UTC(2025, 0, 1);
const RUN_DIR = '/runs/r1';

interface Write {
  file: string;
  at: number;
  data: string;
}

function memoryWriter(failing: (file: string, at: number) => boolean = () => false) {
  const writes: Write[] = [];
  const write = async (path: string, data: string): Promise<void> => {
    const file = path.slice(RUN_DIR.length + 1);
    if (failing(file, Date.now())) throw new Error(`disk full writing ${file}`);
    writes.push({ file, at: Date.now() - START, data });
  };
  const times = (file: string): number[] => writes.filter((w) => w.file === file).map((w) => w.at);
  return { write, writes, times };
}

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('runHeartbeat', () => {
  it('writes .heartbeat every tick and the manifest at most every 30 s, forced when older', async () => {
    const { write, writes, times } = memoryWriter();
    const controller = new AbortController();
    let version = 0;
    const loop = runHeartbeat({
      runDir: RUN_DIR,
      intervalMs: 5_000,
      manifest: () => ({ runId: 'r1', version }),
      clock: systemClock,
      signal: controller.signal,
      write,
    });
    await vi.advanceTimersByTimeAsync(65_000);
    expect(times(HEARTBEAT_FILE)).toEqual(
      [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65].map((s) => s * 1_000),
    );
    // Nothing changed between the writes at 30 s and 60 s: forced anyway, because the last one got old.
    expect(times('manifest.json')).toEqual([0, 30_000, 60_000]);
    const beat = JSON.parse(
      writes.find((w) => w.file === HEARTBEAT_FILE && w.at === 65_000)!.data,
    ) as unknown;
    expect(beat).toEqual({ pid: process.pid, at: START + 65_000 });

    version = 1;
    controller.abort();
    await expect(loop).resolves.toBeUndefined();
    const count = writes.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(writes.length).toBe(count);
  });

  it('counts manifest writes made by the checkpoint, so it does not repeat them', async () => {
    const { write, times } = memoryWriter();
    const controller = new AbortController();
    let checkpointAt: number | undefined = START;
    const loop = runHeartbeat({
      runDir: RUN_DIR,
      intervalMs: 5_000,
      manifest: () => ({}),
      manifestWrittenAt: () => checkpointAt,
      clock: systemClock,
      signal: controller.signal,
      write,
    });
    await vi.advanceTimersByTimeAsync(20_000);
    checkpointAt = START + 20_000;
    await vi.advanceTimersByTimeAsync(40_000);
    // Checkpoint at 0 and 20 s; the heartbeat's own write comes 30 s after the latest one.
    expect(times('manifest.json')).toEqual([50_000]);
    controller.abort();
    await loop;
  });

  it('logs a failed write and retries it at the next tick, never throwing', async () => {
    // The disk is full from 0 to 12 s.
    const { write, times } = memoryWriter((_file, now) => now - START < 12_000);
    const events: HeartbeatEvent[] = [];
    const controller = new AbortController();
    const loop = runHeartbeat({
      runDir: RUN_DIR,
      intervalMs: 5_000,
      manifest: () => ({}),
      clock: systemClock,
      signal: controller.signal,
      write,
      log: (e) => events.push(e),
    });
    await vi.advanceTimersByTimeAsync(50_000);
    expect(times(HEARTBEAT_FILE)).toEqual([15, 20, 25, 30, 35, 40, 45, 50].map((s) => s * 1_000));
    // The manifest due at 0 s failed at 0, 5 and 10 s and went out at the first tick that could write it.
    expect(times('manifest.json')).toEqual([15_000, 45_000]);
    expect(events.filter((e) => e.file === HEARTBEAT_FILE)).toHaveLength(3);
    expect(events.filter((e) => e.file === 'manifest.json')).toHaveLength(3);
    expect(events[0]).toEqual({
      type: 'heartbeat_failed',
      file: HEARTBEAT_FILE,
      error: 'disk full writing .heartbeat',
    });
    controller.abort();
    await expect(loop).resolves.toBeUndefined();
  });

  it('survives a manifest builder that throws', async () => {
    const { write, times } = memoryWriter();
    const events: HeartbeatEvent[] = [];
    const controller = new AbortController();
    const loop = runHeartbeat({
      runDir: RUN_DIR,
      intervalMs: 5_000,
      manifest: () => {
        throw new Error('state is being rebuilt');
      },
      clock: systemClock,
      signal: controller.signal,
      write,
      log: (e) => events.push(e),
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times(HEARTBEAT_FILE)).toEqual([0, 5_000, 10_000]);
    expect(events.map((e) => e.file)).toEqual(['manifest.json', 'manifest.json', 'manifest.json']);
    controller.abort();
    await loop;
  });

  it('ends promptly when aborted in the middle of a sleep, and at once when aborted before it starts', async () => {
    const { write, times } = memoryWriter();
    const controller = new AbortController();
    const loop = runHeartbeat({
      runDir: RUN_DIR,
      intervalMs: 5_000,
      manifest: () => ({}),
      clock: systemClock,
      signal: controller.signal,
      write,
    });
    await vi.advanceTimersByTimeAsync(2_000);
    let done = false;
    void loop.then(() => (done = true));
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(times(HEARTBEAT_FILE)).toEqual([0]);

    const before = memoryWriter();
    await runHeartbeat({
      runDir: RUN_DIR,
      intervalMs: 5_000,
      manifest: () => ({}),
      signal: AbortSignal.abort(),
      write: before.write,
    });
    expect(before.writes).toEqual([]);
  });
});

describe('heartbeat files', () => {
  it('writes real files by default and reads them back; staleness is by age', async () => {
    vi.useRealTimers();
    const dir = await mkdtemp(join(tmpdir(), 'keel-heartbeat-'));
    try {
      const controller = new AbortController();
      let resolveManifest: () => void;
      const manifestAsked = new Promise<void>((resolve) => (resolveManifest = resolve));
      const loop = runHeartbeat({
        runDir: dir,
        intervalMs: 60_000,
        manifest: () => {
          resolveManifest();
          return { runId: 'r1' };
        },
        signal: controller.signal,
      });
      await manifestAsked;
      controller.abort();
      await loop;
      const beat = await readHeartbeat(dir);
      expect(beat?.pid).toBe(process.pid);
      expect(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))).toEqual({ runId: 'r1' });
      expect(isHeartbeatStale(beat, beat!.at + 10_000, 15_000)).toBe(false);
      expect(isHeartbeatStale(beat, beat!.at + 20_000, 15_000)).toBe(true);
      expect(isHeartbeatStale(undefined, 0, 15_000)).toBe(true);
      expect(await readHeartbeat(join(dir, 'none'))).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
