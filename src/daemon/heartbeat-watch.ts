/**
 * Is a supervised child alive? Its heartbeat file (`{ pid, at }`, as `base/heartbeat.ts` writes) is read
 * every `everyMs`; after a start-up grace, a heartbeat not seen to change for `maxAgeMs` means hung.
 * Freshness is measured on the watchdog's clock (when it saw `at` change), not by comparing the child's `at`
 * with our clock: the verdict then does not depend on two processes agreeing about the time, and a fake
 * clock in tests drives it like everything else.
 */
import type { Clock } from '../base/clock.ts';
import { isHeartbeatStale, readHeartbeatFile, type Heartbeat } from '../base/heartbeat.ts';

export interface HeartbeatWatch {
  /** The file the child rewrites (atomically) with `{ pid, at }`. */
  file: string;
  /** Unchanged for longer than this (after the grace) means hung. */
  maxAgeMs: number;
  /** From the start, before which no verdict is made (default `maxAgeMs`). */
  startGraceMs?: number;
}

export interface HeartbeatWatchOptions {
  watch: HeartbeatWatch;
  clock: Clock;
  everyMs: number;
  /** When the child was started (watchdog clock). */
  startedAt: number;
  /** Aborted when the race is decided otherwise (the child exited, shutdown): the watch then never resolves. */
  cancel: AbortSignal;
  /** When the watchdog last saw the heartbeat change, or null. */
  seen: () => number | null;
  /** A new beat was seen at `now` (watchdog clock). */
  onBeat: (now: number) => void;
}

/** Resolves when the heartbeat is judged stale; never resolves once `cancel` aborts. */
export async function watchHeartbeat(o: HeartbeatWatchOptions): Promise<void> {
  const graceMs = o.watch.startGraceMs ?? o.watch.maxAgeMs;
  let lastAt: number | undefined;
  for (;;) {
    try {
      await o.clock.sleep(o.everyMs, o.cancel);
    } catch {
      return new Promise<void>(() => undefined); // cancelled: the race is already decided
    }
    const beat = await readHeartbeatFile(o.watch.file);
    // Decided while we read (it exited): this read must not touch the status of what comes next.
    if (o.cancel.aborted) return new Promise<void>(() => undefined);
    const now = o.clock.now();
    if (beat !== undefined && beat.at !== lastAt) {
      lastAt = beat.at;
      o.onBeat(now);
    }
    const seenAt = o.seen();
    const seen: Heartbeat | undefined = seenAt === null ? undefined : { pid: beat?.pid ?? 0, at: seenAt };
    if (now - o.startedAt >= graceMs && isHeartbeatStale(seen, now, o.watch.maxAgeMs)) return;
  }
}
