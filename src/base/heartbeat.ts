/**
 * The heartbeat: proof of life for watchdogs and for a second process wondering whether a run is still
 * going. An awaited loop (not a `setInterval`, whose un-awaited writes would overlap and whose rejections would
 * go unseen): each tick writes `.heartbeat` (`{ pid, at }`), and the manifest when the last
 * manifest write is `manifestEveryMs` old or older — forced then even if nothing changed, so the
 * manifest's file time also says the run is alive. A failed write is logged and simply tried again at
 * the next tick; the loop never throws and ends promptly when its signal aborts.
 */
import { join } from 'node:path';
import { systemClock, type Clock } from './clock.ts';
import { errorMessage } from './errors.ts';
import { readJsonFile, writeFileAtomic } from './atomic-file.ts';
import { HEARTBEAT_FILE, MANIFEST_FILE } from './state-layout.ts';

export const DEFAULT_MANIFEST_EVERY_MS = 30_000;

export interface Heartbeat {
  pid: number;
  /** Wall-clock ms of the tick. */
  at: number;
  /** The host and the run lease generation the beat is for (a run's heartbeat; absent in older files). */
  host?: string;
  generation?: number;
}

export type HeartbeatEvent = { type: 'heartbeat_failed'; file: string; error: string };

export interface HeartbeatOptions {
  runDir: string;
  /** Tick period, e.g. 5,000 ms. */
  intervalMs: number;
  manifestEveryMs?: number;
  /** The current manifest (`buildManifest(state)` of the engine's live state). */
  manifest: () => object;
  /**
   * When someone else (the checkpoint) last wrote the manifest, so the heartbeat does not write it again
   * right after: `() => coordinator.manifestWrittenAt`.
   */
  manifestWrittenAt?: () => number | undefined;
  clock?: Clock;
  signal: AbortSignal;
  log?: (event: HeartbeatEvent) => void;
  /** The writer; tests swap in one that fails. Defaults to `writeFileAtomic`. */
  write?: (path: string, data: string) => Promise<void>;
  /** Added to every beat (a run's: its host and lease generation). */
  identity?: { host: string; generation: number };
  /**
   * Asked before every tick; false stops the loop without writing (a run that lost its lease must not beat
   * for the process that took it over).
   */
  beforeBeat?: () => boolean;
}

/** Runs until `signal` aborts. Ticks are spaced from their start: the interval is the period. */
export async function runHeartbeat(options: HeartbeatOptions): Promise<void> {
  const { runDir, intervalMs, signal } = options;
  const clock = options.clock ?? systemClock;
  const manifestEveryMs = options.manifestEveryMs ?? DEFAULT_MANIFEST_EVERY_MS;
  // The heartbeat is disposable after a power cut, so its rename is not worth a directory fsync per tick.
  const write =
    options.write ??
    ((path: string, data: string) =>
      writeFileAtomic(path, data, { syncDir: !path.endsWith(HEARTBEAT_FILE) }));
  const log = options.log ?? (() => undefined);
  let ownManifestAt: number | undefined;

  const attempt = async (file: string, data: () => string): Promise<boolean> => {
    try {
      await write(join(runDir, file), data());
      return true;
    } catch (error) {
      log({ type: 'heartbeat_failed', file, error: errorMessage(error) });
      return false;
    }
  };

  while (!signal.aborted) {
    if (options.beforeBeat && !options.beforeBeat()) return;
    const tickAt = clock.now();
    const beat: Heartbeat = { pid: process.pid, at: tickAt, ...options.identity };
    await attempt(HEARTBEAT_FILE, () => `${JSON.stringify(beat)}\n`);
    const lastManifestAt = latest(ownManifestAt, options.manifestWrittenAt?.());
    if (lastManifestAt === undefined || tickAt - lastManifestAt >= manifestEveryMs) {
      if (await attempt(MANIFEST_FILE, () => `${JSON.stringify(options.manifest(), null, 2)}\n`)) {
        ownManifestAt = tickAt;
      }
    }
    if (signal.aborted) return;
    try {
      await clock.sleep(Math.max(0, tickAt + intervalMs - clock.now()), signal);
    } catch (error) {
      if (signal.aborted) return;
      throw error; // a clock that fails otherwise is a bug, not weather
    }
  }
}

function latest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/** The last heartbeat of a run, or undefined when there is none or it is unreadable. */
export function readHeartbeat(runDir: string): Promise<Heartbeat | undefined> {
  return readHeartbeatFile(join(runDir, HEARTBEAT_FILE));
}

/** The heartbeat at `path` (a run's, a lane's, the guard's), or undefined when missing or not a heartbeat. */
export async function readHeartbeatFile(path: string): Promise<Heartbeat | undefined> {
  const read = await readJsonFile(path);
  if (!read.ok || read.value === null || typeof read.value !== 'object') return undefined;
  const { pid, at, host, generation } = read.value as Partial<Heartbeat>;
  if (!Number.isInteger(pid) || typeof at !== 'number' || !Number.isFinite(at)) return undefined;
  return {
    pid: pid!,
    at,
    ...(typeof host === 'string' ? { host } : {}),
    ...(Number.isInteger(generation) ? { generation: generation! } : {}),
  };
}

/** A heartbeat older than `maxAgeMs` (or none at all) means nobody is running this run. */
export function isHeartbeatStale(heartbeat: Heartbeat | undefined, now: number, maxAgeMs: number): boolean {
  return heartbeat === undefined || now - heartbeat.at > maxAgeMs;
}
