/**
 * A finished child (see `ChildSpec.finishes`) waits here for its start request: a file that another
 * process — the guard, which sees the lane's queue hold work again — writes. Polled on the watchdog's clock,
 * so tests move time themselves; looked for at once first, because a request may have been written while
 * the child still ran (the watchdog removes the file before each start, so a request is used by one start).
 */
import { pathExists } from '../base/atomic-file.ts';
import { untilAborted, type Clock } from '../base/clock.ts';

export const DEFAULT_START_REQUEST_CHECK_MS = 5_000;

/** True once `file` exists; false when `signal` aborts first (or at once, with no file to wait for). */
export async function awaitStartRequest(
  file: string | undefined,
  clock: Clock,
  everyMs: number,
  signal: AbortSignal,
): Promise<boolean> {
  if (file === undefined) {
    await untilAborted(signal);
    return false;
  }
  while (!signal.aborted) {
    if (await pathExists(file)) return true;
    try {
      await clock.sleep(everyMs, signal);
    } catch {
      return false;
    }
  }
  return false;
}
