/**
 * `keel guard loop`: cycles spaced `cycleIntervalMs` from their starts, an awaited loop (never a
 * `setInterval` whose cycles could overlap), until the signal aborts. Before each cycle it writes the
 * guard's heartbeat (`{ pid, at }`; the daemon's watchdog restarts a guard whose heartbeat goes stale),
 * so a cycle that hangs shows as a stale heartbeat.
 *
 * A cycle that fails (its own files cannot be written) is reported and the loop goes on: the next cycle
 * may well succeed, and a restart by the watchdog would change nothing.
 */
import { join } from 'node:path';
import { systemClock } from '../base/clock.ts';
import { writeFileAtomic } from '../base/atomic-file.ts';
import { HEARTBEAT_FILE } from '../base/state-layout.ts';
import { type Heartbeat } from '../base/heartbeat.ts';
import { guardDirOf, runGuardCycle, type GuardCycleOptions, type GuardCycleOutcome } from './guard.ts';

export interface GuardLoopOptions extends GuardCycleOptions {
  signal: AbortSignal;
  /** Default `<guardDir>/.heartbeat` (where the daemon looks). */
  heartbeatFile?: string;
  onCycle?: (outcome: GuardCycleOutcome) => void;
  onError?: (error: unknown) => void;
}

export async function runGuardLoop(options: GuardLoopOptions): Promise<void> {
  const { signal } = options;
  const clock = options.clock ?? systemClock;
  const interval = options.lanesFile.guard.cycleIntervalMs;
  const heartbeat =
    options.heartbeatFile ?? join(options.guardDir ?? guardDirOf(options.lanesFile), HEARTBEAT_FILE);
  while (!signal.aborted) {
    const tickAt = clock.now();
    try {
      const beat: Heartbeat = { pid: process.pid, at: tickAt };
      await writeFileAtomic(heartbeat, `${JSON.stringify(beat)}\n`, { syncDir: false });
      const outcome = await runGuardCycle({ ...options, clock });
      options.onCycle?.(outcome);
    } catch (error) {
      options.onError?.(error);
    }
    if (signal.aborted) return;
    try {
      await clock.sleep(Math.max(0, tickAt + interval - clock.now()), signal);
    } catch (error) {
      if (signal.aborted) return;
      throw error; // a clock that fails otherwise is a bug, not weather
    }
  }
}
