/**
 * What a lane shows the outside: its heartbeat (`<stateDir>/lanes/<name>/.heartbeat`, or the file the
 * daemon's watchdog names in `KEEL_HEARTBEAT_FILE`) and the pause flag it obeys.
 *
 * The heartbeat is `{ pid, at }` — what `readHeartbeat` and the watchdog read — plus what the lane is doing,
 * for `keel guard` and humans: `{ lane, status, taskId?, runId?, processed }`. An awaited loop, like the
 * run's heartbeat: one write per tick, a failed write is tried again at the next tick, never a throw. It
 * keeps beating while a long run is in progress (the watchdog must not take a busy lane for a hung one).
 */
import { stat } from 'node:fs/promises';
import type { Clock } from '../base/clock.ts';
import { errorCode, errorMessage } from '../base/errors.ts';
import { writeFileAtomic } from '../base/atomic-file.ts';

export type LaneState = 'starting' | 'idle' | 'running' | 'paused' | 'stopping';

export interface LaneBeat {
  status: LaneState;
  taskId?: string;
  runId?: string;
  processed: number;
}

export interface LaneHeartbeatOptions {
  file: string;
  lane: string;
  intervalMs: number;
  clock: Clock;
  signal: AbortSignal;
  /** What the lane is doing right now (read at each tick). */
  current: () => LaneBeat;
  onError?: (error: string) => void;
}

export async function runLaneHeartbeat(options: LaneHeartbeatOptions): Promise<void> {
  const { clock, signal } = options;
  while (!signal.aborted) {
    await writeLaneHeartbeat(options);
    try {
      await clock.sleep(options.intervalMs, signal);
    } catch {
      return;
    }
  }
}

/** One beat, now (also called when the status changes, so a start or a pause shows at once). */
export async function writeLaneHeartbeat(
  options: Pick<LaneHeartbeatOptions, 'file' | 'lane' | 'clock' | 'current' | 'onError'>,
): Promise<void> {
  const beat = { pid: process.pid, at: options.clock.now(), lane: options.lane, ...options.current() };
  try {
    // Disposable after a power cut: no directory fsync per tick.
    await writeFileAtomic(options.file, `${JSON.stringify(beat)}\n`, { syncDir: false });
  } catch (error) {
    options.onError?.(errorMessage(error));
  }
}

/**
 * The flag's presence pauses (its content is the guard's business). A flag that cannot even be looked at
 * (EACCES) counts as present: an operator's stop is not overridden on a guess.
 */
export async function isPaused(flag: string): Promise<boolean> {
  try {
    await stat(flag);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR';
  }
}
