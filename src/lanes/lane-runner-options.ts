/** What a lane runner is given (`lane-runner.ts`), and what it reports when it stops. */
import type { Clock } from '../base/clock.ts';
import type { ClaimStore } from '../queue/claim-store.ts';
import type { RecycleSettings } from '../queue/recycle.ts';
import type { ClaimOutcome } from '../queue/types.ts';
import type { EventLog } from '../telemetry/event-log.ts';
import type { LaneConcurrency } from './lane-concurrency.ts';
import type { LaneEngine } from './lane-engine.ts';
import type { TaskSource } from './lane-intake.ts';
import type { LaneStop } from './lane-pool.ts';
import type { SharedTaskClaims } from './shared-claims.ts';

export interface LaneRunnerOptions {
  lane: string;
  /** Configured lane names: the owners a task may name. */
  lanes: readonly string[];
  /** Absolute: it keys the queue's cursor in the claim store. */
  queueFile: string;
  store: ClaimStore;
  engine: LaneEngine;
  events: EventLog;
  heartbeatFile: string;
  pauseFlag: string;
  persistent?: boolean;
  pollMs?: number;
  maxTasks?: number;
  clock?: Clock;
  signal?: AbortSignal;
  progress?: (line: string) => void;
  sources?: TaskSource[];
  /** Resolves when the queue may have changed (a file watch), or when `signal` aborts. */
  wake?: (signal: AbortSignal) => Promise<void>;
  /** Reopen finished tasks while the lane has nothing else to do. */
  recycle?: RecycleSettings;
  /**
   * Claims shared with lanes on other machines (GitHub runners): a task is taken only when its shared claim
   * is won too. With them, the next task is not claimed together with the last outcome (`#handedOver`): the
   * shared claim comes first, and it cannot be part of the local transaction.
   */
  shared?: SharedTaskClaims;
  maxConsecutiveErrors?: number;
  /** Tasks in flight at once (default: one). */
  concurrency?: LaneConcurrency;
}

export interface LaneResult {
  stop: LaneStop;
  detail?: string;
  /** Tasks run to an outcome by this process. */
  processed: number;
  outcomes: Record<ClaimOutcome, number>;
}

/** How one task ended, as the lane records it in the claim store. */
export interface TaskFinish {
  taskId: string;
  outcome: ClaimOutcome;
  detail: string;
  runId: string;
  /** The run's status, or `error` when the engine could not run it at all. */
  status: string;
  /** False when this was the last task the lane takes (no next task is claimed in the same write). */
  goesOn?: boolean;
}
