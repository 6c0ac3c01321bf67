/**
 * Where the daemon and its watchdog keep their files, all under `<stateDir>/daemon/`: one place, so the
 * command, the watchdog, the lock and the tests agree.
 */
import { join } from 'node:path';

export interface DaemonPaths {
  dir: string;
  /** The watchdog's snapshot: per child pid, state, restarts, last exit, next restart. */
  status: string;
  /** Every start, exit, stale heartbeat and restart (NDJSON, rotated). */
  events: string;
  /** The pid lock: one daemon per state directory. */
  lock: string;
  /** `<child>.log`, rotated by size. */
  logs: string;
}

export function daemonPaths(stateDir: string): DaemonPaths {
  const dir = join(stateDir, 'daemon');
  return {
    dir,
    status: join(dir, 'status.json'),
    events: join(dir, 'events.ndjson'),
    lock: join(dir, 'daemon.pid'),
    logs: join(dir, 'logs'),
  };
}
