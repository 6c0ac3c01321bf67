/** What the watchdog is given (its children and options) and what it tells (its events). */
import type { Clock } from '../base/clock.ts';
import type { LogEvent } from '../telemetry/event-log.ts';
import type { HeartbeatWatch } from './heartbeat-watch.ts';
import type { ProcessSpec } from './supervised-process.ts';
import type { BackoffPolicy } from './watchdog-backoff.ts';
import type { ExitReason } from './watchdog-status.ts';

export interface ChildSpec extends ProcessSpec {
  /** Unique; also the log file's name (`<name>.log`): letters, digits, `.`, `_`, `-`. */
  name: string;
  heartbeat?: HeartbeatWatch;
  /**
   * A child that runs to an end — a lane that is not persistent drains its queue and exits. Its exit with
   * code 0 is its work done, not a failure: it is `finished`, not restarted, its failure count cleared,
   * until `startRequestFile` appears (the guard writes it when the lane's queue holds work again; without
   * one it stays finished). Any other end — a non-zero code, a signal, a stale heartbeat — is a failure,
   * backed off like every child's.
   */
  finishes?: { startRequestFile?: string };
}

export type WatchdogEvent =
  | { type: 'child_started'; child: string; pid: number; restarts: number; argv: string[]; logFile: string }
  | {
      type: 'child_exited';
      child: string;
      pid: number | null;
      reason: ExitReason;
      code: number | null;
      signal: string | null;
      uptimeMs: number;
      error?: string;
    }
  | {
      type: 'child_heartbeat_stale';
      child: string;
      pid: number;
      lastHeartbeatSeenAt: number | null;
      maxAgeMs: number;
    }
  | { type: 'child_killed'; child: string; pid: number; graceMs: number }
  | { type: 'child_restart_scheduled'; child: string; delayMs: number; at: number; failures: number }
  /** A child that runs to an end exited 0; `startRequestFile`: what starts it again (null: nothing). */
  | { type: 'child_finished'; child: string; startRequestFile: string | null }
  /** A finished child's start request appeared: it starts now. */
  | { type: 'child_start_requested'; child: string; startRequestFile: string }
  | { type: 'status_write_failed'; error: string };

export interface WatchdogOptions {
  children: readonly ChildSpec[];
  /** `status.json` goes here. */
  statusFile: string;
  /** `<child>.log` go here. */
  logDir: string;
  clock?: Clock;
  /** The event log (`EventLog` fits); every event is appended. */
  events?: { append(event: LogEvent): Promise<void> };
  /** Told every event synchronously, as it happens (progress output, tests). */
  onEvent?: (event: WatchdogEvent) => void;
  backoff?: Partial<BackoffPolicy>;
  stopGraceMs?: number;
  /** How often heartbeats are read (default a quarter of the child's max age, 100 ms … 5 s). */
  heartbeatCheckMs?: number;
  /** How often a finished child's start request is looked for (default 5 s). */
  startRequestCheckMs?: number;
  logMaxBytes?: number;
  logKeep?: number;
}
